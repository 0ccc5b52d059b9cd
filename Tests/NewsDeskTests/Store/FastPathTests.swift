import Foundation
import Testing
@testable import NewsDesk

/// The store's hot text functions have byte/scalar fast paths; each is checked against the plain definition it
/// replaced, on a table of texts that exercise the edges (CJK runs of one, mixed scripts, case, whitespace kinds).
@Suite struct StoreFastPathTests {
    static let texts: [String] = [
        "",
        " ",
        "삼성전자가 AI칩을",
        "칩",
        "a",
        "가 나 다",
        "  앞뒤 공백\t\n",
        "Ünïcode ÉCOLE ΣΟΦΙΑ straße",
        "5G망 구축, 2026년 3월 19일 (서울=연합뉴스)",
        "日本語とカタカナ、漢字テキスト",
        "tabs\tand\r\nCRLF\u{00A0}nbsp\u{3000}ideographic\u{2003}em",
        "emoji 🙂 in 텍스트 👍🏽",
        "ＦＵＬＬＷＩＤＴＨ ａｂｃ １２３",
        "x가y나z",
        "끝에한글자 가",
    ]

    @Test(arguments: texts)
    func indexTextMatchesRunsAndTokens(_ text: String) {
        let reference = SearchTokenizer.runs(text).flatMap(SearchTokenizer.tokens).joined(separator: " ")
        #expect(SearchTokenizer.indexText(text) == reference)
    }

    @Test(arguments: texts)
    func contentHashMatchesCollapsedSHA256(_ text: String) {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(Fingerprint.contentHash(text) == ByteEncoding.hex(SHA256Hash.hash(collapsed.utf8)))
    }

    @Test(arguments: texts)
    func normalizedScalarsMatchPropertyDefinition(_ text: String) {
        var reference: [UInt32] = []
        for s in text.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            reference.append(s.value >= 0x41 && s.value <= 0x5A ? s.value + 0x20 : s.value)
        }
        #expect(Fingerprint.normalizedScalars(text) == reference)
    }

    @Test func imageCountCountsImgTags() {
        let rows: [(String, Int)] = [("", 0), ("<p>x</p>", 0), ("<img src=\"a\">", 1), ("<p><img src=a><img src=b></p>한글<img", 3)]
        for (html, n) in rows { #expect(ArticleProcessor.imageCount(html) == n, "\(html)") }
    }

    @Test func leadTrimsAndCutsAtAWordBoundary() {
        #expect(ClassificationInput.lead(of: "  짧은 글  ") == "짧은 글")
        let long = String(repeating: "단어 ", count: 200)
        let lead = ClassificationInput.lead(of: "\n\n" + long, limit: 300)
        #expect(lead.count <= 300 && lead.count > 225 && !lead.hasSuffix(" ") && lead.hasPrefix("단어"))
    }
}

@Suite struct StringFastPathTests {
    @Test func lastRangeMatchesFoundation() {
        let rows: [(String, String)] = [
            ("제목 - 사이트 - 네이버 뉴스", " - "), ("Title | BBC News", " | "), ("없음", " - "), ("a – b – c", " – "),
            ("", " - "), (" - ", " - "), ("끝 · ", " · "), ("x", "xx"),
        ]
        for (h, n) in rows {
            let ours = h.lastRange(of: n).map { h.distance(from: h.startIndex, to: $0.lowerBound) }
            let foundation = h.range(of: n, options: .backwards).map { h.distance(from: h.startIndex, to: $0.lowerBound) }
            #expect(ours == foundation, "\(h) / \(n)")
        }
    }
}

@Suite struct WhitespaceTableTests {
    @Test func tableMatchesTheUnicodeProperty() {
        for v in UInt32(0x80)...UInt32(0x3100) {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(Fingerprint.isUnicodeWhitespace(v) == s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        for v in [UInt32(0xFEFF), 0xFFFD, 0xAC00, 0x1F642] { #expect(!Fingerprint.isUnicodeWhitespace(v)) }
    }
}
