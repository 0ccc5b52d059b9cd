import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Issue 13's ingest and reimport rows for decoding and content types, run through the pipeline against the loopback
/// server (and a `path:` source).
@Suite("Decode and content checks in ingest", .serialized)
struct DecodeIngestTests {
    static let last = DecodeTruncationTests.last

    static func feed(_ s: TestServer, _ paths: [String]) -> TestResponse {
        TestResponse(headers: [("Content-Type", "application/rss+xml")], body: Array(Site.rss("feed", paths.map { (s.url($0), "기사 \($0)") }).utf8))
    }

    @Test func euckrPageWithInvalidBytesIsStoredWhole() async throws {
        // Row: "ingest an EUC-KR page (served as charset=euc-kr) with 2 invalid bytes before paragraph 3 of 8:
        // 108 of 438 characters stored, ingest ok".
        let server = try TestServer()
        defer { server.stop() }
        server.route("/feed.xml", Self.feed(server, ["/a/1"]))
        server.route("/a/1", TestResponse(headers: [("Content-Type", "text/html; charset=euc-kr")], body: try Fixtures.bytes("decode/euckr-invalid-bytes.html")))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([("news", server.url("/feed.xml"), "rss", "general")], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .ok && run.new == 1, "\(run.line) \(run.errors)")
        let a = try #require(try pipeline.store.article(url: server.url("/a/1")))
        #expect(a.text.contains(Self.last), "\(a.text)")
        #expect(a.text.count > 300, "\(a.text.count) characters (paragraphs 1–2 alone are 80)")
    }

