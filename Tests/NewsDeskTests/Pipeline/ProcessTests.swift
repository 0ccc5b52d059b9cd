import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Runs the built `newsdesk` executable (next to the test bundle in the build products folder).
enum CLI {
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("newsdesk"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newsdesk"),
            Bundle.main.bundleURL.appendingPathComponent("newsdesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func start(_ args: [String], cwd: URL? = nil) throws -> (Process, Pipe, Pipe) {
        guard let exe = executable else { throw CLIError("newsdesk executable not found next to the test bundle; run `swift build` first") }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return (p, out, err)
    }

    /// Runs to the end (`ProgramRunner`): (exit code, stdout, stderr).
    static func run(_ args: [String], cwd: URL? = nil, environment: [String: String] = [:],
                    removing: [String] = []) throws -> (code: Int32, out: String, err: String) {
        guard let exe = executable else { throw CLIError("newsdesk executable not found next to the test bundle; run `swift build` first") }
        let r = try ProgramRunner.run(exe, args, cwd: cwd, environment: environment, removing: removing)
        return (r.code, r.out, r.err)
    }

    struct CLIError: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }
}

/// Distinct generated article texts (no two are near-copies).
func generatedText(_ n: Int) -> String {
    let words = ["정부", "기업", "시장", "반도체", "데이터", "서비스", "투자", "선수", "감독", "관객", "드라마", "연구", "발표", "계획",
                 "확대", "지원", "개발", "출시", "고객", "보안", "배터리", "에너지", "교통", "교육", "지역", "주민", "공항", "도서관"]
    var s = UInt64(n) &* 0x9e3779b97f4a7c15 &+ 1
    func next() -> Int { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return Int(s % UInt64(words.count)) }
    return (0..<6).map { p in
        "기사 \(n)의 \(p)번째 문단에서 " + (0..<14).map { _ in words[next()] }.joined(separator: " ") + " 내용을 다뤘다."
    }.joined(separator: "\n")
}

@Suite("newsdesk processes", .serialized)
struct ProcessTests {
    static let articleCount = 30
    /// Under the default 50 items per run, so one final run can finish whatever the kills left.
    static let crashArticleCount = 45

    static func serve(pageDelay: Double, feedDelay: Double = 0, count: Int = articleCount) throws -> TestServer {
        let s = try TestServer()
        let links = (0..<count).map { (s.url("/a/\($0)"), "기사 \($0)") }
        s.route("/feed.xml", TestResponse(headers: [("Content-Type", "application/rss+xml")], body: Array(Site.rss("crash", links).utf8), delay: feedDelay))
        for i in 0..<count {
            s.route("/a/\(i)", TestResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
                                            body: Array(Site.page(title: "생성 기사 \(i)", text: generatedText(i), image: false).utf8), delay: pageDelay))
        }
        return s
    }

    @Test(.timeLimit(.minutes(2)))
    func killedRunsLeaveASoundStoreAndTheNextRunCompletes() throws {
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let server = try Self.serve(pageDelay: 0.1, count: Self.crashArticleCount)
        defer { server.stop() }
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, configPath) = try Site.config([("crash", server.url("/feed.xml"), "rss", "general")], in: dir)
        let db = dir.appendingPathComponent("crash.sqlite").path
        let args = ["ingest", "--config", configPath, "--db", db, "--force", "--quiet"]
        let watcher = try ArticleStore(path: db)  // creates the schema; reads the child's commits (WAL)
        var rng = SystemRandomNumberGenerator()
        var kills = 0
        var storedDuringKills: [Int] = []
        var attempts = 0
        while kills < 22 && attempts < 45 {
            attempts += 1
            let before = try watcher.articleCount()
            let (p, _, _) = try CLI.start(args)
            if attempts % 3 == 0 {
                // A kill during start-up, feed fetch or the first article, whatever the machine's speed.
                usleep(UInt32.random(in: 0...150_000, using: &rng))
            } else {
                // A kill mid-run: wait until this run has committed an article (however slow start-up is on a loaded
                // machine), then let it go on for a random moment so the kill lands anywhere in the next article.
                let deadline = Date().addingTimeInterval(20)
                while p.isRunning, Date() < deadline, try watcher.articleCount() == before { usleep(5_000) }
                usleep(UInt32.random(in: 0...60_000, using: &rng))
            }
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                kills += 1
            }
            p.waitUntilExit()
            let store = try ArticleStore(path: db)
            #expect(try store.integrityCheck() == "ok")
            let partial = try store.pool.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM articles a
                    WHERE NOT EXISTS (SELECT 1 FROM article_urls u WHERE u.article_id = a.id AND u.kind = 'canonical')
                       OR NOT EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.id)
                       OR a.text = '' OR a.title = ''
                    """) ?? -1
            }
            #expect(partial == 0)
            storedDuringKills.append(try store.articleCount())
        }
        #expect(kills >= 20, "only \(kills) runs were killed before finishing")
        let (code, _, err) = try CLI.run(args)
        #expect(code == 0, "final run: \(err)")
        let store = try ArticleStore(path: db)
        #expect(try store.articleCount() == Self.crashArticleCount)
        var urls = Set<String>()
        try store.forEachArticle(ArticleFilter()) { urls.insert($0.canonicalURL) }
        #expect(urls == Set((0..<Self.crashArticleCount).map { server.url("/a/\($0)") }))
        #expect(storedDuringKills.contains { $0 > 0 && $0 < Self.crashArticleCount }, "no kill landed mid-run: \(storedDuringKills)")
        #expect(try store.runs(limit: 100).contains { $0.status == "interrupted" })
    }

    @Test(.timeLimit(.minutes(1)))
    func twoRunsStartedTogetherOneIngestsTheOtherExitsWithTheLockCode() throws {
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let server = try Self.serve(pageDelay: 0, feedDelay: 3)
        defer { server.stop() }
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, configPath) = try Site.config([("lock", server.url("/feed.xml"), "rss", "general")], in: dir)
        let db = dir.appendingPathComponent("lock.sqlite").path
        let args = ["ingest", "--config", configPath, "--db", db, "--force"]
        let a = try CLI.start(args)
        let b = try CLI.start(args)
        let outs = [a, b].map { (p, out, err) -> (Int32, String) in
            let e = err.fileHandleForReading.readDataToEndOfFile()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: e, as: UTF8.self))
        }
        #expect(outs.map(\.0).sorted() == [0, 4], "\(outs)")
        #expect(outs.first { $0.0 == 4 }?.1.contains("holds the lock") == true)
        #expect(try ArticleStore(path: db).articleCount() == Self.articleCount)
    }
}
