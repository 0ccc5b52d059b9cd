import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The store backends the contract runs on: SQLite always; PostgreSQL when a throwaway server could start
/// (`PostgresServer`; otherwise it prints why and the PostgreSQL rows are not generated).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
    static var available: [Backend] { PostgresServer.available ? [.sqlite, .postgres] : [.sqlite] }
}

/// A fresh store of one backend, with the two sources of `TempStore`.
final class ContractStore {
    let store: any ArticleStoring
    /// The `--db` value for the executable.
    let db: String
    private let dir: URL

    init(_ backend: Backend) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        switch backend {
        case .sqlite: db = dir.appendingPathComponent("test.sqlite").path
        case .postgres: db = try PostgresServer.database("contract")
        }
        store = try StoreLocation(db).open()
        try store.syncSources([
            SourceConfig(id: "it-news", name: "IT 뉴스", url: "https://it.example.com/rss", section: "it"),
            SourceConfig(id: "portal", name: "포털", url: "https://portal.example.com/rss", mixed: true),
        ])
    }

    deinit { try? FileManager.default.removeItem(at: dir) }
}

/// One table of store behaviours, run on both backends (`ArticleStoring`): what SQLite does, PostgreSQL does.
@Suite("store contract (SQLite and PostgreSQL)")
struct StoreContractTests {
    static let fetched = Date(timeIntervalSince1970: 1_790_000_100)

    func fixed(_ d: ArticleDraft) -> ArticleDraft { var d = d; d.fetchedAt = Self.fetched; return d }

