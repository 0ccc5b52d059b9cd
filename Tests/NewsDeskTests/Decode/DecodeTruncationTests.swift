import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Issue 13, "Decoding never truncates": an EUC-KR page with invalid bytes before paragraph 3 of 8 kept only
/// paragraphs 1–2 (libxml2 given "CP949" stops at the first byte iconv rejects); a NUL did the same on UTF-8 pages.
/// Now the decode stage hands every later stage valid UTF-8 with U+FFFD where the bytes were bad.
@Suite struct DecodeTruncationTests {
    static let last = "시 관계자는 추위에 약한 이웃을 보면 다산콜센터로 알려 달라고 당부했다."
    static let third = "새로 여는 시설은 지하철역과 가까운 곳에 마련돼 밤늦게도 찾아가기 쉽다."

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let fixture: String
        var contentType: String? = nil
        /// Bad sequences replaced, NULs replaced.
        let replacements: Int
        var nuls = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "two invalid bytes, euc-kr from <meta>", fixture: "euckr-invalid-bytes.html", replacements: 2),
        .init(name: "two invalid bytes, served as charset=euc-kr", fixture: "euckr-invalid-bytes.html", contentType: "text/html; charset=euc-kr", replacements: 2),
        .init(name: "one stray 0x80", fixture: "euckr-stray-80.html", replacements: 1),
        .init(name: "one stray 0xB0 before an ASCII byte", fixture: "euckr-stray-b0.html", contentType: "text/html; charset=EUC-KR", replacements: 1),
        .init(name: "a NUL inside UTF-8 text", fixture: "utf8-nul.html", replacements: 0, nuls: 1),
    ]

    @Test(arguments: cases)
    func decodeKeepsEveryParagraph(_ c: Case) throws {
        let bytes = try Fixtures.bytes("decode/" + c.fixture)
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/a/1", contentType: c.contentType, override: nil)
        #expect(page.charset == "UTF-8")
        #expect(page.replacements == c.replacements && page.nuls == c.nuls)
        #expect(!page.misdecoded)
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text.contains(Self.last))
        #expect(text.filter { $0 == "\u{FFFD}" }.count == c.replacements + c.nuls)
    }

    @Test(arguments: cases)
    func extractKeepsEveryParagraph(_ c: Case) throws {
        // The `extract` row: the extractor parses what the decoder hands it.
        let bytes = try Fixtures.bytes("decode/" + c.fixture)
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/a/1", contentType: c.contentType, override: nil)
        let article = try Extractor().extract(page)
        let text = Extractor.text(ofFragment: article.bodyHTML)
        #expect(text.contains(Self.third) || text.contains("새로\u{FFFD} 여는"), "\(text)")
        #expect(text.contains(Self.last), "\(text)")
    }

    @Test(arguments: cases)
    func sanitizeKeepsEveryParagraph(_ c: Case) throws {
        let bytes = try Fixtures.bytes("decode/" + c.fixture)
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/a/1", contentType: c.contentType, override: nil)
        let clean = Sanitizer().sanitize(page: page, baseURL: page.url)
        #expect(clean.text.contains(Self.last), "\(clean.text)")
        // The explicit-charset entry point reads the same way.
        let explicit = try Sanitizer().sanitize(bytes: bytes, charset: page.sourceCharset, baseURL: nil)
        #expect(explicit.text == clean.text)
    }

    @Test func aWrongCharsetIsReportedAsMisdecoded() throws {
        // CP949 bytes read as UTF-8 (a wrong `charset:` in feeds.yaml): nearly every syllable becomes U+FFFD.
        let bytes = try Fixtures.bytes("decode/cp949-no-label.txt")
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/a/2", contentType: nil, override: "utf-8")
        #expect(page.replacements > 100)
        #expect(page.misdecoded)
        let warning = try #require(page.misdecodingWarning)
        #expect(warning.contains("https://news.example.com/a/2") && warning.contains("UTF-8") && warning.contains("charset"))
        // The same bytes with the right charset are fine.
        let right = CharsetDecoder.decode(bytes: bytes, url: "u", contentType: nil, override: "euc-kr")
        #expect(right.replacements == 0 && !right.misdecoded && right.misdecodingWarning == nil)
    }

    struct ThresholdCase: Sendable, CustomTestStringConvertible {
        let name: String
        let replacements: Int
        let nonASCII: Int
        let misdecoded: Bool
        var testDescription: String { name }
    }

    static let thresholds: [ThresholdCase] = [
        .init(name: "no replacement", replacements: 0, nonASCII: 5000, misdecoded: false),
        .init(name: "two stray bytes in a Korean page", replacements: 2, nonASCII: 5000, misdecoded: false),
        .init(name: "under the minimum count", replacements: 7, nonASCII: 10, misdecoded: false),
        .init(name: "at the minimum count, all replaced", replacements: 8, nonASCII: 8, misdecoded: true),
        .init(name: "just under 1 % of the characters", replacements: 49, nonASCII: 5000, misdecoded: false),
        .init(name: "1 % of the characters", replacements: 50, nonASCII: 5000, misdecoded: true),
    ]

    @Test(arguments: thresholds)
    func misdecodingThreshold(_ c: ThresholdCase) {
        var page = DecodedPage(url: "u", bytes: [], charset: "UTF-8", charsetSource: .header)
        page.replacements = c.replacements
        page.nonASCII = c.nonASCII
        #expect(page.misdecoded == c.misdecoded)
    }
}
