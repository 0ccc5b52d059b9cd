import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// One page through every command that processes a page — `ingest` (fetched from a loopback feed), `reimport --file`,
/// `extract` and `classify FILE` — as an operator runs them (the built executable, one feeds.yaml): every one goes
/// through `ArticleProcessor`, so the text, the section and the sanitized HTML (with the config's tracking parameter
/// dropped) are the same. Before, `classify FILE` classified
/// `Extractor`+default-sanitizer text without the config, and `extract` printed the unsanitized body's text.
@Suite("entry points: one page, one text, one section", .serialized)
struct EntryPointTests {
    struct Page: Sendable, CustomTestStringConvertible {
        let name: String
        let title: String
        let text: String
        var testDescription: String { name }
    }

    static let pages: [Page] = [
        Page(name: "IT story", title: "국산 AI 칩 공개", text: Site.texts[0]),
        Page(name: "sports story", title: "막판 결승골로 승리", text: Site.texts[1]),
        Page(name: "general story", title: "시립 미술관 개관", text: Site.texts[3]),
    ]

    static func run(_ args: [String], in dir: URL) throws -> (code: Int32, out: String, err: String) {
        try CLI.run(args, cwd: dir)
    }

    @Test(arguments: pages)
    func samePageSameTextAndSection(_ page: Page) throws {
        let server = try TestServer()
        defer { server.stop() }
        // A link with a tracking parameter only this feeds.yaml names: every command must drop it.
        let html = Site.page(title: page.title, text: page.text)
            .replacingOccurrences(of: "</div></article>", with: "<p>관련 기사: <a href=\"/news/2?campaign_id=spring&amp;id=2\">다음 기사</a></p>\n</div></article>")
        let url = server.url("/news/1")
        server.route("/feed.xml", TestResponse(headers: [("Content-Type", "application/rss+xml")], body: Array(Site.rss("news", [(url, page.title)]).utf8)))
        server.route("/news/1", .text(html))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-entry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("feeds.yaml").path
        try Data("""
            defaults:
              politeness_delay: 0
              obey_robots: false
            sources:
              - id: news
                url: \(server.url("/feed.xml"))
                mixed: true
                allow_networks: [127.0.0.0/8]
            sanitize:
              extra_tracking_parameters: [campaign_id]

            """.utf8).write(to: URL(fileURLWithPath: config))
        let saved = dir.appendingPathComponent("page.html").path
        try Data(html.utf8).write(to: URL(fileURLWithPath: saved))

        // ingest: fetched through the feed, stored.
        let db1 = dir.appendingPathComponent("ingest.sqlite").path
        let ingest = try Self.run(["ingest", "--config", config, "--db", db1, "--quiet"], in: dir)
        #expect(ingest.code == 0, "\(ingest.err)")
        let ingested = try #require(try ArticleStore(path: db1, access: .readOnly).article(url: url))

        // reimport --file: the saved page, into a fresh store.
        let db2 = dir.appendingPathComponent("reimport.sqlite").path
        let reimport = try Self.run(["reimport", url, "--file", saved, "--config", config, "--db", db2], in: dir)
        #expect(reimport.code == 0, "\(reimport.err)")
        let reimported = try #require(try ArticleStore(path: db2, access: .readOnly).article(url: url))

        // extract: the saved page, its text as JSON.
        let extract = try Self.run(["extract", saved, "--url", url, "--config", config, "--format", "json"], in: dir)
        #expect(extract.code == 0, "\(extract.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(extract.out.utf8)) as? [String: Any])
        let extractedText = try #require(json["text"] as? String)

        // extract --format html: the sanitized body.
        let extractHTML = try Self.run(["extract", saved, "--url", url, "--config", config, "--format", "html"], in: dir)
        #expect(extractHTML.code == 0, "\(extractHTML.err)")

        // classify FILE: the saved page's section.
        let classify = try Self.run(["classify", saved, "--url", url, "--config", config], in: dir)
        #expect(classify.code == 0, "\(classify.err)")
        let section = classify.out.split(separator: "\n").first { $0.hasPrefix("section:") }
            .map { $0.dropFirst("section:".count).trimmingCharacters(in: .whitespaces) }

        #expect(!ingested.text.isEmpty)
        #expect(reimported.text == ingested.text)
        #expect(extractedText == ingested.text)
        #expect(reimported.section == ingested.section, "\(reimported.classificationReason) vs \(ingested.classificationReason)")
        #expect(section == ingested.section, "\(classify.out) vs \(ingested.classificationReason)")
        #expect(ingested.html.contains("/news/2?id=2") && !ingested.html.contains("campaign_id"), "\(ingested.html)")
        #expect(reimported.html == ingested.html)
        #expect(extractHTML.out == ingested.html + "\n")
    }
}
