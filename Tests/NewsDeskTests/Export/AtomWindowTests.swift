import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Atom exports are windows: each section's feed holds that section's latest N entries, rebuilt from the store on
/// every export; the cursor only decides whether anything needs writing.
///
/// Reduced from issue 13: `export --format atom --out D --cursor C` after one article changed section left
/// `sports.atom` with only the latest batch (4 entries → 1) and the moved article still in `general.atom`.
@Suite struct AtomWindowTests {
    final class Fixture {
        let dir: String
        let store: ArticleStore
        var out: String { dir + "/feeds" }

        init() throws {
            dir = try ExportSamples.temporaryDirectory("atomwindow")
            store = try ArticleStore(path: dir + "/news.sqlite")
            try store.ensureSource(id: "portal", name: "포털", location: "https://news.example.com/rss", section: nil)
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        @discardableResult
        func save(_ n: Int, section: String, pin: String? = nil) throws -> SaveOutcome {
            let url = "https://news.example.com/article/\(n)"
            let text = ExporterStoreTests.Fixture.text(n)
            let html = "<p>\(text)</p>"
            return try store.save(ArticleDraft(
                sourceID: "portal", url: url,
                extracted: ExtractedArticle(url: url, title: "기사 \(n)", published: ExportSamples.date(Double(n) * 60),
                                            bodyHTML: html, extractor: "test"),
                html: html, text: text, imageCount: 0,
                classification: Classification(section: section, confidence: 0.9, method: .model, reason: "test"),
                fetchedAt: ExportSamples.date(Double(n) * 60 + 5)), mode: pin.map { .reimport(pinSection: $0) } ?? .ingest)
        }

        func export(cursor: String? = "site", limit: Int? = nil, sections: [String] = []) throws -> ExportSummary {
            try Exporter(store: store).export(format: .atom, filter: ArticleFilter(sections: sections, limit: limit), cursor: cursor,
                                              out: .directory(out))
        }

        func feed(_ section: String) throws -> AtomReadBack {
            try AtomReadBack.read(Data(contentsOf: URL(fileURLWithPath: out + "/\(section).atom")))
        }

        func titles(_ section: String) throws -> [String] { try feed(section).entries.map(\.title) }
    }

    @Test func movedArticleLeavesItsOldFeedAndTheNewFeedKeepsItsEntries() throws {
        let f = try Fixture()
        for n in 1...4 { try f.save(n, section: "sports") }
        for n in 5...6 { try f.save(n, section: "general") }
        let first = try f.export()
        #expect(first.files == [f.out + "/general.atom", f.out + "/sports.atom"])
        #expect(try f.titles("sports") == ["기사 4", "기사 3", "기사 2", "기사 1"])
        #expect(try f.titles("general") == ["기사 6", "기사 5"])

        // Article 5 is moved to sports by hand (a revision: new change_seq).
        let moved = try f.save(5, section: "general", pin: "sports")
        guard case .revised = moved else { Issue.record("expected a revision, got \(moved)"); return }
        let second = try f.export()
        #expect(second.files == [f.out + "/general.atom", f.out + "/sports.atom"])
        #expect(try f.titles("sports") == ["기사 5", "기사 4", "기사 3", "기사 2", "기사 1"])
        #expect(try f.titles("general") == ["기사 6"])
        #expect(second.cursorAfter == (try f.store.latestChangeSeq()))

        // feedparser reads both feeds (skips when python3 with feedparser is missing).
        if let python = AtomTests.python3WithFeedparser() {
            for (section, count) in [("sports", 5), ("general", 1)] {
                let (status, out, err) = try AtomTests.run(python, [Fixtures.root.appendingPathComponent("scripts/check_atom.py").path,
                                                                    f.out + "/\(section).atom"])
                #expect(status == 0, "check_atom.py \(section): \(err)")
                let obj = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
                #expect((obj["entries"] as? [[String: Any]])?.count == count)
            }
        }

        // A second run with nothing new writes nothing and leaves the feeds as they are.
        let before = try Data(contentsOf: URL(fileURLWithPath: f.out + "/sports.atom"))
        let third = try f.export()
        #expect(third.files.isEmpty && third.articles == 0)
        #expect(third.cursorAfter == second.cursorAfter)
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.out + "/sports.atom")) == before)
    }

    @Test func theLastArticleLeavingASectionEmptiesItsFeed() throws {
        let f = try Fixture()
        try f.save(1, section: "sports")
        try f.save(2, section: "general")
        _ = try f.export()
        try f.save(1, section: "sports", pin: "general")
        let s = try f.export()
        #expect(s.files == [f.out + "/general.atom", f.out + "/sports.atom"])
        #expect(try f.titles("sports").isEmpty)
        #expect(try f.feed("sports").feedID == AtomFormat.feedID(section: "sports"))
        #expect(try f.titles("general") == ["기사 1", "기사 2"])
    }

    @Test func windowHoldsTheLatestEntriesOfEachSection() throws {
        let f = try Fixture()
        let total = ExportOptions.defaultAtomWindow + 5
        for n in 1...total { try f.save(n, section: "sports") }
        try f.save(total + 1, section: "general")
        _ = try f.export(cursor: nil)
        let sports = try f.titles("sports")
        #expect(sports.count == ExportOptions.defaultAtomWindow)
        #expect(sports.first == "기사 \(total)" && sports.last == "기사 6")
        #expect(try f.titles("general") == ["기사 \(total + 1)"])

        // --limit sets the window; an incremental run after one new article still writes full windows.
        _ = try f.export(limit: 3)
        try f.save(total + 2, section: "sports")
        let s = try f.export(limit: 3)
        #expect(s.articles == 4)
        #expect(try f.titles("sports") == ["기사 \(total + 2)", "기사 \(total)", "기사 \(total - 1)"])
        #expect(try f.titles("general") == ["기사 \(total + 1)"])
    }

    @Test func windowLimitMustBePositive() throws {
        let f = try Fixture()
        try f.save(1, section: "sports")
        #expect(throws: ExportError.self) { try f.export(limit: 0) }
    }

    /// A failure while a feed is being built leaves the previous file in place, byte for byte.
    @Test func aFailedExportLeavesTheOldFeed() throws {
        let f = try Fixture()
        for n in 1...3 { try f.save(n, section: "sports") }
        _ = try f.export()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.out + "/sports.atom"))
        try f.save(4, section: "sports")
        #expect(throws: ExportError.self) {
            try Exporter(store: ExporterStoreTests.Crashing(f.store, failAfter: 2)).export(format: .atom, cursor: "site", out: .directory(f.out))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.out + "/sports.atom")) == before)
        #expect(try f.store.exportCursor("site") == 3)
        #expect(ExporterTests.files(f.out).allSatisfy { !$0.contains(AtomicFile.tempSuffix) })
        let retry = try f.export()
        #expect(retry.articles == 4)
    }
}
