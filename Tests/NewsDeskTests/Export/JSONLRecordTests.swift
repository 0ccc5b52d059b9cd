import Foundation
import Testing
@testable import NewsDesk

@Suite struct JSONLRecordTests {
    @Test(arguments: [true, false])
    func roundTripsEveryField(full: Bool) throws {
        let a = ExportSamples.article(id: 42, seq: 77, title: "줄바꿈\n탭\t\"따옴표\" \\ 역슬래시 \u{2028} 제어\u{01}", full: full)
        let line = JSONLRecord.line(a, sectionName: "IT뉴스")
        #expect(!line.contains("\n"))
        let (back, name) = try JSONLRecord.decode(line: line)
        #expect(back == a)
        #expect(name == "IT뉴스")
    }

    @Test func schemaFieldsAndDates() throws {
        let a = ExportSamples.article(id: 1)
        let line = JSONLRecord.line(a)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(obj["schema"] as? String == "newsdesk.article/1")
        #expect(obj["published"] as? String == "2026-11-29T00:01:00Z")
        #expect(obj["updated"] as? String == "2026-11-29T00:01:30.250Z")
        #expect(obj["section_name"] is NSNull)
        let expectedKeys: Set<String> = [
            "schema", "id", "change_seq", "revision", "canonical_url", "other_urls", "original_url", "source_id", "section",
            "section_name", "section_pinned", "confidence", "classification_reason", "title", "byline", "published", "updated",
            "fetched_at", "changed_at", "attribution", "lead_image", "description", "site_name", "language", "keywords",
            "content_hash", "html", "text",
        ]
        #expect(Set(obj.keys) == expectedKeys)
        // Korean is written as UTF-8, not \u escapes.
        #expect(line.contains("삼성전자"))
    }

    @Test func jsonStringEscapingRoundTrips() throws {
        var all = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        all += "한글 \u{2028}\u{2029} 😀 end\u{2028}"
        for s in [all, "", "\"", "\u{2029}", "a\u{E2}b"] {
            let json = "[" + Escape.jsonString(s) + "]"
            let back = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
            #expect(back == [s])
            #expect(!json.contains("\u{2028}"))
        }
    }

    @Test func rejectsAnotherSchema() {
        let line = JSONLRecord.line(ExportSamples.article(id: 1)).replacingOccurrences(of: "newsdesk.article/1", with: "newsdesk.article/9")
        #expect(throws: ExportError.self) { try JSONLRecord.decode(line: line) }
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        let text: String; let ms: Int64?
        var testDescription: String { text }
    }
    static let dateCases: [DateCase] = [
        .init(text: "1970-01-01T00:00:00Z", ms: 0),
        .init(text: "2026-11-29T04:44:34Z", ms: 1_795_927_474_000),
        .init(text: "2026-11-29T13:44:34+09:00", ms: 1_795_927_474_000),
        .init(text: "2026-11-29T04:44:34.5Z", ms: 1_795_927_474_500),
        .init(text: "2024-02-29T23:59:59.999-00:30", ms: 1_709_252_999_999),
        .init(text: "1969-12-31T23:59:59Z", ms: -1000),
        .init(text: "2026-13-01T00:00:00Z", ms: nil),
        .init(text: "2026-11-29 04:44:34", ms: nil),
        .init(text: "2026-11-29T04:44:34+0900", ms: nil),
    ]

    @Test(arguments: dateCases)
    func rfc3339(_ c: DateCase) {
        let d = RFC3339.parse(c.text)
        #expect(d.map(RFC3339.milliseconds) == c.ms)
        if let d, c.text.hasSuffix("Z"), !c.text.contains(".5Z") {
            #expect(RFC3339.parse(RFC3339.format(d)) == d)
        }
    }

    @Test func formatMatchesFoundation() {
        let f = ISO8601DateFormatter()
        for s in stride(from: -2_000_000_000.0, to: 4_000_000_000.0, by: 12_345_678.9) {
            let d = Date(timeIntervalSince1970: s.rounded())
            #expect(RFC3339.format(d) == f.string(from: d))
        }
    }

    @Test func sha256AndNameUUIDVectors() {
        #expect(ByteEncoding.hex(SHA256Hash.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ByteEncoding.hex(SHA256Hash.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ByteEncoding.hex(SHA256Hash.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 9562, Appendix B.2.
        #expect(NameUUID.make(namespace: NameUUID.dnsNamespace, name: "www.example.com") == "5c146b14-3c52-8afd-938a-375d0df1fbf6")
    }
}
