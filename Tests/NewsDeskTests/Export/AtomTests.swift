import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
@testable import NewsDesk

/// Reads an Atom document back with Foundation's XML parser (libxml2 in XML mode): well-formedness plus
/// the values the entries carry.
final class AtomReadBack: NSObject, XMLParserDelegate {
    struct Entry { var id = "", title = "", updated = "", published = "", content = "", contentType = "", alternate = "", authors: [String] = [] }
    var feedID = "", feedTitle = "", feedUpdated = ""
    var entries: [Entry] = []
    var namespaceOK = false
    private var path: [String] = []
    private var text = ""
    private var current: Entry?

    static func read(_ data: Data) throws -> AtomReadBack {
        let r = AtomReadBack()
        let p = XMLParser(data: data)
        p.shouldProcessNamespaces = true
        p.delegate = r
        guard p.parse() else { throw p.parserError ?? CocoaError(.coderReadCorrupt) }
        return r
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "feed" { namespaceOK = namespaceURI == "http://www.w3.org/2005/Atom" }
        path.append(name)
        text = ""
        if name == "entry" { current = Entry() }
        if name == "content" { current?.contentType = attributes["type"] ?? "" }
        if name == "link", attributes["rel"] == "alternate", let h = attributes["href"] { current?.alternate = h }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let parent = path.dropLast().last ?? ""
        if parent == "feed" {
            switch name {
            case "id": feedID = text
            case "title": feedTitle = text
            case "updated": feedUpdated = text
            default: break
            }
        } else if parent == "entry" {
            switch name {
            case "id": current?.id = text
            case "title": current?.title = text
            case "updated": current?.updated = text
            case "published": current?.published = text
            case "content": current?.content = text
            default: break
            }
        } else if parent == "author", path.count >= 3, path[path.count - 3] == "entry", name == "name" {
            current?.authors.append(text)
        }
        if name == "entry", let c = current { entries.append(c); current = nil }
        path.removeLast()
        text = ""
    }
}

@Suite struct AtomTests {
    static func articles() -> [StoredArticle] {
        var hostile = ExportSamples.article(id: 3, seq: 9, title: "<script>alert('x')</script> & \"따옴표\" ]]> \u{1}제어")
        hostile.html = "<p>본문 &amp; <b>굵게</b> <a href=\"https://x.test/?a=1&amp;b=2\">링크</a> ]]&gt;</p>"
        return [ExportSamples.article(id: 1, seq: 4), ExportSamples.article(id: 2, seq: 5, full: false), hostile]
    }

    static func feed(_ articles: [StoredArticle]) throws -> String {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let w = try AtomFeedWriter(section: "it", sectionName: "IT뉴스", spoolDirectory: dir)
        for a in articles { try w.add(a) }
        let file = try AtomicFile(path: dir + "/it.atom")
        try w.finish(into: file)
        try file.commit()
        return try String(contentsOfFile: dir + "/it.atom", encoding: .utf8)
    }

    @Test func wellFormedAndReadsBack() throws {
        let articles = Self.articles()
        let xml = try Self.feed(articles)
        let r = try AtomReadBack.read(Data(xml.utf8))
        #expect(r.namespaceOK)
        #expect(r.feedID == AtomFormat.feedID(section: "it"))
        #expect(r.feedTitle == "NewsDesk: IT뉴스")
        // Feed updated is the latest entry updated.
        let latest = articles.map(\.changedAt).max().map(RFC3339.format)
        #expect(r.feedUpdated == latest)
        #expect(r.entries.count == 3)
        for (e, a) in zip(r.entries, articles) {
            #expect(e.id == AtomFormat.entryID(canonicalURL: a.canonicalURL))
            #expect(e.id.hasPrefix("urn:uuid:"))
            #expect(e.updated == RFC3339.format(a.changedAt))
            #expect(e.published == (a.published.map(RFC3339.format) ?? ""))
            #expect(e.content == a.html)  // type="html": escaped once, read back as the same markup
            #expect(e.contentType == "html")
            #expect(e.alternate == a.canonicalURL)
            #expect(!e.authors.isEmpty)
        }
        #expect(r.entries[0].authors == ["홍길동", "김철수"])
        #expect(r.entries[1].authors == ["example-it"])
        // The hostile title is text, minus the control character XML cannot carry.
        #expect(r.entries[2].title == "<script>alert('x')</script> & \"따옴표\" ]]> 제어")
        #expect(!xml.contains("<script>"))
    }

