import Foundation
import Testing
@testable import NewsDesk

/// The export scenarios against the real `ArticleStore` (SQLite in a temporary folder).
@Suite struct ExporterStoreTests {
    final class Fixture {
        let dir: String
        let store: ArticleStore
        init() throws {
            dir = try ExportSamples.temporaryDirectory("store")
            store = try ArticleStore(path: dir + "/news.sqlite")
            try store.ensureSource(id: "example-it", name: "예시 IT", location: "https://news.example.com/rss", section: "it")
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        /// Distinct text per seed (random words), so the store's near-copy detection keeps articles apart.
        static func text(_ seed: Int) -> String {
            let words = ["반도체", "인공지능", "데이터센터", "스마트폰", "배터리", "자율주행", "클라우드", "보안", "네트워크", "플랫폼",
                         "투자", "시장", "정부", "규제", "수출", "공급망", "소비자", "가격", "기술", "연구", "특허", "출시", "개발자", "서비스"]
            var x = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var out: [String] = []
            for i in 0..<60 {
                x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                out.append(words[Int(x >> 33) % words.count] + String((x >> 40) % 997))
                if i % 12 == 11 { out[out.count - 1] += "." }
            }
            return out.joined(separator: " ")
        }

        @discardableResult
        func save(_ n: Int, title: String? = nil, textSeed: Int? = nil, mode: SaveMode = .ingest) throws -> SaveOutcome {
            let url = "https://news.example.com/article/\(n)"
            let text = Self.text(textSeed ?? n)
            let html = "<p>\(text)</p><ul><li>하나</li></ul>"
            return try store.save(ArticleDraft(
                sourceID: "example-it", url: url,
                extracted: ExtractedArticle(url: url, title: title ?? "기사 \(n): <제목> & \"따옴표\"",
                                            byline: Byline(reporters: ["홍길동"], agency: "연합뉴스"),
                                            published: ExportSamples.date(Double(n) * 60), attribution: "ⓒ 예시뉴스",
                                            bodyHTML: html, extractor: "test"),
                html: html, text: text, imageCount: 0,
                classification: Classification(section: "it", confidence: 0.9, method: .source, reason: "source example-it is single-section (it)"),
                fetchedAt: ExportSamples.date(Double(n) * 60 + 5)), mode: mode)
        }
    }

    /// The store as export source, dying after `failAfter` articles (a crash mid-export).
    final class Crashing: ExportArticleSource {
        let store: ArticleStore
        let failAfter: Int
        struct Killed: Error {}
        init(_ store: ArticleStore, failAfter: Int) { self.store = store; self.failAfter = failAfter }
        func forEachArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
            var n = 0
            try store.forEachArticle(filter) { a in
                if n == failAfter { throw Killed() }
                try body(a)
                n += 1
            }
        }
        func forEachLatestArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
            var n = 0
            try store.forEachLatestArticle(filter) { a in
                if n == failAfter { throw Killed() }
                try body(a)
                n += 1
            }
        }
        func articleSections(_ filter: ArticleFilter) throws -> [String] { try store.articleSections(filter) }
        func latestChangeSeq() throws -> Int64 { try store.latestChangeSeq() }
        func exportCursor(_ name: String) throws -> Int64? { try store.exportCursor(name) }
        func setExportCursor(_ name: String, to seq: Int64) throws { try store.setExportCursor(name, to: seq) }
    }

    static func lines(_ path: String) throws -> [StoredArticle] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONLRecord.decode(line: $0).article }
    }

    @Test func jsonlRoundTripsStoredArticles() throws {
        let f = try Fixture()
        for n in 1...3 { try f.save(n) }
        let out = f.dir + "/out"
        let s = try Exporter(store: f.store).export(format: .jsonl, out: .directory(out))
        let file = try #require(s.files.first)
        let back = try Self.lines(file)
        #expect(back.count == 3)
        for a in back {
            let stored = try #require(try f.store.article(id: a.id))
            #expect(a == stored)
        }
    }

    @Test func cursorNewRevisedAndCrash() throws {
        let f = try Fixture()
        for n in 1...4 { try f.save(n) }
        let out = f.dir + "/out"
        let ex = Exporter(store: f.store)
        let first = try ex.export(format: .jsonl, cursor: "board", out: .directory(out))
        #expect(first.articles == 4)
        let seq = try #require(first.cursorAfter)
        #expect(try f.store.exportCursor("board") == seq)

        // Nothing changed: nothing exported.
        #expect(try ex.export(format: .jsonl, cursor: "board", out: .directory(out)).articles == 0)

        // A revision (re-import with new text) and a new article.
        let outcome = try f.save(2, title: "수정된 기사", textSeed: 1000, mode: .reimport(pinSection: nil))
        guard case .revised = outcome else { Issue.record("expected a revision, got \(outcome)"); return }
        try f.save(5)

        // The export dies after the first of the two: the cursor stays, nothing is skipped.
        #expect(throws: ExportError.self) {
            try Exporter(store: Crashing(f.store, failAfter: 1)).export(format: .jsonl, cursor: "board", out: .directory(out))
        }
        #expect(try f.store.exportCursor("board") == seq)

        let retry = try ex.export(format: .jsonl, cursor: "board", out: .directory(out))
        #expect(retry.articles == 2)
        let file = try #require(retry.files.first)
        let back = try Self.lines(file)
        #expect(back.map(\.canonicalURL) == ["https://news.example.com/article/2", "https://news.example.com/article/5"])
        #expect(back[0].title == "수정된 기사" && back[0].revision == 2)
        #expect(try f.store.exportCursor("board") == back.map(\.changeSeq).max())
    }

    @Test func filtersReachTheStore() throws {
        let f = try Fixture()
        for n in 1...6 { try f.save(n) }
        let out = f.dir + "/out"
        let ex = Exporter(store: f.store)
        let s = try ex.export(format: .jsonl, filter: ArticleFilter(since: ExportSamples.date(2 * 60), until: ExportSamples.date(5 * 60), limit: 2),
                              out: .directory(out))
        let back = try Self.lines(try #require(s.files.first))
        #expect(back.map(\.title) == ["기사 2: <제목> & \"따옴표\"", "기사 3: <제목> & \"따옴표\""])
        let md = try ex.export(format: .markdown, filter: ArticleFilter(ids: [1, 6]), out: .directory(out + "/md"))
        #expect(md.articles == 2)
        let names = ExporterTests.files(out + "/md")
        #expect(names.contains { $0.hasPrefix("it/1-기사-1_-") && $0.hasSuffix(".md") })
    }
}
