import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Many `newsdesk ingest --workers` processes sharing one PostgreSQL store: a 50-feed loopback site on five hosts
/// (127.0.0.1–5), pages cross-posted between feeds, shared politeness checked against the servers' request logs.
@Suite("ingest workers on PostgreSQL", .serialized, .enabled(if: PostgresServer.available, "no PostgreSQL server could start"))
struct WorkersTests {
    static let hosts = 5
    static let feedsPerHost = 10
    static let delay = 0.1

    /// Five servers; feed `h-f` links two pages of its own and one page shared with its neighbour feed.
    final class Site50 {
        let servers: [TestServer]
        init(pageDelay: Double) throws {
            servers = try (1...WorkersTests.hosts).map { try TestServer(host: "127.0.0.\($0)") }
            for (h, s) in servers.enumerated() {
                for f in 0..<WorkersTests.feedsPerHost {
                    let links = [(s.url("/p/\(f)-a"), "a"), (s.url("/p/\(f)-b"), "b"), (s.url("/shared/\(f / 2)"), "s")]
                    s.route("/feed/\(f).xml", TestResponse(headers: [("Content-Type", "application/rss+xml")], body: Array(Site.rss("f\(h)-\(f)", links).utf8)))
                }
                var n = 0
                for f in 0..<WorkersTests.feedsPerHost {
                    for part in ["a", "b"] {
                        s.route("/p/\(f)-\(part)", TestResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
                                                                 body: Array(Site.page(title: "기사 \(h)-\(f)\(part)", text: generatedText(1000 * h + n), image: false).utf8),
                                                                 delay: pageDelay))
                        n += 1
                    }
                }
                for k in 0..<(WorkersTests.feedsPerHost / 2) {
                    s.route("/shared/\(k)", TestResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
                                                          body: Array(Site.page(title: "공유 기사 \(h)-\(k)", text: generatedText(1000 * h + 500 + k), image: false).utf8),
                                                          delay: pageDelay))
                }
            }
        }
        deinit { for s in servers { s.stop() } }

        /// Every distinct page: 2 per feed and one per pair of feeds, on each host.
        static var pages: Int { WorkersTests.hosts * (WorkersTests.feedsPerHost * 2 + WorkersTests.feedsPerHost / 2) }

        func config(in dir: URL, lease: Double) throws -> String {
            var yaml = """
                store:
                  lease_seconds: \(lease)
                defaults:
                  politeness_delay: \(WorkersTests.delay)
                  per_host_concurrency: 2
                  concurrency: 4
                  obey_robots: false
                  connect_timeout: 2
                  total_timeout: 4
                sources:

                """
            for (h, s) in servers.enumerated() {
                for f in 0..<WorkersTests.feedsPerHost {
                    yaml += """
                          - id: f\(h)-\(f)
                            name: f\(h)-\(f)
                            url: \(s.url("/feed/\(f).xml"))
                            type: rss
                            section: it
                            allow_networks: ["127.0.0.0/8"]

                        """
                }
            }
            let file = dir.appendingPathComponent("feeds.yaml")
            try Data(yaml.utf8).write(to: file)
            return file.path
        }

        /// The smallest gap between two request arrivals on one host.
        var smallestGap: Double { smallestSpan(over: 1) }

        /// The shortest time any `k + 1` consecutive requests to one host took: at least `k × delay` when the starts
        /// are spaced (arrivals jitter by the client's scheduling, which a single gap shows and a span averages out).
        func smallestSpan(over k: Int) -> Double {
            servers.map { s in
                let times = s.requests.map(\.time).sorted()
                guard times.count > k else { return .infinity }
                return (0..<(times.count - k)).map { times[$0 + k].timeIntervalSince(times[$0]) }.min() ?? .infinity
            }.min() ?? .infinity
        }

        /// Politeness as the servers saw it: no two requests to a host closer than half the delay (uncoordinated
        /// workers would hit it at once), and no five in a row faster than the delay allows, less 50 ms of jitter.
        var polite: Bool { smallestGap >= WorkersTests.delay / 2 && smallestSpan(over: 4) >= 4 * WorkersTests.delay - 0.05 }

        func feedFetches() -> [Int] {
            servers.flatMap { s in (0..<WorkersTests.feedsPerHost).map { s.requests(for: "/feed/\($0).xml").count } }
        }
    }

    static func start(_ args: [String]) throws -> Process {
        guard let exe = CLI.executable else { throw CLI.CLIError("newsdesk executable not built") }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NEWSDESK_DB"] = nil
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func count(_ db: String, _ sql: String) throws -> Int { Int(try PostgresServer.psql(db, sql)) ?? -1 }

    /// Waits for a process without blocking a thread of the cooperative pool.
    static func wait(_ p: Process) async throws {
        while p.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// The stored state every run must end in: each page once, each feed entry linked once, nothing duplicated.
    static func checkStored(_ db: String) throws {
        #expect(try count(db, "SELECT count(*) FROM articles") == Site50.pages)
        #expect(try count(db, "SELECT count(DISTINCT canonical_url) FROM articles") == Site50.pages)
        // Feed entries are linked once each (an entry whose page another feed already stored is skipped as known).
        let entries = try count(db, "SELECT count(*) FROM feed_items")
        #expect(entries >= Site50.pages && entries <= hosts * feedsPerHost * 3, "\(entries) feed entries")
        #expect(try count(db, "SELECT count(*) FROM (SELECT article_id FROM article_urls GROUP BY article_id HAVING count(*) <> 1) x") == 0)
        #expect(try count(db, "SELECT count(*) FROM sources WHERE last_success IS NULL") == 0)
        #expect(try count(db, "SELECT count(*) FROM sources WHERE leased_by IS NOT NULL") == 0)
    }

    @Test(.timeLimit(.minutes(3)))
    func fourProcessesStoreEachArticleOnceAndKeepPoliteness() async throws {
        let site = try Site50(pageDelay: 0.02)
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try site.config(in: dir, lease: 30)
        let db = try PostgresServer.database("workers")
        let procs = try (0..<4).map { _ in try Self.start(["ingest", "--config", config, "--db", db, "--workers", "2", "--quiet"]) }
        for p in procs { try await Self.wait(p) }
        #expect(procs.map(\.terminationStatus) == [0, 0, 0, 0])
        try Self.checkStored(db)
        // No source fetched twice in the run; no host hit faster than the politeness delay (a little jitter allowed).
        #expect(site.feedFetches().allSatisfy { $0 == 1 }, "\(site.feedFetches())")
        #expect(site.polite, "smallest gap \(site.smallestGap), smallest span of 5 requests \(site.smallestSpan(over: 4))")
        #expect(site.servers.allSatisfy { $0.maxConcurrentConnections <= 2 })
        // The four processes shared the work (each ran at least one source).
        #expect(try Self.count(db, "SELECT count(DISTINCT run_id) FROM run_sources") == 4)
        // A second round finds nothing due.
        let again = try Self.start(["ingest", "--config", config, "--db", db, "--workers", "2", "--quiet"])
        try await Self.wait(again)
        #expect(again.terminationStatus == 0 && site.feedFetches().allSatisfy { $0 == 1 })
    }

    @Test(.timeLimit(.minutes(3)))
    func aKilledWorkersSourcesAreFinishedByTheOthersAfterTheLeaseExpires() async throws {
        let site = try Site50(pageDelay: 0.2)
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try site.config(in: dir, lease: 2)
        let db = try PostgresServer.database("killed")
        let procs = try (0..<4).map { _ in try Self.start(["ingest", "--config", config, "--db", db, "--workers", "2", "--quiet"]) }
        // Kill one once it holds a lease and has stored something.
        let deadline = Date().addingTimeInterval(60)
        var victim: Int?
        while victim == nil, Date() < deadline {
            // (The schema appears when the first worker has migrated the empty database.)
            let holders = ((try? PostgresServer.psql(db, "SELECT DISTINCT split_part(leased_by, ':', 2) FROM sources WHERE leased_by IS NOT NULL")) ?? "")
                .split(separator: "\n").compactMap { Int32($0) }
            let stored = (try? Self.count(db, "SELECT count(*) FROM articles")) ?? 0
            if stored > 0, let pid = holders.first(where: { pid in procs.contains { $0.processIdentifier == pid && $0.isRunning } }) {
                victim = procs.firstIndex { $0.processIdentifier == pid }
                kill(pid, SIGKILL)
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let killed = try #require(victim, "no worker held a lease")
        for p in procs { try await Self.wait(p) }
        #expect(procs.enumerated().allSatisfy { $0.offset == killed ? $0.element.terminationReason == .uncaughtSignal : $0.element.terminationStatus == 0 })
        try Self.checkStored(db)
        // Every feed was fetched; only the killed worker's sources may have been fetched twice.
        #expect(site.feedFetches().allSatisfy { $0 == 1 || $0 == 2 }, "\(site.feedFetches())")
        #expect(site.polite, "smallest gap \(site.smallestGap), smallest span of 5 requests \(site.smallestSpan(over: 4))")
    }

    /// `--loop` keeps leasing as sources come due and stops cleanly on SIGTERM: exit 0, run finished, no lease left.
    @Test(.timeLimit(.minutes(2)))
    func loopStopsCleanlyOnSIGTERM() async throws {
        let site = try Site50(pageDelay: 0)
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try site.config(in: dir, lease: 5)
        let db = try PostgresServer.database("loop")
        let p = try Self.start(["ingest", "--config", config, "--db", db, "--loop", "--workers", "2", "--quiet"])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? Self.count(db, "SELECT count(*) FROM articles")) ?? 0) < Site50.pages {
            try await Task.sleep(for: .milliseconds(50))
        }
        // Everything is stored and nothing is due: the loop keeps running until told to stop.
        try await Task.sleep(for: .milliseconds(300))
        #expect(p.isRunning)
        kill(p.processIdentifier, SIGTERM)
        try await Self.wait(p)
        #expect(p.terminationReason == .exit && p.terminationStatus == 0)
        try Self.checkStored(db)
        #expect(try Self.count(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 0)
    }
}

/// `--workers` and `--loop` lease sources in a shared database: on SQLite they are a usage error (64) that says so.
@Suite("ingest workers on SQLite")
struct WorkersOnSQLiteTests {
    @Test(arguments: [["--workers", "2"], ["--loop"], ["--workers", "1", "--loop"]])
    func refusedWithUsageError(_ flags: [String]) throws {
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, config) = try Site.config([("a", "http://127.0.0.1:9/feed.xml", "rss", "it")], in: dir)
        let db = dir.appendingPathComponent("news.sqlite").path
        let (code, _, err) = try CLI.run(["ingest", "--config", config, "--db", db] + flags)
        #expect(code == 64)
        #expect(err.contains("PostgreSQL"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: db), "the store was created")
    }
}