    @Test func idsAreStableAcrossRevisions() throws {
        var a = ExportSamples.article(id: 1, seq: 1)
        let first = AtomFormat.entry(a, sectionName: nil)
        a.revision = 2; a.changeSeq = 10; a.title = "수정된 제목"; a.changedAt = ExportSamples.date(99_999)
        let second = AtomFormat.entry(a, sectionName: nil)
        let id = "<id>\(AtomFormat.entryID(canonicalURL: a.canonicalURL))</id>"
        #expect(first.contains(id) && second.contains(id))
        #expect(AtomFormat.entryID(canonicalURL: "https://a.test/1") != AtomFormat.entryID(canonicalURL: "https://a.test/2"))
        #expect(AtomFormat.feedID(section: "it") != AtomFormat.feedID(section: "sports"))
    }

    @Test func pythonFeedparserReadsIt() throws {
        guard let python = Self.python3WithFeedparser() else {
            print("AtomTests: python3 with feedparser not found; skipping (scripts/setup.sh installs it)")
            return
        }
        let articles = Self.articles()
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/it.atom"
        try Self.feed(articles).write(toFile: path, atomically: true, encoding: .utf8)
        let (status, out, err) = try Self.run(python, [Fixtures.root.appendingPathComponent("scripts/check_atom.py").path, path])
        #expect(status == 0, "check_atom.py: \(err)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(obj["id"] as? String == AtomFormat.feedID(section: "it"))
        let entries = try #require(obj["entries"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(entries.map { $0["id"] as? String } == articles.map { AtomFormat.entryID(canonicalURL: $0.canonicalURL) })
        #expect(entries.map { $0["link"] as? String } == articles.map(\.canonicalURL))
        #expect(entries[0]["title"] as? String == articles[0].title)
        #expect(entries[0]["content_type"] as? String == "text/html")
        #expect(entries[2]["title"] as? String == "<script>alert('x')</script> & \"따옴표\" ]]> 제어")
        #expect((entries[0]["tags"] as? [String])?.contains("it") == true)
    }

    static func python3WithFeedparser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { $0 + "/python3" } + ["/usr/bin/python3"]
        for p in candidates where FileManager.default.isExecutableFile(atPath: p) {
            if let r = try? run(p, ["-c", "import feedparser"]), r.status == 0 { return p }
        }
        return nil
    }

    static func run(_ exe: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try ProgramRunner.run(URL(fileURLWithPath: exe), args)
        return (r.code, r.out, r.err)
    }
}

@Suite struct AtomFeedParserTests {
    /// Our own feed stage reads the export back: the Atom we write is what NewsDesk ingests elsewhere.
    @Test func ourFeedParserReadsIt() throws {
        let articles = AtomTests.articles()
        let xml = try AtomTests.feed(articles)
        let page = DecodedPage(url: "https://export.example/it.atom", bytes: Array(xml.utf8), charset: "UTF-8", charsetSource: .override)
        let feed = try FeedParser.parse(page, type: .atom, links: nil)
        #expect(feed.title == "NewsDesk: IT뉴스")
        #expect(feed.items.count == articles.count)
        for (item, a) in zip(feed.items, articles) {
            #expect(item.id == AtomFormat.entryID(canonicalURL: a.canonicalURL))
            #expect(item.link == a.canonicalURL)
            #expect(item.published == a.published)
            #expect(item.updated == a.changedAt)
        }
        #expect(feed.items[0].title == articles[0].title)
        #expect(feed.items[2].title == "<script>alert('x')</script> & \"따옴표\" ]]> 제어")
        #expect(feed.items[0].categories.contains("IT뉴스"))  // the feed stage reads a category label over its term
    }
}
