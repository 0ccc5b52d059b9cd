import Foundation
import Testing
import TestSupport
@testable import NewsDesk

@Suite("Ingest end to end (loopback)", .serialized)
struct IngestEndToEndTests {
    /// Two IT articles (RSS), two sports articles (Atom), and a "portal" source reposting IT article 1 under its own URL.
    static func serve() throws -> TestServer {
        let s = try TestServer()
        let it = [(s.url("/it/1"), "칩 공개"), (s.url("/it/2"), "리튬 기술")]
        let sports = [(s.url("/sports/1"), "결승골"), (s.url("/sports/2"), "농구 개막")]
        s.route("/it/feed.xml", TestResponse(headers: [("Content-Type", "application/rss+xml")], body: Array(Site.rss("IT", it).utf8), etag: "\"it-1\""))
        s.route("/sports/atom.xml", TestResponse(headers: [("Content-Type", "application/atom+xml")], body: Array(Site.atom("sports", sports).utf8),
                                                lastModified: "Sat, 29 Nov 2025 00:00:00 GMT"))
        // The portal answers late; its article page also waits for the publisher's copy to be stored (see the test).
        s.route("/portal/feed.xml", TestResponse(headers: [("Content-Type", "application/rss+xml")],
                                                body: Array(Site.rss("portal", [(s.url("/portal/v/77?utm_source=feed"), "칩 공개 (전재)")]).utf8),
                                                delay: 0.4, etag: "\"p-1\""))
        s.route("/it/1", .text(Site.page(title: "국산 AI 칩 공개", text: Site.texts[0])))
        s.route("/it/2", .text(Site.page(title: "바닷물 리튬 추출 기술", text: Site.texts[5])))
        s.route("/sports/1", .text(Site.page(title: "막판 결승골로 승리", text: Site.texts[1])))
        s.route("/sports/2", .text(Site.page(title: "여자농구 개막전 접전", text: Site.texts[4])))
        s.route("/portal/v/77", .text(Site.page(title: "국산 AI 칩 공개", text: Site.texts[0])))
        return s
    }

    @Test func runStoresRightArticlesThenFetchesConditionallyThenRevisesOnReimport() async throws {
        let server = try Self.serve()
        defer { server.stop() }
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([
            ("it", server.url("/it/feed.xml"), "rss", "it"),
            ("sports", server.url("/sports/atom.xml"), "atom", "sports"),
            ("portal", server.url("/portal/feed.xml"), "rss", "general"),
        ], in: dir)
        let db = dir.appendingPathComponent("news.sqlite").path
        let pipeline = try Site.pipeline(config, db: db)
        // The portal's copy is served only once the publisher's copy is stored (a delay alone lost the race on a loaded
        // CI machine: the repost was stored first and filed under the portal's section).
        let store = pipeline.store, publisherURL = server.url("/it/1")
        server.route("/portal/v/77", handler: { _ in
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, (try? store.article(url: publisherURL)) == nil { Thread.sleep(forTimeInterval: 0.02) }
            return .text(Site.page(title: "국산 AI 칩 공개", text: Site.texts[0]))
        })

        // First run: 4 articles stored, the portal repost linked to IT article 1.
        let first = try await pipeline.ingest(IngestOptions())
        #expect(first.status == .ok, "\(first.errors)")
        #expect(first.new == 4 && first.linked == 1 && first.failedArticles == 0)
        #expect(try store.articleCount() == 4)
        for (path, section) in [("/it/1", "it"), ("/it/2", "it"), ("/sports/1", "sports"), ("/sports/2", "sports")] {
            let a = try #require(try store.article(url: server.url(path)), "missing \(path)")
            #expect(a.section == section, "\(path): \(a.section) (\(a.classificationReason))")
            #expect(!a.text.isEmpty && !a.title.isEmpty)
        }
        // Same story under two URLs: stored once, both URLs find it (tracking parameter or not).
        let it1 = try #require(try store.article(url: server.url("/it/1")))
        #expect(try store.article(url: server.url("/portal/v/77"))?.id == it1.id)
        #expect(try store.article(url: server.url("/portal/v/77?utm_source=x"))?.id == it1.id)
        let sources = try store.sources()
        #expect(sources.first { $0.id == "it" }?.etag == "\"it-1\"")

        // Second run (forced: not waiting for the interval): conditional requests, nothing new, no page fetched.
        server.resetLog()
        let second = try await pipeline.ingest(IngestOptions(force: true))
        #expect(second.status == .ok)
        #expect(second.new == 0 && second.notModified == 3)
        #expect(server.requests(for: "/it/feed.xml").first?.header("If-None-Match") == "\"it-1\"")
        #expect(server.requests(for: "/sports/atom.xml").first?.header("If-Modified-Since") == "Sat, 29 Nov 2025 00:00:00 GMT")
        #expect(server.requests.allSatisfy { $0.path.hasSuffix(".xml") }, "\(server.requests.map(\.path))")
        #expect(try store.articleCount() == 4)

        // Not due without --force: nothing fetched at all.
        server.resetLog()
        let third = try await pipeline.ingest(IngestOptions())
        #expect(third.notDue == 3 && server.requests.isEmpty)

        // The article is edited on the server: reimport stores a revision and says what changed.
        server.route("/it/1", .text(Site.page(title: "국산 AI 칩 공개 (종합)", text: Site.texts[0] + "\n회사는 추가 투자 계획도 함께 밝혔다. 투자 규모는 내년 초 공개된다.")))
        let re = try await pipeline.reimport(server.url("/it/1"))
        guard case .revised(let id, let rev, let changes) = re.outcome else { Issue.record("expected a revision: \(re.line)"); return }
        #expect(id == it1.id && rev == 2)
        #expect(changes.newTitle == "국산 AI 칩 공개 (종합)" && changes.newBodyChars > changes.oldBodyChars)
        #expect(try store.revisions(articleID: id).count == 1)
        #expect(re.line.contains("title"))
        // Unchanged reimport.
        let again = try await pipeline.reimport(String(id))
        #expect(again.outcome == .unchanged(id: id))
        // Pin by hand; a later ingest keeps it.
        _ = try await pipeline.reimport(String(id), section: "general")
        _ = try await pipeline.ingest(IngestOptions(force: true))
        #expect(try store.article(id: id)?.section == "general")
        #expect(try store.article(id: id)?.sectionPinned == true)
    }