    @Test(arguments: Backend.available)
    func dedupByURLHashAndNearCopy(_ backend: Backend) throws {
        let t = try ContractStore(backend)
        let first = try t.store.save(fixed(draft(url: "https://it.example.com/news/7?utm_source=rss", title: "칩 공개", text: Texts.chip,
                                                 seen: ["https://m.it.example.com/news/7"], item: "item-7")), mode: .ingest)
        guard case .inserted(let id) = first else { Issue.record("expected insert, got \(first)"); return }
        // The same URL (tracking parameter gone, mobile host) links.
        #expect(try t.store.save(fixed(draft(url: "https://it.example.com/news/7", title: "칩 공개", text: Texts.chip)), mode: .ingest)
                == .linked(id: id, match: .url))
        // The same text elsewhere links by hash.
        #expect(try t.store.save(fixed(draft(url: "https://portal.example.com/v/99", title: "칩 공개 (전재)", text: Texts.chip, source: "portal")),
                                 mode: .ingest) == .linked(id: id, match: .contentHash))
        // A repost with a changed tail links as a near-copy.
        var lines = Texts.chip.split(separator: "\n").map(String.init)
        lines[lines.count - 1] = "삼성전자가 비슷한 제품을 준비 중이라는 소식도 전해지면서 시장의 관심이 커지고 있다. 관련 업계의 반응은 엇갈렸다."
        lines.append("무단 전재 및 재배포 금지. 포털 뉴스 제공.")
        let near = try t.store.save(fixed(draft(url: "https://v.daum.net/v/20251129000000001", title: "칩 공개", text: lines.joined(separator: "\n"),
                                                source: "portal")), mode: .ingest)
        guard case .linked(id, .nearCopy) = near else { Issue.record("expected near-copy link, got \(near)"); return }
        // A different story is new.
        let other = try t.store.save(fixed(draft(url: "https://sports.example.com/1", title: "결승골", text: Texts.football, source: "portal",
                                                 section: "sports")), mode: .ingest)
        guard case .inserted(let otherID) = other else { Issue.record("expected insert, got \(other)"); return }
        #expect(otherID != id)
        #expect(try t.store.articleCount() == 2)
        let stored = try #require(try t.store.article(url: "https://v.daum.net/v/20251129000000001"))
        #expect(stored.id == id)
        #expect(stored.canonicalURL == "https://it.example.com/news/7")
        // (The mobile URL folds into the same identity key, so it is no other URL.)
        #expect(stored.otherURLs.sorted() == ["https://portal.example.com/v/99", "https://v.daum.net/v/20251129000000001"])
        #expect(try t.store.knownItems(sourceID: "it-news", items: [FeedItem(id: "item-7", link: "https://x.example.com/a", title: ""),
                                                                   FeedItem(id: "new", link: "https://portal.example.com/v/99", title: ""),
                                                                   FeedItem(id: "unknown", link: "https://it.example.com/zzz", title: "")])
                == ["item-7", "new"])
        #expect(try t.store.source(id: "it-news")?.articlesStored == 1)
    }

    @Test(arguments: Backend.available)
    func revisionsAndPins(_ backend: Backend) throws {
        let t = try ContractStore(backend)
        let first = try t.store.save(fixed(draft(url: "https://it.example.com/news/1", title: "칩 공개", text: Texts.chip)), mode: .ingest)
        let seq1 = try #require(try t.store.article(id: first.id)).changeSeq
        // Unchanged reimport.
        #expect(try t.store.save(fixed(draft(url: "https://it.example.com/news/1", title: "칩 공개", text: Texts.chip)), mode: .reimport(pinSection: nil))
                == .unchanged(id: first.id))
        // Changed title and text: a revision keeps the old version.
        let revised = try t.store.save(fixed(draft(url: "https://it.example.com/news/1", title: "칩 공개 (수정)", text: Texts.chip + "\n정정: 출시 시점은 하반기다.")),
                                       mode: .reimport(pinSection: nil))
        guard case .revised(first.id, 2, let changes) = revised else { Issue.record("expected revision 2, got \(revised)"); return }
        #expect(changes.textChanged && changes.oldTitle == "칩 공개")
        let now = try #require(try t.store.article(id: first.id))
        #expect(now.revision == 2 && now.title == "칩 공개 (수정)" && now.changeSeq > seq1)
        let old = try t.store.revisions(articleID: first.id)
        #expect(old.map(\.revision) == [1] && old.map(\.title) == ["칩 공개"])
        // A pin sticks: a later reimport without a pin keeps the section.
        #expect(try t.store.save(fixed(draft(url: "https://it.example.com/news/1", title: "칩 공개 (수정)", text: Texts.chip + "\n정정: 출시 시점은 하반기다.")),
                                 mode: .reimport(pinSection: "economy")) != .unchanged(id: -1))
        var pinned = try #require(try t.store.article(id: first.id))
        #expect(pinned.section == "economy" && pinned.sectionPinned)
        _ = try t.store.save(fixed(draft(url: "https://it.example.com/news/1", title: "칩 공개 (재수정)", text: Texts.chip, section: "it")),
                             mode: .reimport(pinSection: nil))
        pinned = try #require(try t.store.article(id: first.id))
        // The pin was a revision (the section changed), the last reimport another.
        #expect(pinned.section == "economy" && pinned.sectionPinned && pinned.revision == 4)
        #expect(try t.store.revisions(articleID: first.id).map(\.revision) == [1, 2, 3])
    }

    @Test(arguments: Backend.available)
    func runsSourcesAndEntryFailures(_ backend: Backend) throws {
        let t = try ContractStore(backend)
        let run = try t.store.beginRun(dryRun: false, at: Self.fetched)
        try t.store.recordRunSource(runID: run, sourceID: "it-news", status: "ok", itemsSeen: 3, new: 2, linked: 1, skipped: 0, errors: 0, error: nil)
        try t.store.recordRunError(runID: run, sourceID: "portal", url: "https://portal.example.com/rss", stage: "fetch", message: "HTTP 503")
        try t.store.finishRun(run, status: "partial", sourcesChecked: 2, articlesNew: 2, articlesLinked: 1, articlesSkipped: 0, errors: 1,
                              at: Self.fetched.addingTimeInterval(5))
        let runs = try t.store.runs()
        #expect(runs.first?.id == run && runs.first?.status == "partial" && runs.first?.articlesNew == 2)
        #expect(try t.store.runErrors(runID: run).map(\.stage) == ["fetch"])
        // A second run marks a run left `running` as interrupted.
        let left = try t.store.beginRun(dryRun: false, at: Self.fetched)
        _ = try t.store.beginRun(dryRun: false, at: Self.fetched)
        #expect(try t.store.runs().first { $0.id == left }?.status == "interrupted")

        // Backoff after failures, reset by a success.
        let at = Self.fetched
        var r = try t.store.recordFetch(sourceID: "portal", SourceFetchResult(outcome: .failed(message: "HTTP 503", retryAfter: nil), status: 503, at: at),
                                        interval: 600)
        #expect(r?.consecutiveFailures == 1 && r?.nextDue == at.addingTimeInterval(1200))
        r = try t.store.recordFetch(sourceID: "portal", SourceFetchResult(outcome: .failed(message: "HTTP 503", retryAfter: at.addingTimeInterval(9000)),
                                                                          status: 503, at: at), interval: 600)
        #expect(r?.consecutiveFailures == 2 && r?.nextDue == at.addingTimeInterval(9000))
        r = try t.store.recordFetch(sourceID: "portal", SourceFetchResult(outcome: .fetched(etag: "\"e1\"", lastModified: nil), status: 200, at: at),
                                    interval: 600)
        #expect(r?.consecutiveFailures == 0 && r?.etag == "\"e1\"" && r?.lastError == nil)
        #expect(try t.store.sources().map(\.id) == ["it-news", "portal"])
        #expect(try t.store.source(id: "portal")?.etag == "\"e1\"")

        // Entry failures count per run, give up at the limit or at once on 410, and a stored article clears them.
        #expect(try t.store.recordEntryFailure(sourceID: "it-news", itemID: "a", url: "https://it.example.com/a", stage: "fetch", error: "HTTP 500",
                                               permanent: false, at: at) == 1)
        #expect(try t.store.recordEntryFailure(sourceID: "it-news", itemID: "a", url: "https://it.example.com/a", stage: "fetch", error: "HTTP 500",
                                               permanent: false, at: at.addingTimeInterval(60)) == 2)
        #expect(try t.store.recordEntryFailure(sourceID: "it-news", itemID: "gone", url: "https://it.example.com/g", stage: "fetch", error: "HTTP 410",
                                               permanent: true, at: at) == 1)
        let items = [FeedItem(id: "a", link: "https://it.example.com/a", title: ""), FeedItem(id: "gone", link: "https://it.example.com/g", title: "")]
        #expect(try t.store.givenUpEntries(sourceID: "it-news", items: items, maxAttempts: 3) == ["gone"])
        #expect(try t.store.givenUpEntries(sourceID: "it-news", items: items, maxAttempts: 2) == ["a", "gone"])
        #expect(try t.store.entryFailures().map(\.itemID) == ["a", "gone"])
        _ = try t.store.save(fixed(draft(url: "https://it.example.com/a", title: "복구", text: Texts.weather, item: "a")), mode: .ingest)
        #expect(try t.store.entryFailures(sourceID: "it-news").map(\.itemID) == ["gone"])
    }

    @Test(arguments: Backend.available)
    func exportCursorsAndStreams(_ backend: Backend) throws {
        let t = try ContractStore(backend)
        #expect(try t.store.exportCursor("site") == nil)
        #expect(try t.store.latestChangeSeq() == 0)
        for i in 0..<5 {
            _ = try t.store.save(fixed(draft(url: "https://it.example.com/g/\(i)", title: "기사 \(i)", text: generatedText(i))), mode: .ingest)
        }
        #expect(try t.store.latestChangeSeq() == 5)
        var seqs: [Int64] = []
        try t.store.forEachArticle(ArticleFilter(changedAfter: 2)) { seqs.append($0.changeSeq) }
        #expect(seqs == [3, 4, 5])
        seqs = []
        try t.store.forEachLatestArticle(ArticleFilter(limit: 2)) { seqs.append($0.changeSeq) }
        #expect(seqs == [5, 4])
        try t.store.setExportCursor("site", to: 3)
        try t.store.setExportCursor("site", to: 4)
        #expect(try t.store.exportCursor("site") == 4)
        #expect(try t.store.articleSections(ArticleFilter()) == ["it"])
        // The exporter's incremental run: only what is past the cursor, then the cursor moves.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-contract-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = try Exporter(store: t.store).export(format: .jsonl, cursor: "site", out: .directory(out.path))
        #expect(summary.articles == 1 && summary.cursorBefore == 4 && summary.cursorAfter == 5)
        #expect(try t.store.list(ArticleFilter(limit: 3)).count == 3)
    }

    /// Korean (bigram substrings, one-syllable words) and English (stems, prefixes) on both backends.
    @Test(arguments: Backend.available)
    func searchKoreanAndEnglish(_ backend: Backend) throws {
        let t = try ContractStore(backend)
        let chip = try t.store.save(fixed(draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.chip)), mode: .ingest).id
        let ball = try t.store.save(fixed(draft(url: "https://it.example.com/2", title: "결승골", text: Texts.football, section: "sports")), mode: .ingest).id
        let en = try t.store.save(fixed(draft(url: "https://it.example.com/3", title: "Chipmakers report record sales", text: Texts.english)), mode: .ingest).id
        let rain = try t.store.save(fixed(draft(url: "https://it.example.com/4", title: "주말 날씨", text: Texts.weather)), mode: .ingest).id
        let cases: [(String, [Int64])] = [
            ("삼성전자", [chip]), ("전자", [chip]), ("축구", [ball]), ("프로축구 결승골", [ball]), ("비", [rain, chip]),
            ("company", [en]), ("semiconductor", [en]), ("chip", [en]), ("studies", [en]), ("airport", [en]),
            ("반도체 칩", [chip]), ("없는단어", []),
        ]
        for (query, expected) in cases {
            let hits = try t.store.search(query, filter: ArticleFilter())
            // Ranked by relevance, where the two backends may order ties differently: compare the sets.
            #expect(Set(hits.map(\.id)) == Set(expected) && hits.count == expected.count, "\(backend) search \(query)")
        }
        // The title weighs more: "칩" (one syllable, LIKE) finds both, and a filter narrows.
        #expect(Set(try t.store.search("AI", filter: ArticleFilter()).map(\.id)) == [chip])
        #expect(try t.store.search("결승골", filter: ArticleFilter(sections: ["it"])).isEmpty)
        #expect(try t.store.search("삼성전자", filter: ArticleFilter()).first?.snippet?.contains("삼성전자") == true)
    }

    /// The same article saved by eight tasks at once (same URL, or the same text under other URLs): stored once,
    /// every other save links to it, each URL recorded once.
    @Test(arguments: Backend.available)
    func concurrentSavesOfOneArticle(_ backend: Backend) async throws {
        let t = try ContractStore(backend)
        let store = t.store
        let outcomes = await withTaskGroup(of: SaveOutcome?.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let url = i % 2 == 0 ? "https://it.example.com/race" : "https://portal.example.com/race/\(i)"
                    return try? await store.save(self.fixed(draft(url: url, title: "경쟁", text: Texts.weather, source: i % 2 == 0 ? "it-news" : "portal")),
                                                 mode: .ingest)
                }
            }
            var all: [SaveOutcome?] = []
            for await o in group { all.append(o) }
            return all
        }
        #expect(outcomes.allSatisfy { $0 != nil })
        let inserted = outcomes.compactMap { o -> Int64? in if case .inserted(let id)? = o { return id } else { return nil } }
        #expect(inserted.count == 1)
        #expect(Set(outcomes.compactMap { $0?.id }).count == 1)
        #expect(try store.articleCount() == 1)
        let stored = try #require(try store.article(url: "https://it.example.com/race"))
        // Whichever save won, the article is known under every URL once.
        #expect(Set([stored.canonicalURL] + stored.otherURLs) == Set(["https://it.example.com/race"] + [1, 3, 5, 7].map { "https://portal.example.com/race/\($0)" }))
        #expect(stored.otherURLs.count == 4)
    }

    /// The same script gives the same outcomes, ids and listings on both backends.
    @Test func bothBackendsAgree() throws {
        guard PostgresServer.available else { return }
        let stores = try [ContractStore(.sqlite), ContractStore(.postgres)]
        var outcomes: [[SaveOutcome]] = [[], []]
        for (i, t) in stores.enumerated() {
            for n in 0..<6 {
                outcomes[i].append(try t.store.save(fixed(draft(url: "https://it.example.com/n/\(n % 4)", title: "기사 \(n % 4)", text: generatedText(n % 4))),
                                                    mode: .ingest))
            }
            outcomes[i].append(try t.store.save(fixed(draft(url: "https://portal.example.com/p/1", title: "전재", text: generatedText(2), source: "portal")),
                                                mode: .ingest))
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(try stores[0].store.list(ArticleFilter()) == stores[1].store.list(ArticleFilter()))
        #expect(try stores[0].store.labelledExamples().map(\.section) == stores[1].store.labelledExamples().map(\.section))
    }
}

