import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The read commands (`list`, `search`, `show`, `sources`, `classify ID`, `export`) as an operator runs them: the
/// built executable against a store in a temporary folder. Rows reduced from issue 13.
@Suite("read commands", .serialized)
struct ReadCommandTests {
    /// A store with one article, published 2026-03-18T23:10:00Z (08:10 KST on the 19th), and one source fetched at
    /// 2026-03-18T22:00:00Z.
    final class Store {
        let dir: String
        var db: String { dir + "/news.sqlite" }
        static let published = Date(timeIntervalSince1970: 1_773_875_400)  // 2026-03-18T23:10:00Z
        static let fetched = Date(timeIntervalSince1970: 1_773_871_200)    // 2026-03-18T22:00:00Z

        init() throws {
            dir = NSTemporaryDirectory() + "newsdesk-read-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            chmod(dir, 0o755)
            let store = try ArticleStore(path: dir + "/news.sqlite")
            try store.syncSources([SourceConfig(id: "it-news", name: "IT 뉴스", url: "https://it.example.com/rss", section: "it")])
            try store.recordFetch(sourceID: "it-news", SourceFetchResult(outcome: .fetched(etag: nil, lastModified: nil), status: 200, at: Self.fetched),
                                  interval: 900)
            var d = draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.chip)
            d.extracted.published = Self.published
            _ = try store.save(d)
            // An older build (NEWSDESK_TEST_CLI) refuses a store with migrations it does not know: give it a v3 store.
            if ProcessInfo.processInfo.environment["NEWSDESK_TEST_CLI"] != nil { try LatinSearchTests.downgradeToV3(db) }
        }

        deinit {
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }

