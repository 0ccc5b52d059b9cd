import ArgumentParser
import Foundation
import Logging
import NewsDesk
#if canImport(Glibc)
import Glibc
#endif

/// `newsdesk-bench workers`: the same generated site ingested into SQLite (one `newsdesk ingest`) and into PostgreSQL
/// by 1, 2, 4 … `newsdesk ingest --workers L` processes at once, in one run; prints articles/s, the peak memory of each
/// worker process (ru_maxrss from wait4), the lease overhead per source, and search times on the stored articles.
/// `--hosts H --delay S` spreads the feeds over H loopback addresses with a politeness delay (the politeness-bound case).
/// Use a release build: `swift build -c release` then `.build/release/newsdesk-bench workers --db postgres://…`.
struct WorkersBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workers", abstract: "SQLite vs PostgreSQL with 1, 2, 4 worker processes.")

    @Option(help: "Number of generated articles.") var articles: Int = 2000
    @Option(help: "Number of feeds they are spread over.") var feeds: Int = 40
    @Option(help: "Loopback addresses (127.0.0.1 …) the feeds are spread over: one server each.") var hosts: Int = 1
    @Option(help: "defaults.politeness_delay for the run.") var delay: Double = 0
    @Option(help: "PostgreSQL database to use (its NewsDesk tables are dropped before each run).") var db: String
    @Option(help: "Worker process counts, comma-separated.") var workers: String = "1,2,4"
    @Option(help: "Leasing loops per worker process (`ingest --workers L`); a plain ingest runs defaults.concurrency (8) sources at once.")
    var loops: Int = 8

    func run() async throws {
        guard case .postgres(let pgURL) = try StoreLocation(db) else { throw ValidationError("--db: give a postgres:// URL") }
        let counts = workers.split(separator: ",").compactMap { Int($0) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("newsdesk").path
        guard FileManager.default.isExecutableFile(atPath: exe) else { throw BenchError("\(exe) not found: build the newsdesk product too") }
        let perFeed = max(1, (articles + feeds - 1) / feeds)
        let total = articles
        let servers = try (0..<max(1, hosts)).map { h in
            try BenchHTTPServer(host: "127.0.0.\(h + 1)") { path in
                if path.hasPrefix("/feed/"), let i = Int(path.dropFirst("/feed/".count).split(separator: ".").first ?? "") {
                    return ("application/rss+xml; charset=utf-8", Array(BenchContent.feed(i, perFeed: perFeed, total: total).utf8))
                }
                if path.hasPrefix("/article/"), let n = Int(path.dropFirst("/article/".count)), n < total {
                    return ("text/html; charset=utf-8", Array(BenchContent.page(n).utf8))
                }
                return nil
            }
        }
        defer { for s in servers { s.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-bench-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = """
            defaults:
              interval: 60
              politeness_delay: \(delay)
              per_host_concurrency: 4
              max_items_per_run: \(perFeed)
              obey_robots: false
            sources:

            """
        for i in 0..<feeds {
            let server = servers[i % servers.count]
            yaml += """
                  - id: bench-\(i)
                    name: bench \(i)
                    url: \(server.baseURL)/feed/\(i).xml
                    type: rss
                    section: \(["it", "sports", "entertainment", "general"][i % 4])
                    allow_networks: ["127.0.0.0/8"]

                """
        }
        let config = dir.appendingPathComponent("feeds.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        print("bench workers: \(total) articles in \(feeds) feeds on \(servers.count) host(s), politeness_delay \(delay) s; \(loops) loops per worker process; \(ProcessInfo.processInfo.activeProcessorCount) cores")

        // SQLite: one plain ingest.
        let sqlite = dir.appendingPathComponent("bench.sqlite").path
        let base = try Self.runProcesses(exe, count: 1, args: ["ingest", "--config", config, "--db", sqlite, "--quiet"])
        let sqliteStore = try ArticleStore(path: sqlite)
        let sqliteCount = try sqliteStore.articleCount()
        print(String(format: "sqlite      1 process : %5d articles in %6.2f s = %6.0f articles/s; peak RSS %5.1f MB", sqliteCount, base.seconds,
                     Double(sqliteCount) / base.seconds, base.peakMB.max() ?? 0))
        if sqliteCount != total { throw BenchError("sqlite stored \(sqliteCount) of \(total)") }
        let queries = ["반도체", "인공지능 데이터", "축구 우승", "클라우드 보안", "전기차"]
        print("  search: " + (try Self.searchTimes(sqliteStore, queries)))

        for n in counts {
            try PostgresStore.dropSchema(url: pgURL)
            _ = try PostgresStore(url: pgURL)  // schema, so the processes do not all migrate at once
            let r = try Self.runProcesses(exe, count: n, args: ["ingest", "--config", config, "--db", db, "--workers", "\(loops)", "--quiet"])
            let store = try PostgresStore(url: pgURL)
            let stored = try store.articleCount()
            print(String(format: "postgresql  %d process%@: %5d articles in %6.2f s = %6.0f articles/s; peak RSS per worker %@ MB", n, n == 1 ? " " : "es",
                         stored, r.seconds, Double(stored) / r.seconds, r.peakMB.map { String(format: "%.1f", $0) }.joined(separator: "/")))
            if stored != total { throw BenchError("postgresql with \(n) workers stored \(stored) of \(total)") }
            if n == counts.last { print("  search: " + (try Self.searchTimes(store, queries))) }
        }

        // Lease overhead: lease one due source and give it back, repeatedly (what each worker pays per source).
        try PostgresStore.dropSchema(url: pgURL)
        let store = try PostgresStore(url: pgURL)
        let ids = (0..<feeds).map { "bench-\($0)" }
        try store.syncSources(ids.map { SourceConfig(id: $0, name: $0, url: "https://bench.example.com/\($0)", section: "it") })
        let rounds = 500
        let start = Date()
        for _ in 0..<rounds {
            guard let lease = try store.lease(ids: ids, worker: "bench", limit: 1, seconds: 60, forceSince: Date()).first else { throw BenchError("nothing leased") }
            try store.release(lease)
        }
        print(String(format: "lease + release: %.2f ms per source (%d rounds, %d sources)", Date().timeIntervalSince(start) * 1000 / Double(rounds), rounds, feeds))
        try PostgresStore.dropSchema(url: pgURL)
    }

    /// Starts `count` processes at once and waits for them: wall time and each one's peak memory (wait4's ru_maxrss).
    static func runProcesses(_ exe: String, count: Int, args: [String]) throws -> (seconds: Double, peakMB: [Double]) {
        let start = Date()
        var pids: [pid_t] = []
        for _ in 0..<count {
            var pid: pid_t = 0
            var cArgs = ([exe] + args).map { strdup($0) } + [nil]
            defer { for p in cArgs { free(p) } }
            let rc = posix_spawn(&pid, exe, nil, nil, &cArgs, environ)
            guard rc == 0 else { throw BenchError("posix_spawn: \(String(cString: strerror(rc)))") }
            pids.append(pid)
        }
        var peaks: [Double] = []
        for pid in pids {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
            if code != 0 { throw BenchError("worker exited with \(code)") }
            peaks.append(Double(usage.ru_maxrss) / 1024)
        }
        return (Date().timeIntervalSince(start), peaks)
    }

    /// Median time of each query (11 runs) on the stored articles.
    static func searchTimes(_ store: any ArticleStoring, _ queries: [String]) throws -> String {
        var parts: [String] = []
        for q in queries {
            var times: [Double] = []
            var hits = 0
            for _ in 0..<11 {
                let t = Date()
                hits = try store.search(q, filter: ArticleFilter()).count
                times.append(Date().timeIntervalSince(t) * 1000)
            }
            parts.append(String(format: "%@ %.2f ms (%d hits)", q, times.sorted()[5], hits))
        }
        return parts.joined(separator: "; ")
    }
}