/// `--db`, `NEWSDESK_DB`, `store.url`: which store a command uses.
@Suite("store selection")
struct StoreSelectionTests {
    @Test(arguments: [
        // (flag, env, config, expected description)
        (String?.none, String?.none, String?.none, "newsdesk.sqlite"),
        ("a.sqlite", "postgres://u@h:5433/env", "/cfg.sqlite", "a.sqlite"),
        (nil, "postgres://u@h:5433/env", "/cfg.sqlite", "postgres://u@h:5433/env"),
        (nil, nil, "/cfg.sqlite", "/cfg.sqlite"),
        ("postgresql://news@db.example.com/newsdesk", nil, nil, "postgres://news@db.example.com:5432/newsdesk"),
        ("postgres://news:secret@127.0.0.1:6543/n", nil, nil, "postgres://news@127.0.0.1:6543/n"),
    ])
    func precedence(_ flag: String?, _ env: String?, _ config: String?, _ expected: String) throws {
        let location = try StoreLocation.resolve(flag: flag, environment: env.map { ["NEWSDESK_DB": $0] } ?? [:],
                                                 config: config.map { StoreLocation.sqlite(path: $0) })
        #expect(location.description == expected)
    }

    @Test(arguments: ["mysql://u@h/db", "postgres://h:5432/db", "postgres://u@h:5432/", "postgres://u@:5432/db", ""])
    func refused(_ text: String) {
        #expect(throws: StoreLocationError.self) { try StoreLocation(text) }
    }

    /// `store.url` in feeds.yaml goes through the policy build, with file:line problems like every key.
    @Test(arguments: [
        ("store:\n  url: postgres://news@127.0.0.1:5432/newsdesk\n", "postgres://news@127.0.0.1:5432/newsdesk", ""),
        ("store:\n  url: mysql://news@127.0.0.1/newsdesk\n", "", "store.url"),
        ("store:\n  uri: postgres://news@127.0.0.1/newsdesk\n", "", "store.uri"),
    ])
    func configKey(_ yaml: String, _ expected: String, _ problemField: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-storecfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feeds.yaml").path
        try ("sources:\n  - id: a\n    name: A\n    url: https://a.example.com/rss\n    section: it\n" + yaml).write(toFile: file, atomically: true, encoding: .utf8)
        do {
            let policy = try Policy.load(path: file)
            #expect(problemField.isEmpty, "expected a problem at \(problemField)")
            #expect(policy.config.store?.description == expected)
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.field == problemField)
            #expect(problem.line == 7)
        }
    }
}
