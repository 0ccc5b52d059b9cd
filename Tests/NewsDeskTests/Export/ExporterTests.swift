import Foundation
import Testing
@testable import NewsDesk

/// A test double for the store's streaming/cursor contract (ARCHITECTURE.md, "Store API"): articles in
/// `changeSeq` order, `changedAfter`, `sections` and `limit` honoured, named cursors kept in memory, and an
/// optional failure after N articles to simulate a crash mid-export. The same scenarios run against the
/// real `ArticleStore` in ExporterStoreTests.
final class ScriptedSource: ExportArticleSource {
    var articles: [Int64: StoredArticle] = [:]
    var cursors: [String: Int64] = [:]
    var failAfter: Int?
    var nextSeq: Int64 = 1
    struct Crash: Error {}

    func put(_ a: StoredArticle) {
        var a = a
        a.changeSeq = nextSeq
        nextSeq += 1
        articles[a.id] = a
    }

    func forEachArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        var n = 0
        for a in articles.values.sorted(by: { $0.changeSeq < $1.changeSeq }) {
            if let after = filter.changedAfter, a.changeSeq <= after { continue }
            if !filter.sections.isEmpty, !filter.sections.contains(a.section) { continue }
            if let limit = filter.limit, n >= limit { break }
            if let f = failAfter, n >= f { throw Crash() }
            try body(a)
            n += 1
        }
    }

    func forEachLatestArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        var n = 0
        for a in articles.values.sorted(by: { $0.changeSeq > $1.changeSeq }) {
            if !filter.sections.isEmpty, !filter.sections.contains(a.section) { continue }
            if let limit = filter.limit, n >= limit { break }
            if let f = failAfter, n >= f { throw Crash() }
            try body(a)
            n += 1
        }
    }

    func articleSections(_ filter: ArticleFilter) throws -> [String] {
        Set(articles.values.filter { filter.sections.isEmpty || filter.sections.contains($0.section) }.map(\.section)).sorted()
    }

    func latestChangeSeq() throws -> Int64 { articles.values.map(\.changeSeq).max() ?? 0 }
    func exportCursor(_ name: String) throws -> Int64? { cursors[name] }
    func setExportCursor(_ name: String, to seq: Int64) throws { cursors[name] = seq }
}

