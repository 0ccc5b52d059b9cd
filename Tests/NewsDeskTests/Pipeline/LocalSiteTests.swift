import Foundation
import Testing
@testable import NewsDesk

struct LinkCase: Sendable, CustomTestStringConvertible {
    let name: String
    let url: String
    /// "file:<relative path>", "remote", "refused", "outside", "missing".
    let expected: String
    var testDescription: String { name }
}

@Suite("Local path: sources")
struct LocalSiteTests {
    /// demo/feeds.yaml, demo/site/feed.xml, demo/site/a/1.html, demo/site/index.html, a secret beside demo/,
    /// and a symlink inside the site pointing at it.
    static func makeSite() throws -> (URL, LocalSite) {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-local-\(UUID().uuidString)")
        let demo = tmp.appendingPathComponent("demo")
        let site = demo.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("sources: []\n".utf8).write(to: demo.appendingPathComponent("feeds.yaml"))
        try Data("<rss/>".utf8).write(to: site.appendingPathComponent("feed.xml"))
        try Data("<html>1</html>".utf8).write(to: site.appendingPathComponent("a/1.html"))
        try Data("<html>home</html>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("secret".utf8).write(to: tmp.appendingPathComponent("secret.html"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak.html").path,
                                                   withDestinationPath: tmp.appendingPathComponent("secret.html").path)
        let source = SourceConfig(id: "demo", name: "demo", path: "site/feed.xml", baseURL: "https://news.example.com/site")
        return (tmp, try LocalSite(source: source, configFile: demo.appendingPathComponent("feeds.yaml").path))
    }

    static let cases: [LinkCase] = [
        LinkCase(name: "page under base", url: "https://news.example.com/site/a/1.html", expected: "file:a/1.html"),
        LinkCase(name: "page under base without extension", url: "https://news.example.com/site/a/1", expected: "file:a/1.html"),
        LinkCase(name: "folder → index.html", url: "https://news.example.com/site/", expected: "file:index.html"),
        LinkCase(name: "query ignored", url: "https://news.example.com/site/a/1?x=1", expected: "file:a/1.html"),
        LinkCase(name: "other host is remote", url: "https://other.example.com/site/a/1.html", expected: "remote"),
        LinkCase(name: "other path is remote", url: "https://news.example.com/elsewhere/1.html", expected: "remote"),
        LinkCase(name: "file: URL refused", url: "file:///etc/passwd", expected: "refused"),
        LinkCase(name: "data: URL refused", url: "data:text/html,hi", expected: "refused"),
        LinkCase(name: "encoded dot-dot refused", url: "https://news.example.com/site/%2e%2e/%2e%2e/secret.html", expected: "refused"),
        LinkCase(name: "encoded slash refused", url: "https://news.example.com/site/..%2F..%2Fsecret.html", expected: "refused"),
        LinkCase(name: "hidden file refused", url: "https://news.example.com/site/.git/config", expected: "refused"),
        LinkCase(name: "symlink out of the folder", url: "https://news.example.com/site/leak.html", expected: "outside"),
        LinkCase(name: "missing page", url: "https://news.example.com/site/a/2.html", expected: "missing"),
        LinkCase(name: "relative URL refused", url: "a/1.html", expected: "refused"),
    ]

    @Test(arguments: cases)
    func mapsLinks(_ c: LinkCase) throws {
        let (tmp, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let got: String
        do {
            if let f = try site.file(for: c.url) {
                got = "file:" + f.replacingOccurrences(of: URL(fileURLWithPath: site.feedFile).deletingLastPathComponent().path + "/", with: "")
            } else {
                got = "remote"
            }
        } catch {
            switch error {
            case .refusedLink: got = "refused"
            case .pathOutsideRoot: got = "outside"
            case .unreadable: got = "missing"
            default: got = "other: \(error)"
            }
        }
        #expect(got == c.expected)
    }

    @Test func dotDotInTheURLIsNormalizedAwayByResolution() throws {
        let (tmp, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: tmp) }
        // A feed link "../../secret.html" resolved against the feed URL stays on the site (RFC 3986 clamps at the root).
        let resolved = try #require(URL(string: "../../../secret.html", relativeTo: URL(string: site.feedURL))?.absoluteString)
        #expect(resolved == "https://news.example.com/secret.html")
        #expect(try site.file(for: resolved) == nil)
    }

    @Test func feedOutsideConfigFolderIsRefused() throws {
        let (tmp, _) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let config = tmp.appendingPathComponent("demo/feeds.yaml").path
        #expect(throws: PipelineError.self) { try LocalSite(source: SourceConfig(id: "x", name: "x", path: "../secret.html"), configFile: config) }
        #expect(throws: PipelineError.self) { try LocalSite(source: SourceConfig(id: "x", name: "x", path: "/etc/hostname"), configFile: config) }
    }

    @Test func readsWithValidators() throws {
        let (tmp, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let first = try LocalSite.read(site.feedFile, url: site.feedURL, etag: nil, maxBytes: 1000)
        #expect(first.status == 200 && first.body == Array("<rss/>".utf8) && first.contentType == "application/xml")
        let second = try LocalSite.read(site.feedFile, url: site.feedURL, etag: first.etag, maxBytes: 1000)
        #expect(second.status == 304 && second.body.isEmpty)
        #expect(throws: PipelineError.self) { try LocalSite.read(site.feedFile, url: site.feedURL, etag: nil, maxBytes: 3) }
    }
}

@Suite("Ingest lock")
struct IngestLockTests {
    @Test func secondHolderIsRefusedUntilReleased() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-lock-\(UUID().uuidString).lock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: IngestLock? = try IngestLock(path: path)
        #expect(first != nil)
        do {
            _ = try IngestLock(path: path)
            Issue.record("second lock was granted")
        } catch {
            guard case .lockHeld(_, let holder) = error else { Issue.record("wrong error \(error)"); return }
            #expect(holder == "pid \(getpid())")
            #expect(error.description.contains("another run holds the lock"))
        }
        first = nil
        _ = try IngestLock(path: path)
    }
}
