import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The executable on PostgreSQL: `ingest --db postgres://…` from a loopback site, then the read commands
/// (`list`, `search`, `show`, `sources`, `export`, `classify ID`) on it, against the same site ingested into SQLite.
@Suite("newsdesk on PostgreSQL (executable)", .serialized, .enabled(if: PostgresServer.available, "no PostgreSQL server could start"))
struct PostgresCLITests {
    static let count = 8

    /// Runs the executable with extra environment on a thread of its own: (exit code, stdout, stderr).
    static func run(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil) async throws -> (Int32, String, String) {
        try await offPool { try runBlocking(args, environment: environment, cwd: cwd) }
    }

    static func runBlocking(_ args: [String], environment: [String: String], cwd: URL?) throws -> (Int32, String, String) {
        try CLI.run(args, cwd: cwd, environment: environment, removing: ["NEWSDESK_DB"])
    }

    @Test(.timeLimit(.minutes(2)))
    func ingestAndReadCommandsMatchSQLite() async throws {
        let server = try ProcessTests.serve(pageDelay: 0, count: Self.count)
        defer { server.stop() }
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, config) = try Site.config([("site", server.url("/feed.xml"), "rss", "it")], in: dir)
        let pg = try PostgresServer.database("cli")
        let sqlite = dir.appendingPathComponent("news.sqlite").path
        for db in [sqlite, pg] {
            let (code, out, err) = try await Self.run(["ingest", "--config", config, "--db", db, "--force"])
            #expect(code == 0, "ingest into \(db): \(err)")
            #expect(out.contains("\(Self.count) new"), "\(out)")
            // A second run stores nothing again.
            let (again, out2, _) = try await Self.run(["ingest", "--config", config, "--db", db, "--force"])
            #expect(again == 0 && out2.contains("0 new"), "\(out2)")
        }
        // The same titles in both listings (ids may be assigned in another order: sources and pages run concurrently).
        func titles(_ db: String) async throws -> Set<String> {
            let (code, out, err) = try await Self.run(["list", "--db", db, "--json"])
            #expect(code == 0, "list --db \(db): \(err)")
            let items = try JSONDecoder.iso.decode([ArticleSummary].self, from: Data(out.utf8))
            return Set(items.map(\.title))
        }
        let expected = Set((0..<Self.count).map { "생성 기사 \($0)" })
        #expect(try await titles(sqlite) == expected)
        #expect(try await titles(pg) == expected)

        // NEWSDESK_DB selects the store when --db is not given; --db wins over it.
        let (envCode, envOut, _) = try await Self.run(["list"], environment: ["NEWSDESK_DB": pg], cwd: dir)
        let (flagCode, flagOut, _) = try await Self.run(["list", "--db", pg], cwd: dir)
        #expect(envCode == 0 && envOut == flagOut && flagCode == 0 && envOut.split(separator: "\n").count == Self.count)
        let (winCode, winOut, _) = try await Self.run(["list", "--db", sqlite], environment: ["NEWSDESK_DB": pg], cwd: dir)
        #expect(winCode == 0 && winOut.split(separator: "\n").count == Self.count && winOut != "")

        for db in [sqlite, pg] {
            let (sCode, sOut, sErr) = try await Self.run(["search", "--db", db, "생성 기사 3"])
            #expect(sCode == 0 && sOut.contains("생성 기사 3"), "search on \(db): \(sErr)")
            let (shCode, shOut, shErr) = try await Self.run(["show", "--db", db, server.url("/a/5")])
            #expect(shCode == 0 && shOut.contains("생성 기사 5"), "show on \(db): \(shErr)")
            let (soCode, soOut, _) = try await Self.run(["sources", "--db", db])
            #expect(soCode == 0 && soOut.contains("site\t\(Self.count)\t"), "sources on \(db): \(soOut)")
            let (cCode, cOut, cErr) = try await Self.run(["classify", "--db", db, "1"])
            #expect(cCode == 0 && cOut.contains("stored:"), "classify on \(db): \(cErr)")
            // Reimport re-processes one stored article (under the store's exclusive lock): nothing changed, nothing added.
            let (rCode, rOut, rErr) = try await Self.run(["reimport", "--config", config, "--db", db, server.url("/a/2")])
            #expect(rCode == 0 && rOut.contains("unchanged"), "reimport on \(db): \(rOut) \(rErr)")
            // An incremental export takes everything once, then nothing.
            let out = dir.appendingPathComponent("out-\(db.hasPrefix("postgres") ? "pg" : "sqlite")").path
            let (e1, _, e1Err) = try await Self.run(["export", "--db", db, "--format", "jsonl", "--cursor", "site", "--out", out])
            #expect(e1 == 0 && e1Err.contains("\(Self.count) article(s)"), "\(e1Err)")
            let (e2, _, e2Err) = try await Self.run(["export", "--db", db, "--format", "jsonl", "--cursor", "site", "--out", out])
            #expect(e2 == 0 && e2Err.contains("0 article(s)"), "\(e2Err)")
        }
    }

    /// A read command never creates a schema: an empty PostgreSQL database is "not a NewsDesk store" (exit 1).
    @Test func readCommandOnAnEmptyDatabaseFails() async throws {
        let pg = try PostgresServer.database("empty")
        let (code, _, err) = try await Self.run(["list", "--db", pg])
        #expect(code == 1 && err.contains("not a NewsDesk store"), "\(err)")
        #expect(try PostgresServer.psql(pg, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0")
    }
}

extension JSONDecoder {
    /// ISO 8601 dates, as `Output.json` writes them.
    static var iso: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