@Suite struct ExporterTests {
    static func files(_ dir: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir)
        var out: [String] = []
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue { out.append(f) }
        }
        return out.sorted()
    }

    static func jsonlIDs(_ path: String) throws -> [Int64] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONLRecord.decode(line: $0).article.id }
    }

    @Test func cursorExportsNewThenRevisedOnly() throws {
        let src = ScriptedSource()
        for id in Int64(1)...3 { src.put(ExportSamples.article(id: id)) }
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ex = Exporter(store: src)

        let first = try ex.export(format: .jsonl, cursor: "board", out: .directory(dir))
        #expect(first.articles == 3 && first.cursorBefore == nil && first.cursorAfter == 3)
        #expect(first.files == [dir + "/articles-1-3.jsonl"])
        #expect(try Self.jsonlIDs(dir + "/articles-1-3.jsonl") == [1, 2, 3])
        #expect(src.cursors["board"] == 3)

        // Nothing new: no file, cursor unchanged.
        let second = try ex.export(format: .jsonl, cursor: "board", out: .directory(dir))
        #expect(second.articles == 0 && second.files.isEmpty && second.cursorAfter == 3)

        // A revision of article 2 and a new article 4: both exported, 1 and 3 not.
        var revised = try #require(src.articles[2])
        revised.title = "수정된 제목"; revised.revision = 2
        src.put(revised)
        src.put(ExportSamples.article(id: 4))
        let third = try ex.export(format: .jsonl, cursor: "board", out: .directory(dir))
        #expect(third.articles == 2 && third.cursorAfter == 5)
        let lines = try String(contentsOfFile: dir + "/articles-4-5.jsonl", encoding: .utf8).split(separator: "\n")
        let back = try lines.map { try JSONLRecord.decode(line: $0).article }
        #expect(back.map(\.id) == [2, 4])
        #expect(back[0].title == "수정된 제목" && back[0].revision == 2)

        // Another cursor name starts from the beginning.
        let other = try ex.export(format: .jsonl, cursor: "search", out: .directory(dir))
        #expect(other.articles == 4)
    }

    @Test func crashMidExportSkipsNothing() throws {
        let src = ScriptedSource()
        for id in Int64(1)...5 { src.put(ExportSamples.article(id: id)) }
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ex = Exporter(store: src)
        try ex.export(format: .jsonl, cursor: "c", out: .directory(dir))
        #expect(src.cursors["c"] == 5)
        for id in Int64(6)...10 { src.put(ExportSamples.article(id: id)) }

        // The store dies after two of the five new articles.
        src.failAfter = 2
        #expect(throws: ExportError.self) { try ex.export(format: .jsonl, cursor: "c", out: .directory(dir)) }
        #expect(src.cursors["c"] == 5)
        #expect(Self.files(dir) == ["articles-1-5.jsonl"])  // no partial file, no temporary file

        // Also for per-article formats: files may already be in place, but the cursor has not moved.
        #expect(throws: ExportError.self) { try ex.export(format: .markdown, cursor: "md", out: .directory(dir + "/md")) }
        #expect(src.cursors["md"] == nil)

        src.failAfter = nil
        let retry = try ex.export(format: .jsonl, cursor: "c", out: .directory(dir))
        #expect(retry.articles == 5)
        #expect(try Self.jsonlIDs(dir + "/articles-6-10.jsonl") == [6, 7, 8, 9, 10])
        let md = try ex.export(format: .markdown, cursor: "md", out: .directory(dir + "/md"))
        #expect(md.articles == 10)
        #expect(Self.files(dir + "/md").filter { $0.hasSuffix(".md") }.count == 10)
    }

    @Test func htmlIndexesStayCompleteAcrossIncrementalRuns() throws {
        let src = ScriptedSource()
        src.put(ExportSamples.article(id: 1, section: "it", title: "첫 기사"))
        src.put(ExportSamples.article(id: 2, section: "sports", title: "야구 / 결과"))
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ex = Exporter(store: src)
        let names = ["it": "IT뉴스", "sports": "스포츠뉴스"]
        try ex.export(format: .html, cursor: "site", out: .directory(dir), sectionNames: names)
        #expect(Self.files(dir) == [".newsdesk-manifest.jsonl", "index.html", "it/1-첫-기사.html", "it/index.html",
                                    "sports/2-야구-_-결과.html", "sports/index.html"])

        // Article 1 is revised with a new title and moved to sports; article 3 is new.
        var moved = try #require(src.articles[1])
        moved.title = "바뀐 제목"; moved.section = "sports"
        src.put(moved)
        src.put(ExportSamples.article(id: 3, section: "it", title: "셋째"))
        let run = try ex.export(format: .html, cursor: "site", out: .directory(dir), sectionNames: names)
        #expect(run.articles == 2)
        #expect(Self.files(dir) == [".newsdesk-manifest.jsonl", "index.html", "it/3-셋째.html", "it/index.html",
                                    "sports/1-바뀐-제목.html", "sports/2-야구-_-결과.html", "sports/index.html"])
        let sports = try HTMLDocument(html: String(contentsOfFile: dir + "/sports/index.html", encoding: .utf8))
        #expect(try sports.select(xpath: "//li/a").map(\.textContent).sorted() == ["바뀐 제목", "야구 / 결과"])
        #expect(try sports.string(xpath: "string(//h1)") == "스포츠뉴스")
        let it = try HTMLDocument(html: String(contentsOfFile: dir + "/it/index.html", encoding: .utf8))
        #expect(try it.select(xpath: "//li/a").map(\.textContent) == ["셋째"])
        #expect(try it.select(xpath: "//li/a").first?.attribute("href") == "3-%EC%85%8B%EC%A7%B8.html")
    }

    @Test func atomPerSectionFilesAndStdoutRules() throws {
        let src = ScriptedSource()
        src.put(ExportSamples.article(id: 1, section: "it"))
        src.put(ExportSamples.article(id: 2, section: "sports"))
        src.put(ExportSamples.article(id: 3, section: "it"))
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ex = Exporter(store: src)
        let s = try ex.export(format: .atom, out: .directory(dir))
        #expect(s.files == [dir + "/it.atom", dir + "/sports.atom"])
        let it = try AtomReadBack.read(Data(contentsOf: URL(fileURLWithPath: dir + "/it.atom")))
        #expect(it.entries.count == 2)
        #expect(throws: ExportError.self) { try ex.export(format: .atom, out: .standardOutput) }
        #expect(throws: ExportError.self) { try ex.export(format: .atom, filter: ArticleFilter(sections: ["it", "sports"]), out: .standardOutput) }
        #expect(throws: ExportError.self) { try ex.export(format: .html, out: .standardOutput) }
        #expect(throws: ExportError.self) { try ex.export(format: .markdown, out: .standardOutput) }
        #expect(throws: ExportError.self) { try ex.export(format: .jsonl, cursor: "", out: .standardOutput) }
    }

    @Test func errorMessagesSayWhatToDo() {
        let e = ExportError.outputRequired(format: "html", reason: "writes one file per article: pass --out DIR")
        #expect(e.description.hasPrefix("export: "))
        #expect(e.description.contains("--out DIR"))
        #expect(ExportError.store("x").description.contains("rerunning is safe"))
    }
}
