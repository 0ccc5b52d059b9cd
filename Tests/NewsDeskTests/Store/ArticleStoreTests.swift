import Foundation
import GRDB
import Testing
@testable import NewsDesk

@Suite("ArticleStore")
struct ArticleStoreTests {
    @Test func opensTwiceAndIsSound() throws {
        let t = try TempStore()
        let again = try ArticleStore(path: t.store.path)
        #expect(try again.integrityCheck() == "ok")
        let mode = try again.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func insertAndReadBackUnderEveryVariant() throws {
        let t = try TempStore()
        let out = try t.store.save(draft(url: "https://www.it.example.com/news/100", title: "새 AI 칩 공개", text: Texts.chip,
                                         seen: ["https://m.it.example.com/news/100"], item: "guid-100"))
        guard case .inserted(let id) = out else { Issue.record("expected insert, got \(out)"); return }
        let a = try #require(try t.store.article(id: id))
        #expect(a.title == "새 AI 칩 공개")
        #expect(a.canonicalURL == "https://www.it.example.com/news/100")
        #expect(a.otherURLs.isEmpty, "the m. variant has the same identity key")
        #expect(a.section == "it")
        #expect(a.revision == 1)
        #expect(a.changeSeq == 1)
        #expect(a.contentHash.count == 64)
        #expect(try t.store.article(url: "http://it.example.com/news/100#x")?.id == id)
        #expect(try t.store.article(url: "https://mobile.it.example.com/news/100")?.id == id)
        #expect(try t.store.article(url: "https://it.example.com/news/101") == nil)
        // Tracking parameters do not change identity (URLCleaner).
        #expect(try t.store.article(url: "https://it.example.com/news/100?utm_source=feed&fbclid=x")?.id == id)
        #expect(try t.store.source(id: "it-news")?.articlesStored == 1)
    }

    @Test func sameStoryUnderTwoURLsIsStoredOnce() throws {
        let t = try TempStore()
        let first = try t.store.save(draft(url: "https://it.example.com/news/1", title: "칩 공개", text: Texts.chip))
        let second = try t.store.save(draft(url: "https://portal.example.com/v/99", title: "칩 공개 (전재)", text: Texts.chip, source: "portal"))
        #expect(second == .linked(id: first.id, match: .contentHash))
        #expect(try t.store.articleCount() == 1)
        #expect(try t.store.article(url: "https://portal.example.com/v/99")?.id == first.id)
        #expect(try t.store.article(id: first.id)?.otherURLs == ["https://portal.example.com/v/99"])
    }

    @Test func portalRepostWithChangedTailIsANearCopy() throws {
        let t = try TempStore()
        let first = try t.store.save(draft(url: "https://it.example.com/news/7", title: "칩 공개", text: Texts.chip))
        // A portal repost: same body, last sentence replaced and a copyright line added.
        var lines = Texts.chip.split(separator: "\n").map(String.init)
        lines[lines.count - 1] = "삼성전자가 비슷한 제품을 준비 중이라는 소식도 전해지면서 시장의 관심이 커지고 있다. 관련 업계의 반응은 엇갈렸다."
        lines.append("무단 전재 및 재배포 금지. 포털 뉴스 제공.")
        let repost = lines.joined(separator: "\n")
        let sim = Fingerprint.similarity(Fingerprint.minhash(Texts.chip), Fingerprint.minhash(repost))
        #expect(sim >= Fingerprint.nearCopyThreshold)
        let second = try t.store.save(draft(url: "https://v.daum.net/v/20251129000000001", title: "칩 공개", text: repost, source: "portal"))
        guard case .linked(let id, .nearCopy) = second else { Issue.record("expected near-copy link, got \(second)"); return }
        #expect(id == first.id)
        #expect(try t.store.articleCount() == 1)
        // A different story is not a near copy of it.
        let third = try t.store.save(draft(url: "https://sports.example.com/1", title: "결승골", text: Texts.football, source: "portal", section: "sports"))
        #expect(third == .inserted(id: third.id))
        #expect(Fingerprint.similarity(Fingerprint.minhash(Texts.chip), Fingerprint.minhash(Texts.football)) < 0.2)
    }

    @Test func portalVariantsAreOneArticle() throws {
        let t = try TempStore()
        let a = try t.store.save(draft(url: "https://n.news.naver.com/mnews/article/001/0012345678?sid=105", title: "칩", text: Texts.chip, source: "portal"))
        let b = try t.store.save(draft(url: "https://news.naver.com/main/read.naver?oid=001&aid=0012345678", title: "칩", text: Texts.chip + " 추가", source: "portal"))
        #expect(b == .linked(id: a.id, match: .url))
    }

    @Test func declaredOriginalURLLinksOnlyWhenTextAgrees() throws {
        let t = try TempStore()
        let original = try t.store.save(draft(url: "https://it.example.com/news/55", title: "칩 공개", text: Texts.chip))
        let repost = try t.store.save(draft(url: "https://v.daum.net/v/20251129000000055", title: "칩 공개", text: Texts.chip + "\n제공: 예시뉴스",
                                            source: "portal", original: "https://it.example.com/news/55"))
        #expect(repost == .linked(id: original.id, match: .declaredURL))
        // A page whose rel=canonical points at a stored article but whose story differs is a new article.
        let bogus = try t.store.save(draft(url: "https://it.example.com/news/56", title: "비 예보", text: Texts.weather,
                                           canonical: "https://it.example.com/news/55"))
        guard case .inserted = bogus else { Issue.record("bogus canonical merged stories: \(bogus)"); return }
        #expect(try t.store.articleCount() == 2)
    }

    @Test func reimportStoresARevisionAndSaysWhatChanged() throws {
        let t = try TempStore()
        let url = "https://it.example.com/news/9"
        let first = try t.store.save(draft(url: url, title: "칩 공개", text: Texts.chip, images: 1))
        let same = try t.store.save(draft(url: url, title: "칩 공개", text: Texts.chip, images: 1), mode: .reimport(pinSection: nil))
        #expect(same == .unchanged(id: first.id))
        let edited = try t.store.save(draft(url: url, title: "칩 공개 (수정)", text: Texts.chip + "\n추가 취재 내용이 덧붙었다.", images: 2),
                                      mode: .reimport(pinSection: nil))
        guard case .revised(let id, let rev, let changes) = edited else { Issue.record("expected revision, got \(edited)"); return }
        #expect(id == first.id && rev == 2)
        #expect(changes.oldTitle == "칩 공개" && changes.newTitle == "칩 공개 (수정)")
        #expect(changes.textChanged && changes.newBodyChars > changes.oldBodyChars)
        #expect(changes.oldImages == 1 && changes.newImages == 2)
        let revs = try t.store.revisions(articleID: id)
        #expect(revs.count == 1 && revs[0].revision == 1 && revs[0].title == "칩 공개")
        let a = try #require(try t.store.article(id: id))
        #expect(a.revision == 2 && a.title == "칩 공개 (수정)" && a.changeSeq == 2)
    }

    @Test func pinnedSectionSurvivesLaterImports() throws {
        let t = try TempStore()
        let url = "https://portal.example.com/a/1"
        let first = try t.store.save(draft(url: url, title: "경기 결과", text: Texts.football, source: "portal", section: "general"))
        let pinned = try t.store.save(draft(url: url, title: "경기 결과", text: Texts.football, source: "portal", section: "general"),
                                      mode: .reimport(pinSection: "sports"))
        guard case .revised(_, _, let changes) = pinned else { Issue.record("expected revision, got \(pinned)"); return }
        #expect(changes.oldSection == "general" && changes.newSection == "sports")
        // A later re-import whose classifier says "general" keeps the pin.
        _ = try t.store.save(draft(url: url, title: "경기 결과 (수정)", text: Texts.football + " 수정", source: "portal", section: "general"),
                             mode: .reimport(pinSection: nil))
        let a = try #require(try t.store.article(id: first.id))
        #expect(a.section == "sports" && a.sectionPinned)
        #expect(a.classificationReason.contains("pinned"))
    }

    @Test func streamsInChangeSeqOrderWithFiltersAndCursors() throws {
        let t = try TempStore()
        let a = try t.store.save(draft(url: "https://it.example.com/1", title: "칩", text: Texts.chip))
        let b = try t.store.save(draft(url: "https://portal.example.com/2", title: "축구", text: Texts.football, source: "portal", section: "sports"))
        let c = try t.store.save(draft(url: "https://portal.example.com/3", title: "날씨", text: Texts.weather, source: "portal", section: "general"))
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "칩 (수정)", text: Texts.chip + " 수정"), mode: .reimport(pinSection: nil))
        var order: [Int64] = []
        try t.store.forEachArticle(ArticleFilter()) { order.append($0.id) }
        #expect(order == [b.id, c.id, a.id])
        var sports: [String] = []
        try t.store.forEachArticle(ArticleFilter(sections: ["sports"])) { sports.append($0.title) }
        #expect(sports == ["축구"])
        var after: [Int64] = []
        try t.store.forEachArticle(ArticleFilter(changedAfter: 3)) { after.append($0.id) }
        #expect(after == [a.id])
        #expect(try t.store.exportCursor("json") == nil)
        try t.store.setExportCursor("json", to: 3)
        try t.store.setExportCursor("json", to: 4)
        #expect(try t.store.exportCursor("json") == 4)
        #expect(try t.store.list(ArticleFilter(sources: ["portal"], limit: 1)).count == 1)
    }

    @Test func labelledExamplesComeFromSingleSectionSourcesAndPins() throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "칩", text: Texts.chip))
        _ = try t.store.save(draft(url: "https://portal.example.com/2", title: "축구", text: Texts.football, source: "portal", section: "general"))
        _ = try t.store.save(draft(url: "https://portal.example.com/3", title: "날씨", text: Texts.weather, source: "portal", section: "general"))
        _ = try t.store.save(draft(url: "https://portal.example.com/2", title: "축구", text: Texts.football, source: "portal"), mode: .reimport(pinSection: "sports"))
        let ex = try t.store.labelledExamples()
        #expect(ex.map(\.section).sorted() == ["it", "sports"])
        #expect(ex.contains { $0.text.hasPrefix("칩\n국내 반도체") })
    }

    @Test func schemaRefusesWhatSwiftMustNotWrite() throws {
        let t = try TempStore()
        let a = try t.store.save(draft(url: "https://it.example.com/1", title: "칩", text: Texts.chip))
        #expect(throws: (any Error).self) {
            try t.store.pool.write { db in
                try db.execute(sql: "INSERT INTO article_urls (url, article_id, kind, first_seen) VALUES ('https://x.example.com/', 999, 'seen', '2026-01-01')")
            }
        }
        #expect(throws: (any Error).self) {
            try t.store.pool.write { db in
                try db.execute(sql: "UPDATE articles SET canonical_url = NULL WHERE id = ?", arguments: [a.id])
            }
        }
        // An article of a source that is not in the sources table violates the foreign key.
        #expect(throws: StoreError.self) {
            try t.store.save(draft(url: "https://nosuch.example.com/1", title: "비 예보", text: Texts.weather, source: "nope"))
        }
        #expect(try t.store.articleCount() == 1)
    }

    @Test func backoffAndRetryAfter() throws {
        let t = try TempStore()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var r = try #require(try t.store.recordFetch(sourceID: "it-news", SourceFetchResult(outcome: .failed(message: "503", retryAfter: nil), status: 503, at: now), interval: 600))
        #expect(r.consecutiveFailures == 1 && r.nextDue == now.addingTimeInterval(1200))
        r = try #require(try t.store.recordFetch(sourceID: "it-news", SourceFetchResult(outcome: .failed(message: "503", retryAfter: now.addingTimeInterval(7200)), status: 503, at: now), interval: 600))
        #expect(r.consecutiveFailures == 2 && r.nextDue == now.addingTimeInterval(7200))
        r = try #require(try t.store.recordFetch(sourceID: "it-news", SourceFetchResult(outcome: .fetched(etag: "\"e1\"", lastModified: "x"), status: 200, at: now), interval: 600))
        #expect(r.consecutiveFailures == 0 && r.etag == "\"e1\"" && r.nextDue == now.addingTimeInterval(600) && r.lastError == nil)
    }

    @Test func runsAreRecordedAndInterruptedOnesMarked() throws {
        let t = try TempStore()
        let killed = try t.store.beginRun(dryRun: false)
        let run = try t.store.beginRun(dryRun: false)
        try t.store.recordRunError(runID: run, sourceID: "it-news", url: "https://it.example.com/x", stage: "fetch", message: "timeout")
        try t.store.recordRunSource(RunSourceRecord(runId: run, sourceId: "it-news", status: "failed", itemsSeen: 0, articlesNew: 0,
                                                    articlesLinked: 0, articlesSkipped: 0, errors: 1, error: "timeout"))
        try t.store.finishRun(run, status: "partial", sourcesChecked: 1, articlesNew: 0, articlesLinked: 0, articlesSkipped: 0, errors: 1)
        let runs = try t.store.runs()
        #expect(runs.first { $0.id == killed }?.status == "interrupted")
        #expect(runs.first { $0.id == run }?.status == "partial")
        #expect(try t.store.runErrors(runID: run).map(\.stage) == ["fetch"])
    }
}
