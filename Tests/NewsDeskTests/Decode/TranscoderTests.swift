import Foundation
import Testing
@testable import NewsDesk

/// Invalid byte sequences become U+FFFD the way the WHATWG Encoding Standard's decoders (browsers) produce them, and
/// the rest of the input is kept. Rows name the decoder step they check (https://encoding.spec.whatwg.org/).
@Suite struct TranscoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let charset: String
        let bytes: [UInt8]
        let expected: String
        /// Invalid sequences replaced (NUL bytes are counted apart).
        let replacements: Int
        var nuls = 0
        var testDescription: String { name }
    }

    static func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let cases: [Case] = [
        // UTF-8 decoder: one U+FFFD per maximal subpart of an ill-formed sequence (Unicode §3.9, WHATWG UTF-8 decoder).
        .init(name: "utf-8 valid passes unchanged", charset: "UTF-8", bytes: b("가나 abc"), expected: "가나 abc", replacements: 0),
        .init(name: "utf-8 stray 0xFF", charset: "UTF-8", bytes: b("a") + [0xFF] + b("b"), expected: "a\u{FFFD}b", replacements: 1),
        .init(name: "utf-8 lone continuation 0x80", charset: "UTF-8", bytes: b("a") + [0x80] + b("b"), expected: "a\u{FFFD}b", replacements: 1),
        .init(name: "utf-8 truncated 4-byte sequence is one maximal subpart", charset: "UTF-8", bytes: [0xF0, 0x9F, 0x98] + b("x"),
              expected: "\u{FFFD}x", replacements: 1),
        .init(name: "utf-8 overlong E0 80 80 is three", charset: "UTF-8", bytes: [0xE0, 0x80, 0x80], expected: "\u{FFFD}\u{FFFD}\u{FFFD}", replacements: 3),
        .init(name: "utf-8 surrogate ED A0 80 is three", charset: "UTF-8", bytes: [0xED, 0xA0, 0x80], expected: "\u{FFFD}\u{FFFD}\u{FFFD}", replacements: 3),
        .init(name: "utf-8 overlong C0 AF is two", charset: "UTF-8", bytes: [0xC0, 0xAF], expected: "\u{FFFD}\u{FFFD}", replacements: 2),
        .init(name: "utf-8 above U+10FFFF is four", charset: "UTF-8", bytes: [0xF4, 0x90, 0x80, 0x80], expected: String(repeating: "\u{FFFD}", count: 4), replacements: 4),
        .init(name: "utf-8 lead then ASCII keeps the ASCII", charset: "UTF-8", bytes: [0xEA] + b("<p>"), expected: "\u{FFFD}<p>", replacements: 1),
        .init(name: "utf-8 sequence cut by the end", charset: "UTF-8", bytes: b("끝") + [0xEA, 0xB0], expected: "끝\u{FFFD}", replacements: 1),
        .init(name: "utf-8 NUL becomes U+FFFD", charset: "UTF-8", bytes: b("a") + [0] + b("b"), expected: "a\u{FFFD}b", replacements: 0, nuls: 1),
        .init(name: "utf-8 BOM is dropped", charset: "UTF-8", bytes: [0xEF, 0xBB, 0xBF] + b("a"), expected: "a", replacements: 0),

        // EUC-KR decoder (read as CP949/UHC, WHATWG's index EUC-KR): pointer = (lead − 0x81) × 190 + (byte − 0x41).
        .init(name: "euc-kr CP949-only syllable 똠", charset: "CP949", bytes: [0x8C, 0x63, 0xB0, 0xA1], expected: "똠가", replacements: 0),
        .init(name: "euc-kr 0x80 is never a lead", charset: "CP949", bytes: b("a") + [0x80] + b("b"), expected: "a\u{FFFD}b", replacements: 1),
        .init(name: "euc-kr 0xFF is never a lead", charset: "CP949", bytes: b("a") + [0xFF] + [0xB0, 0xA1], expected: "a\u{FFFD}가", replacements: 1),
        .init(name: "euc-kr lead then ASCII: the ASCII byte is restored", charset: "CP949", bytes: [0xB0] + b("<p>"), expected: "\u{FFFD}<p>", replacements: 1),
        .init(name: "euc-kr unmapped pair C9 A1 (user area) is one", charset: "CP949", bytes: [0xC9, 0xA1] + b("x"), expected: "\u{FFFD}x", replacements: 1),
        .init(name: "euc-kr lead then 0xFF consumes both", charset: "CP949", bytes: [0xB0, 0xFF, 0xB0, 0xA1], expected: "\u{FFFD}가", replacements: 1),
        .init(name: "euc-kr lead then 0x80 consumes both", charset: "CP949", bytes: [0xB0, 0x80] + b("z"), expected: "\u{FFFD}z", replacements: 1),
        .init(name: "euc-kr lead cut by the end", charset: "CP949", bytes: [0xB3, 0xA1, 0xB0], expected: "끝\u{FFFD}", replacements: 1),
        .init(name: "euc-kr euro sign A2 E6", charset: "CP949", bytes: [0xA2, 0xE6], expected: "€", replacements: 0),
        .init(name: "euc-kr NUL becomes U+FFFD", charset: "CP949", bytes: [0xB0, 0xA1, 0x00], expected: "가\u{FFFD}", replacements: 0, nuls: 1),

        // Single-byte decoders: WHATWG's windows-125x indexes give 0x80–0x9F bytes iconv leaves undefined their C1 code point.
        .init(name: "windows-1252 0x80 is the euro sign", charset: "windows-1252", bytes: [0x80, 0xE9], expected: "€é", replacements: 0),
        .init(name: "windows-1252 0x81 and 0x9D are C1 controls", charset: "windows-1252", bytes: [0x81, 0x9D], expected: "\u{81}\u{9D}", replacements: 0),
        .init(name: "windows-1251 0x98 is U+0098", charset: "windows-1251", bytes: [0x98, 0xC0], expected: "\u{98}А", replacements: 0),
        .init(name: "iso-8859-7 0xAE is unassigned", charset: "ISO-8859-7", bytes: [0xC1, 0xAE, 0xE1], expected: "Α\u{FFFD}α", replacements: 1),

        // UTF-16 decoders: an unpaired surrogate and an odd trailing byte are errors.
        .init(name: "utf-16le pair and text", charset: "UTF-16LE", bytes: [0x00, 0xAC, 0x3D, 0xD8, 0x00, 0xDE], expected: "가😀", replacements: 0),
        .init(name: "utf-16le unpaired surrogate", charset: "UTF-16LE", bytes: [0x3D, 0xD8, 0x41, 0x00], expected: "\u{FFFD}A", replacements: 1),
        .init(name: "utf-16be odd trailing byte", charset: "UTF-16BE", bytes: [0xAC, 0x00, 0x41], expected: "가\u{FFFD}", replacements: 1),
        .init(name: "utf-16le BOM is dropped", charset: "UTF-16LE", bytes: [0xFF, 0xFE, 0x41, 0x00], expected: "A", replacements: 0),

        // Other multibyte charsets (through iconv): a lead byte followed by an ASCII byte keeps the ASCII byte.
        .init(name: "shift_jis valid", charset: "CP932", bytes: [0x82, 0xA0], expected: "あ", replacements: 0),
        .init(name: "shift_jis lead then ASCII", charset: "CP932", bytes: [0x82] + b("<p>"), expected: "\u{FFFD}<p>", replacements: 1),
        .init(name: "gb18030 lead then ASCII", charset: "GB18030", bytes: [0xB0, 0xA1, 0x81] + b("<"), expected: "啊\u{FFFD}<", replacements: 1),
        .init(name: "big5 lead cut by the end", charset: "BIG5-HKSCS", bytes: b("a") + [0xA4], expected: "a\u{FFFD}", replacements: 1),
        .init(name: "euc-jp stray 0xFF", charset: "EUC-JP", bytes: [0xA4, 0xA2, 0xFF] + b("b"), expected: "あ\u{FFFD}b", replacements: 1),
    ]

    @Test(arguments: cases)
    func replacesLikeBrowsers(_ c: Case) throws {
        let out = try #require(UTF8Transcoder.transcode(c.bytes, from: c.charset))
        #expect(String(decoding: out.bytes, as: UTF8.self) == c.expected)
        #expect(out.replacements == c.replacements)
        #expect(out.nuls == c.nuls)
        // Whatever came in, what goes out is valid UTF-8 with no NUL: libxml2 never sees a byte it could stop at.
        #expect(String(validating: out.bytes, as: UTF8.self) != nil)
        #expect(!out.bytes.contains(0))
    }

    @Test func unknownCharsetIsNil() {
        #expect(UTF8Transcoder.transcode([0x41], from: "NO-SUCH-CHARSET") == nil)
    }

    @Test func validUTF8IsNotCopied() {
        // The hot path: a valid UTF-8 page without NUL comes back as the same storage.
        let page = Array(String(repeating: "<p>뉴스 본문입니다.</p>\n", count: 5000).utf8)
        let out = UTF8Transcoder.transcode(page, from: "UTF-8")
        #expect(out?.bytes == page)
        #expect(out?.replacements == 0 && out?.nonASCII == 5000 * 7)
    }

    @Test func cp949TableMatchesWHATWGIndexSamples() {
        // Spot checks against whatwg/encoding index-euc-kr.txt (pointer layout 178 trails a row in its 2014 revision).
        let samples: [([UInt8], String)] = [
            ([0xA1, 0xA4], "\u{B7}"), ([0xA1, 0xAA], "\u{2015}"), ([0xA2, 0xA6], "\u{FF5E}"), ([0xA2, 0xDE], "\u{327F}"),
            ([0xA2, 0xE5], "\u{2121}"), ([0xA2, 0xE7], "\u{AE}"), ([0xA3, 0xDC], "\u{FFE6}"), ([0xA3, 0xFE], "\u{FFE3}"),
            ([0xA4, 0xA1], "\u{3131}"), ([0x81, 0x41], "\u{AC02}"), ([0xA3, 0xA0], "\u{C9DB}"),
        ]
        for (bytes, expected) in samples {
            let out = UTF8Transcoder.transcode(bytes, from: "CP949")
            #expect(out.map { String(decoding: $0.bytes, as: UTF8.self) } == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test func everyByteStringGivesValidUTF8() {
        // A cheap property check (the fuzz target does this at scale): random bytes in every supported charset.
        var rng = SystemRandomNumberGenerator()
        for name in ["UTF-8", "CP949", "windows-1252", "UTF-16LE", "UTF-16BE", "CP932", "GB18030", "EUC-JP", "BIG5-HKSCS", "ISO-2022-JP", "KOI8-R"] {
            for _ in 0..<50 {
                let bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                guard let out = UTF8Transcoder.transcode(bytes, from: name) else { Issue.record("\(name) unknown"); continue }
                #expect(String(validating: out.bytes, as: UTF8.self) != nil, "\(name) \(bytes)")
                #expect(!out.bytes.contains(0), "\(name) \(bytes)")
            }
        }
    }
}