    @Test func oneBadSourceOrPageDoesNotStopTheRun() async throws {
        let server = try Self.serve()
        defer { server.stop() }
        // The failing source is on another loopback host: the fetcher's Retry-After back-off is per host.
        let other = try TestServer(host: "127.0.0.2")
        defer { other.stop() }
        other.route("/broken/feed.xml", TestResponse(status: 503, headers: [("Retry-After", "120")]))
        server.route("/it/2", TestResponse(status: 404))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([
            ("it", server.url("/it/feed.xml"), "rss", "it"),
            ("broken", other.url("/broken/feed.xml"), "rss", "general"),
        ], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .partial)
        #expect(run.new == 1 && run.failedArticles == 1 && run.failedSources == 1, "\(run.line) \(run.errors)")
        let broken = try #require(try pipeline.store.source(id: "broken"))
        #expect(broken.consecutiveFailures == 1 && broken.lastError?.contains("503") == true)
        let due = try #require(broken.nextDue)
        #expect(due.timeIntervalSinceNow > 100)
        let it = try #require(try pipeline.store.source(id: "it"))
        #expect(it.etag == nil, "validators must not be kept while an entry failed")
        let runID = try #require(run.runID)
        #expect(try pipeline.store.runErrors(runID: runID).count == 2)
        // The page comes back: the next run retries exactly the missing entry.
        server.route("/it/2", .text(Site.page(title: "바닷물 리튬 추출 기술", text: Site.texts[5])))
        server.resetLog()
        let next = try await pipeline.ingest(IngestOptions(sourceIDs: ["it"], force: true))
        #expect(next.status == .ok && next.new == 1 && next.known == 1, "\(next.line) \(next.errors)")
        #expect(server.requests(for: "/it/1").isEmpty)
    }

    /// An entry whose page keeps failing is given up after `max_entry_attempts` runs (validators are kept again, the
    /// run is ok); a 410 is given up at once; a page that comes back before that is stored and its count cleared.
    @Test func failingEntriesAreGivenUp() async throws {
        let server = try Self.serve()
        defer { server.stop() }
        server.route("/it/2", TestResponse(status: 500))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var (config, _) = try Site.config([("it", server.url("/it/feed.xml"), "rss", "it")], in: dir)
        config.defaults.maxEntryAttempts = 2
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let first = try await pipeline.ingest(IngestOptions())
        #expect(first.new == 1 && first.failedArticles == 1 && first.givenUp == 0, "\(first.line)")
        #expect(try pipeline.store.entryFailures().map(\.attempts) == [1])
        let second = try await pipeline.ingest(IngestOptions(force: true))
        #expect(second.failedArticles == 1 && second.status == .partial, "\(second.line)")
        server.resetLog()
        let third = try await pipeline.ingest(IngestOptions(force: true))
        #expect(third.status == .ok && third.givenUp == 1 && third.failedArticles == 0, "\(third.line)")
        #expect(third.line.contains("1 given up"))
        #expect(server.requests(for: "/it/2").isEmpty, "a given-up entry is not fetched")
        #expect(try pipeline.store.source(id: "it")?.etag != nil, "validators are kept once nothing is left to retry")

        // 410 Gone: given up after one run.
        let dir2 = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir2) }
        server.route("/it/2", TestResponse(status: 410))
        let (config2, _) = try Site.config([("it", server.url("/it/feed.xml"), "rss", "it")], in: dir2)
        let p2 = try Site.pipeline(config2, db: dir2.appendingPathComponent("news.sqlite").path)
        _ = try await p2.ingest(IngestOptions())
        let failures = try p2.store.entryFailures()
        #expect(failures.count == 1 && failures[0].permanent && failures[0].stage == "fetch")
        let after410 = try await p2.ingest(IngestOptions(force: true))
        #expect(after410.givenUp == 1 && after410.failedArticles == 0, "\(after410.line)")

        // A page that comes back before the limit is stored and its failure count cleared.
        let dir3 = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir3) }
        server.route("/it/2", TestResponse(status: 500))
        let (config3, _) = try Site.config([("it", server.url("/it/feed.xml"), "rss", "it")], in: dir3)
        let p3 = try Site.pipeline(config3, db: dir3.appendingPathComponent("news.sqlite").path)
        _ = try await p3.ingest(IngestOptions())
        server.route("/it/2", .text(Site.page(title: "바닷물 리튬 추출 기술", text: Site.texts[5])))
        let back = try await p3.ingest(IngestOptions(force: true))
        #expect(back.new == 1 && back.status == .ok, "\(back.line)")
        #expect(try p3.store.entryFailures().isEmpty)
    }
}
