import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Golden files: `fixtures/export/articles/<case>.html` (clean HTML as the sanitizer stores it) and
/// `<case>.expected.md`. Set NEWSDESK_UPDATE_GOLDEN=1 to rewrite the expected files after a reviewed change.
@Suite struct MarkdownFixtureTests {
    static let names: [String] = {
        let dir = Fixtures.url("export/articles").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return files.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func fixturesExist() { #expect(Self.names.count >= 4) }

    @Test(arguments: names)
    func convertsFixture(_ name: String) throws {
        let html = try Fixtures.string("export/articles/\(name).html")
        let md = try MarkdownConverter().convert(html: html) + "\n"
        let expectedURL = Fixtures.url("export/articles/\(name).expected.md")
        if ProcessInfo.processInfo.environment["NEWSDESK_UPDATE_GOLDEN"] == "1" {
            try md.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(md == (try String(contentsOf: expectedURL, encoding: .utf8)))
        // Every word of the visible text is still there (Markdown only adds punctuation and escapes).
        let doc = try HTMLDocument(html: html)
        let unescaped = md.replacingOccurrences(of: "\\", with: "")
        var texts: [String] = []
        func walk(_ n: HTMLNode) {
            for c in n.children {
                if c.isText { texts.append(c.textContent) } else if c.isElement { walk(c) }
            }
        }
        if let body = doc.body { walk(body) }
        #expect(texts.count > 10)
        for word in texts.flatMap({ $0.split(whereSeparator: \.isWhitespace) }) {
            #expect(unescaped.contains(word), "lost \(word)")
        }
    }
}