    @Test func pathSourcePageWithInvalidBytesIsStoredWhole() async throws {
        // Row: the same page read from a `path:` source.
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data(Site.rss("local", [("https://local.example.com/a/1.html", "한파")]).utf8).write(to: site.appendingPathComponent("feed.xml"))
        try Fixtures.data("decode/euckr-stray-b0.html").write(to: site.appendingPathComponent("a/1.html"))
        let yaml = """
            sources:
              - id: local
                name: local
                path: site/feed.xml
                base_url: https://local.example.com/
                type: rss
                section: general

            """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("feeds.yaml"))
        let config = try FeedsConfig.load(path: dir.appendingPathComponent("feeds.yaml").path)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .ok && run.new == 1, "\(run.line) \(run.errors)")
        let a = try #require(try pipeline.store.article(url: "https://local.example.com/a/1.html"))
        #expect(a.text.contains(Self.last), "\(a.text)")
    }

    @Test func misdecodedPageIsStoredWithAWarningAndThePartialRunSaysSo() async throws {
        // windows-1252 bytes labelled UTF-8: every accented letter is invalid UTF-8. Stored (nothing is lost), reported.
        let server = try TestServer()
        defer { server.stop() }
        let french = (0..<12).map { i in "Le conseil régional a présenté le \(i)e budget, très débattu, après l'été et l'hiver derniers." }
            .joined(separator: "\n")
        let latin1 = Site.page(title: "Budget régional", text: french).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        server.route("/feed.xml", Self.feed(server, ["/fr/1"]))
        server.route("/fr/1", TestResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: latin1))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([("fr", server.url("/feed.xml"), "rss", "general")], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .partial, "\(run.line)")
        #expect(run.new == 1 && run.failedArticles == 0 && run.warnings == 1, "\(run.line)")
        #expect(run.line.contains("1 warning"), "\(run.line)")
        #expect(run.errors.contains { $0.contains("mis-decoded") && $0.contains(server.url("/fr/1")) }, "\(run.errors)")
        let runID = try #require(run.runID)
        let recorded = try pipeline.store.runErrors(runID: runID)
        #expect(recorded.count == 1 && recorded.first?.stage == "decode", "\(recorded)")
    }

    @Test func binaryLinksFailAndAreNeverStoredOrLinked() async throws {
        // Row: "a feed item whose link serves application/octet-stream, or ELF bytes as text/html: stored as an article
        // in general with confidence 1.00; a second binary was linked to it as a copy".
        let server = try TestServer()
        defer { server.stop() }
        server.route("/feed.xml", Self.feed(server, ["/bin/1", "/elf/1", "/elf/2", "/pdf/1", "/ok/1"]))
        server.route("/bin/1", TestResponse(headers: [("Content-Type", "application/octet-stream")], body: ContentCheckTests.noise))
        server.route("/elf/1", TestResponse(headers: [("Content-Type", "text/html")], body: ContentCheckTests.elf))
        server.route("/elf/2", TestResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: ContentCheckTests.elf + [1, 2, 3]))
        server.route("/pdf/1", TestResponse(headers: [("Content-Type", "application/pdf")], body: ContentCheckTests.pdf))
        server.route("/ok/1", .text(Site.page(title: "국산 AI 칩 공개", text: Site.texts[0])))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([("mixed", server.url("/feed.xml"), "rss", "general")], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .partial, "\(run.line)")
        #expect(run.new == 1 && run.linked == 0 && run.failedArticles == 4, "\(run.line) \(run.errors)")
        #expect(try pipeline.store.articleCount() == 1)
        for path in ["/bin/1", "/elf/1", "/elf/2", "/pdf/1"] { #expect(try pipeline.store.article(url: server.url(path)) == nil, "\(path)") }
        let errors = run.errors.joined(separator: "\n")
        #expect(errors.contains("not an HTML page (application/octet-stream)"), "\(errors)")
        #expect(errors.contains("not an HTML page (application/x-executable"), "\(errors)")
        #expect(errors.contains("not an HTML page (application/pdf)"), "\(errors)")
        let runID = try #require(run.runID)
        #expect(try pipeline.store.runErrors(runID: runID).filter { $0.stage == "decode" }.count == 4)
    }

    @Test func aFeedURLServingAnImageFailsTheSourceByItsType() async throws {
        let server = try TestServer()
        defer { server.stop() }
        server.route("/feed.xml", TestResponse(headers: [("Content-Type", "image/png")], body: ContentCheckTests.png))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([("img", server.url("/feed.xml"), "rss", "general")], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        let run = try await pipeline.ingest(IngestOptions())
        #expect(run.status == .failed && run.failedSources == 1, "\(run.line)")
        #expect(run.errors.contains { $0.contains("not a feed (image/png)") }, "\(run.errors)")
    }

    @Test func reimportRefusesABinaryFileOrPageAndKeepsTheStoredBody() async throws {
        // Row: "`reimport 1 --file /bin/ls`: the article's body replaced by binary text".
        let server = try TestServer()
        defer { server.stop() }
        server.route("/feed.xml", Self.feed(server, ["/a/1"]))
        server.route("/a/1", .text(Site.page(title: "국산 AI 칩 공개", text: Site.texts[0])))
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (config, _) = try Site.config([("news", server.url("/feed.xml"), "rss", "it")], in: dir)
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("news.sqlite").path)
        _ = try await pipeline.ingest(IngestOptions())
        let before = try #require(try pipeline.store.article(url: server.url("/a/1")))
        let binary = dir.appendingPathComponent("ls")
        try Data(ContentCheckTests.elf).write(to: binary)
        await #expect {
            _ = try await pipeline.reimport(String(before.id), file: binary.path)
        } throws: { error in
            "\(error)".contains("not an HTML page (application/x-executable)")
        }
        // The page itself turns into a PDF: reimport by id refuses it too.
        server.route("/a/1", TestResponse(headers: [("Content-Type", "application/pdf")], body: ContentCheckTests.pdf))
        await #expect {
            _ = try await pipeline.reimport(String(before.id))
        } throws: { error in
            "\(error)".contains("not an HTML page (application/pdf)")
        }
        let after = try #require(try pipeline.store.article(id: before.id))
        #expect(after.text == before.text && after.revision == before.revision)
    }
}