        /// Names, owners, modes and contents of everything in the folder. The `-shm` file is SQLite's shared memory
        /// (readers mark their place in it), so only its name, owner and mode count.
        func snapshot() throws -> [String] {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            return try names.map { name in
                var st = stat()
                stat(dir + "/" + name, &st)
                let content = name.hasSuffix("-shm") ? "" : " \(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)).hashValue)"
                return "\(name) \(st.st_uid) \(String(st.st_mode & 0o7777, radix: 8))\(content)"
            }
        }
    }

    /// The executable under test: the built `newsdesk`, or `NEWSDESK_TEST_CLI` (to see these rows fail on an older
    /// build: `NEWSDESK_TEST_CLI=/path/to/old/newsdesk swift test --skip-build --filter ReadCommandTests`).
    static var executable: URL? {
        ProcessInfo.processInfo.environment["NEWSDESK_TEST_CLI"].map { URL(fileURLWithPath: $0) } ?? CLI.executable
    }

    /// An empty folder to run in, so no `./feeds.yaml` is picked up.
    static let workingDirectory: String = {
        let dir = NSTemporaryDirectory() + "newsdesk-read-cwd"  // one empty folder, reused by every run
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        return dir
    }()

    /// Runs the executable; `asNobody`: as uid/gid 65534 through setpriv (only as root).
    static func run(_ args: [String], env: [String: String] = [:], asNobody: Bool = false) throws -> (code: Int32, out: String, err: String) {
        guard let exe = executable else { throw CLI.CLIError("newsdesk executable not found; run `swift build` first") }
        let cwd = URL(fileURLWithPath: workingDirectory)  // no ./feeds.yaml there
        let r = asNobody
            ? try ProgramRunner.run(URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=65534", "--regid=65534", "--clear-groups", exe.path] + args,
                                    cwd: cwd, environment: env)
            : try ProgramRunner.run(exe, args, cwd: cwd, environment: env)
        return (r.code, r.out, r.err)
    }

    // MARK: - a mistyped --db

    struct Command: Sendable, CustomTestStringConvertible {
        let name: String
        let args: [String]
        var testDescription: String { name }
    }

    static let readCommands: [Command] = [
        Command(name: "list", args: ["list"]),
        Command(name: "search", args: ["search", "반도체"]),
        Command(name: "sources", args: ["sources"]),
        Command(name: "sources --entries", args: ["sources", "--entries"]),
        Command(name: "show", args: ["show", "1"]),
        Command(name: "classify ID", args: ["classify", "1"]),
        Command(name: "export jsonl", args: ["export", "--format", "jsonl"]),
    ]

    @Test(arguments: readCommands)
    func missingStoreIsAnErrorNamingThePath(_ c: Command) throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = NSTemporaryDirectory() + "newsdesk-missing-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/newsdek.sqlite"  // the typo
        let r = try Self.run(c.args + ["--db", db])
        #expect(r.code == 1, "\(c.name): \(r.err)")
        #expect(r.err.contains(db), "\(c.name): \(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "\(c.name) created files")
    }

    // MARK: - a read-only store

    struct ReadOnlyCase: Sendable, CustomTestStringConvertible {
        enum Kind: Sendable { case fileMode0444, directory0555, walLeftByWriter, otherUser }
        let name: String
        let kind: Kind
        var testDescription: String { name }
    }

    static let readOnlyCases: [ReadOnlyCase] = [
        ReadOnlyCase(name: "0444 store in a writable folder", kind: .fileMode0444),
        ReadOnlyCase(name: "store in a 0555 folder", kind: .directory0555),
        ReadOnlyCase(name: "read-only folder, committed article only in the WAL", kind: .walLeftByWriter),
        ReadOnlyCase(name: "another user's store (run as nobody; root only)", kind: .otherUser),
    ]

    @Test(arguments: readOnlyCases)
    func readOnlyStoreIsReadWithoutWritingAnything(_ c: ReadOnlyCase) throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        var writer: ArticleStore?
        var asNobody = false
        var title = "AI 칩 공개"
        switch c.kind {
        case .fileMode0444:
            chmod(s.db, 0o444)
        case .directory0555:
            chmod(s.dir, 0o555)
        case .walLeftByWriter:
            // A writer that stays open: its last commit is in news.sqlite-wal, not yet in the main file.
            let w = try ArticleStore(path: s.db)
            _ = try w.save(draft(url: "https://it.example.com/2", title: "축구 결승골", text: Texts.football))
            writer = w
            title = "축구 결승골"
            chmod(s.dir, 0o555)
        case .otherUser:
            guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            guard Self.nobodyCanRun() else { return }
            chmod(s.dir, 0o755)
            chmod(s.db, 0o644)
            asNobody = true
        }
        defer { withExtendedLifetime(writer) {} }
        let before = try s.snapshot()
        for args in [["list"], ["search", "결승골 감독"], ["show", "1"], ["sources"], ["export", "--format", "jsonl"]] {
            if args[0] == "search" && c.kind != .walLeftByWriter { continue }
            let r = try Self.run(args + ["--db", s.db], asNobody: asNobody)
            #expect(r.code == 0, "\(args[0]): \(r.err)")
            if args[0] == "list" || args[0] == "search" || args[0] == "export" { #expect(r.out.contains(title), "\(args[0]): \(r.out)") }
            if args[0] == "show" { #expect(r.out.contains("AI 칩 공개")) }
            if args[0] == "sources" { #expect(r.out.contains("it-news")) }
        }
        #expect(try s.snapshot() == before, "the folder changed")
    }

    /// `export --cursor` must record its position in the store: on a read-only store it says so before writing
    /// anything, instead of writing the files and failing at the end.
    @Test func exportWithACursorOnAReadOnlyStoreFailsUpFront() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        chmod(s.db, 0o444)
        let out = Self.workingDirectory + "/cursor-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Self.run(["export", "--format", "jsonl", "--out", out, "--cursor", "feed", "--db", s.db])
        #expect(r.code == 1, "\(r.err)")
        #expect(r.err.contains("read-only") && r.err.contains(s.db), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Whether `nobody` can reach the executable (the build folder may sit under a private home).
    static func nobodyCanRun() -> Bool {
        (try? run(["--help"], asNobody: true).code) == 0
    }

    // MARK: - times in the configured zone

    @Test func timesAreShownInTheConfiguredZoneWithItsName() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        let utcServer = ["TZ": "UTC"]
        let list = try Self.run(["list", "--db", s.db], env: utcServer)
        #expect(list.code == 0, "\(list.err)")
        #expect(list.out.contains("2026-03-19 08:10 KST"), "\(list.out)")
        let show = try Self.run(["show", "1", "--db", s.db], env: utcServer)
        #expect(show.out.contains("published:  2026-03-19 08:10 KST"), "\(show.out)")
        let sources = try Self.run(["sources", "--db", s.db], env: utcServer)
        #expect(sources.out.contains("2026-03-19 07:00 KST"), "\(sources.out)")  // last success
        #expect(sources.out.contains("2026-03-19 07:15 KST"), "\(sources.out)")  // next due

        // defaults.timezone in feeds.yaml: every command, export's HTML included, shows that zone.
        let config = s.dir + "/feeds.yaml"
        try """
            defaults:
              timezone: UTC
            sources:
              - id: it-news
                url: https://it.example.com/rss
                section: it
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let listUTC = try Self.run(["list", "--db", s.db, "--config", config], env: ["TZ": "Asia/Seoul"])
        #expect(listUTC.out.contains("2026-03-18 23:10 UTC"), "\(listUTC.out) \(listUTC.err)")
        let showUTC = try Self.run(["show", "1", "--db", s.db, "--config", config], env: ["TZ": "Asia/Seoul"])
        #expect(showUTC.out.contains("published:  2026-03-18 23:10 UTC"), "\(showUTC.out) \(showUTC.err)")
        let sourcesUTC = try Self.run(["sources", "--db", s.db, "--config", config], env: ["TZ": "Asia/Seoul"])
        #expect(sourcesUTC.out.contains("2026-03-18 22:00 UTC"), "\(sourcesUTC.out) \(sourcesUTC.err)")
        let html = try Self.run(["export", "--format", "html", "--out", s.dir + "/html", "--db", s.db, "--config", config])
        #expect(html.code == 0, "\(html.err)")
        let page = try String(contentsOfFile: s.dir + "/html/it/index.html", encoding: .utf8)
        #expect(page.contains("2026-03-18 23:10 UTC"), "\(page)")
        // --since reads a bare day in the configured zone too: 2026-03-19 UTC starts after 23:10 on the 18th.
        let since = try Self.run(["list", "--db", s.db, "--config", config, "--since", "2026-03-19"])
        #expect(since.code == 0 && !since.out.contains("AI 칩 공개"), "\(since.out) \(since.err)")
        let sinceKST = try Self.run(["list", "--db", s.db, "--since", "2026-03-19"], env: utcServer)
        #expect(sinceKST.out.contains("AI 칩 공개"), "\(sinceKST.out) \(sinceKST.err)")
    }

    // MARK: - small things

    @Test func classifyOfAnUnknownIDExitsOneNamingIt() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        let r = try Self.run(["classify", "999", "--db", s.db])
        #expect(r.code == 1, "\(r.err)")
        #expect(r.err.contains("999"), "\(r.err)")
        #expect(!r.err.contains("USAGE"), "\(r.err)")
        let show = try Self.run(["show", "999", "--db", s.db])
        #expect(show.code == 1)
    }

    @Test func versionIsPrinted() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let r = try Self.run(["--version"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.trimmingCharacters(in: .whitespacesAndNewlines) == NewsDeskVersion.current)
    }

    @Test(arguments: [["list", "--limit", "-1"], ["search", "칩", "--limit", "-1"], ["export", "--format", "jsonl", "--limit", "-1"],
                      ["list", "--limit", "0"]])
    func aNegativeLimitIsAUsageErrorAboutTheValue(_ args: [String]) throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        let r = try Self.run(args + ["--db", s.db])
        #expect(r.code == 64, "\(r.err)")
        #expect(!r.err.contains("Missing value"), "\(r.err)")
        #expect(r.err.contains("--limit") && r.err.contains(args[args.count - 1]), "\(r.err)")
    }

    @Test func atomToStandardOutputIsTheWholeWindowEveryTime() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let s = try Store()
        let args = ["export", "--format", "atom", "--section", "it", "--cursor", "pipe", "--db", s.db]
        for _ in 0..<2 {
            let r = try Self.run(args)
            #expect(r.code == 0, "\(r.err)")
            #expect(try AtomReadBack.read(Data(r.out.utf8)).entries.map(\.title) == ["AI 칩 공개"])
        }
    }

    @Test func feedsCheckWarnsAboutAnAllAddressesRange() throws {
        guard Self.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = NSTemporaryDirectory() + "newsdesk-feeds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            sources:
              - id: intranet
                url: https://intranet.example.com/rss
                section: it
                allow_networks: [0.0.0.0/0]
            """.write(toFile: dir + "/feeds.yaml", atomically: true, encoding: .utf8)
        let r = try Self.run(["feeds", "check", "--config", dir + "/feeds.yaml"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("feeds.yaml:5: sources[0].allow_networks[0]: warning:"), "\(r.err)")
        #expect(r.err.contains("allows every IPv4 address"), "\(r.err)")
    }
}
