import Foundation
import Testing
import TestSupport
@testable import NewsDesk

@Suite("Offline demo and path: sources", .serialized)
struct DemoTests {
    @Test func demoIngestsOfflineWithRepostsLinked() async throws {
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try FeedsConfig.load(path: Fixtures.url("demo/feeds.yaml").path)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("demo.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .ok, "\(run.errors)")
        #expect(run.sourcesChecked == 6)
        #expect(run.new == 19 && run.linked == 2 && run.failedArticles == 0, "\(run.line)")
        let store = pipeline.store
        let bySource = Dictionary(grouping: try store.list(ArticleFilter(limit: 100)), by: \.sourceID)
        // Sources run concurrently: a repost and its original are one article, stored under whichever came first.
        #expect((bySource["demo-zdnet"]?.count ?? 0) + (bySource["demo-daum-it"]?.count ?? 0) + (bySource["demo-yna"]?.count ?? 0) == 9)
        for (source, section) in [("demo-zdnet", "it"), ("demo-daum-it", "it"), ("demo-yna", "general"), ("demo-sports", "sports"), ("demo-entertain", "entertainment")] {
            #expect(bySource[source]?.allSatisfy { $0.section == section } == true, "\(source): \(bySource[source]?.map(\.section) ?? [])")
        }
        // The Daum near-copy of the ZDNet story and the Daum copy of the Yonhap story are one article each.
        let zdnet = try #require(try store.article(url: "https://zdnet.co.kr/view/20251129081000"))
        #expect(try store.article(url: "https://v.daum.net/v/20251129100100001")?.id == zdnet.id)
        let fiveG = try #require(try store.article(url: "https://zdnet.co.kr/view/20251129090500"))
        #expect(try store.article(url: "https://m.v.daum.net/v/20251129100100004")?.id == fiveG.id)
        #expect(try store.list(ArticleFilter(sources: ["demo-yna"])).count == 3)
        // EUC-KR feed and EUC-KR page decoded.
        let euckr = try #require(try store.article(url: "https://www.yna.co.kr/view/AKR20251129000300017"))
        #expect(euckr.title.contains("도서관 야간 개방"))
        #expect(euckr.text.contains("퇴근 뒤 도서관"))
        // Korean search: 2 syllables inside a longer word, and a longer word with a particle.
        #expect(try store.search("축구").contains { $0.title.contains("결승골") })
        #expect(try store.search("반도체").contains { $0.id == zdnet.id })
        // Second run: every feed file unchanged.
        let again = try await pipeline.ingest(IngestOptions(force: true))
        #expect(again.notModified == 6 && again.new == 0)
    }

    @Test func reimportFromASavedFileStoresARevision() async throws {
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try FeedsConfig.load(path: Fixtures.url("demo/feeds.yaml").path)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("demo.sqlite").path)
        _ = try await pipeline.ingest(IngestOptions(sourceIDs: ["demo-sports"]))
        let url = "https://m.sports.naver.com/article/413/0000200001"
        let original = try String(contentsOf: Fixtures.url("demo/sports/413/0000200001.html"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: "다음 주말 리그 최종전에서 다시 맞붙는다.",
                                                   with: "다음 주말 리그 최종전에서 다시 맞붙는다.<br><br>\n경기 입장권은 이미 모두 팔렸다고 구단은 전했다. 구단은 경기장 밖에 대형 화면을 설치할 계획이다.")
        let saved = dir.appendingPathComponent("saved.html")
        try Data(edited.utf8).write(to: saved)
        let r = try await pipeline.reimport(url, file: saved.path)
        guard case .revised(_, 2, let changes) = r.outcome else { Issue.record("expected revision 2: \(r.line)"); return }
        #expect(changes.textChanged && changes.newBodyChars > changes.oldBodyChars)
    }

    @Test func aLocalFeedCannotMakeNewsDeskReadOtherFiles() async throws {
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = "SECRET-\(UUID().uuidString)"
        try Data("<html><body><article><p>\(secret) 비밀 문서의 내용이다. 이 파일은 읽히면 안 된다. 절대로 저장되어서는 안 되는 문장이다.</p></article></body></html>".utf8)
            .write(to: dir.appendingPathComponent("secret.html"))
        let site = dir.appendingPathComponent("demo/site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak.html").path,
                                                   withDestinationPath: dir.appendingPathComponent("secret.html").path)
        let links = ["file://\(dir.path)/secret.html", "../../secret.html", "%2e%2e/%2e%2e/secret.html", "..%2F..%2Fsecret.html", "leak.html"]
        try Data(Site.rss("evil", links.map { ($0, "x") }).utf8).write(to: site.appendingPathComponent("feed.xml"))
        try Data("""
            sources:
              - id: evil
                name: evil
                path: site/feed.xml
                base_url: https://evil.newsdesk.invalid/site/
                type: rss
                section: general
            """.utf8).write(to: dir.appendingPathComponent("demo/feeds.yaml"))
        let config = try FeedsConfig.load(path: dir.appendingPathComponent("demo/feeds.yaml").path)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("evil.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.new == 0 && run.linked == 0)
        #expect(run.failedArticles == run.sources.first?.itemsSeen)
        #expect(try pipeline.store.articleCount() == 0)
        #expect(try pipeline.store.search(secret).isEmpty)
    }
}
