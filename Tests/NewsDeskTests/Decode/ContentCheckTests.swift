import Foundation
import Testing
@testable import NewsDesk

/// Only HTML becomes an article: the response's Content-Type and the bytes themselves are checked (issue 13).
@Suite struct ContentCheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let contentType: String?
        let bytes: [UInt8]
        var kind: PageKind = .article
        /// The media type named in the refusal, nil when the resource is accepted.
        let refused: String?
        var testDescription: String { name }
    }

    static let html = Array("<!DOCTYPE html><html><head><title>t</title></head><body><p>본문입니다.</p></body></html>".utf8)
    static let rss = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)
    /// An ELF header as `/bin/ls` starts (64-bit, little-endian), then the zero-heavy bytes executables are made of.
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8) + [0x03, 0x00, 0x3E, 0x00]
        + (0..<2000).map { UInt8(truncatingIfNeeded: $0 % 7 == 0 ? $0 : 0) }
    static let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)
    static let gif = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] + Array("word/document.xml".utf8)
    static let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + [0x4B, 0x4C, 0x4A, 0x06, 0x00]
    /// Bytes with no signature that are not text (a deterministic stand-in for compressed or encrypted data).
    static let noise: [UInt8] = {
        var x: UInt32 = 2463534242
        return (0..<4096).map { _ in x ^= x << 13; x ^= x >> 17; x ^= x << 5; return UInt8(truncatingIfNeeded: x) }
    }()
    static func withNUL(at offset: Int) -> [UInt8] {
        var page = Array(("<html><body>" + String(repeating: "<p>가나다라 마바사 아자차카 타파하.</p>\n", count: 600) + "</body></html>").utf8)
        page.insert(0, at: offset)
        return page
    }

    static let cases: [Case] = [
        .init(name: "text/html page", contentType: "text/html; charset=utf-8", bytes: html, refused: nil),
        .init(name: "XHTML page", contentType: "application/xhtml+xml", bytes: html, refused: nil),
        .init(name: "upper-case type with parameters", contentType: "Text/HTML ; Charset=EUC-KR", bytes: html, refused: nil),
        .init(name: "no Content-Type, HTML bytes (saved file, path: source)", contentType: nil, bytes: html, refused: nil),
        .init(name: "octet-stream is not HTML, whatever the bytes", contentType: "application/octet-stream", bytes: html, refused: "application/octet-stream"),
        .init(name: "PDF by its type", contentType: "application/pdf", bytes: pdf, refused: "application/pdf"),
        .init(name: "text/plain is not an article page", contentType: "text/plain; charset=utf-8", bytes: html, refused: "text/plain"),
        .init(name: "ELF served as text/html", contentType: "text/html", bytes: elf, refused: "application/x-executable"),
        .init(name: "ELF with no type (reimport --file /bin/ls)", contentType: nil, bytes: elf, refused: "application/x-executable"),
        .init(name: "PDF served as text/html", contentType: "text/html", bytes: pdf, refused: "application/pdf"),
        .init(name: "PNG served as text/html", contentType: "text/html", bytes: png, refused: "image/png"),
        .init(name: "JPEG with no type", contentType: nil, bytes: jpeg, refused: "image/jpeg"),
        .init(name: "GIF with no type", contentType: nil, bytes: gif, refused: "image/gif"),
        .init(name: "ZIP served as text/html", contentType: "text/html", bytes: zip, refused: "application/zip"),
        .init(name: "gzip served as text/html", contentType: "text/html", bytes: gzip, refused: "application/gzip"),
        .init(name: "mostly non-text bytes served as text/html", contentType: "text/html", bytes: noise, refused: "application/octet-stream"),
        .init(name: "one NUL in the first 8 KB is not a binary", contentType: "text/html", bytes: withNUL(at: 300), refused: nil),
        .init(name: "one NUL after 8 KB is not a binary", contentType: nil, bytes: withNUL(at: 9000), refused: nil),
        .init(name: "UTF-16 page with a BOM is text", contentType: "text/html", bytes: [0xFF, 0xFE] + Array("<html><body>hi</body></html>".utf8).flatMap { [$0, 0] }, refused: nil),
        .init(name: "empty body is not a binary", contentType: "text/html", bytes: [], refused: nil),

        .init(name: "feed: RSS type", contentType: "application/rss+xml", bytes: rss, kind: .feed, refused: nil),
        .init(name: "feed: text/xml", contentType: "text/xml; charset=euc-kr", bytes: rss, kind: .feed, refused: nil),
        .init(name: "feed: JSON Feed", contentType: "application/feed+json", bytes: Array("{\"items\":[]}".utf8), kind: .feed, refused: nil),
        .init(name: "feed: HTML section page", contentType: "text/html", bytes: html, kind: .feed, refused: nil),
        .init(name: "feed: served as text/plain", contentType: "text/plain", bytes: rss, kind: .feed, refused: nil),
        .init(name: "feed: octet-stream holding RSS", contentType: "application/octet-stream", bytes: rss, kind: .feed, refused: nil),
        .init(name: "feed: an image type", contentType: "image/png", bytes: png, kind: .feed, refused: "image/png"),
        .init(name: "feed: PNG bytes under an RSS type", contentType: "application/rss+xml", bytes: png, kind: .feed, refused: "image/png"),
        .init(name: "feed: PDF", contentType: "application/pdf", bytes: pdf, kind: .feed, refused: "application/pdf"),
    ]

    @Test(arguments: cases)
    func checks(_ c: Case) {
        #expect(ContentCheck.refusal(contentType: c.contentType, bytes: c.bytes, kind: c.kind) == c.refused)
    }

    @Test func refusalIsATypedDecodeErrorThatSaysWhatToDo() {
        let resource = FetchedResource(requestedURL: "https://news.example.com/a/1", finalURL: "https://news.example.com/a/1", status: 200,
                                       headers: ["content-type": "application/pdf"], body: Self.pdf, elapsed: 0)
        #expect(throws: DecodeError.notHTML(url: "https://news.example.com/a/1", mediaType: "application/pdf")) {
            try CharsetDecoder.decode(resource, as: .article, override: nil)
        }
        let message = DecodeError.notHTML(url: "https://news.example.com/a/1", mediaType: "application/pdf").description
        #expect(message.contains("not an HTML page (application/pdf)") && message.contains("https://news.example.com/a/1"))
        let feed = DecodeError.notAFeed(url: "https://news.example.com/rss", mediaType: "image/png").description
        #expect(feed.contains("not a feed (image/png)"))
    }
}
