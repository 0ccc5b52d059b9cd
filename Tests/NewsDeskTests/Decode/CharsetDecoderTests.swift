import Foundation
import Testing
import TestSupport
@testable import NewsDesk

@Suite struct CharsetDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let fixture: String
        var contentType: String? = nil
        var override: String? = nil
        let charset: String
        let source: CharsetSource
        /// Text that must appear in the converted string.
        let contains: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "euc-kr meta with CP949-only syllables", fixture: "euckr-cp949.html", charset: "CP949", source: .meta, contains: "똠방각하가 햏자에게 뷁을 외쳤다. 쓩"),
        .init(name: "http-equiv ks_c_5601-1987", fixture: "ksc-http-equiv.html", charset: "CP949", source: .meta, contains: "햏자 소식"),
        .init(name: "header euc-kr beats meta", fixture: "euckr-cp949.html", contentType: "text/html; charset=EUC-KR", charset: "CP949", source: .header, contains: "뷁"),
        .init(name: "quoted header charset", fixture: "euckr-cp949.html", contentType: "text/html;charset=\"ks_c_5601-1987\"", charset: "CP949", source: .header, contains: "뷁"),
        .init(name: "UTF-8 bytes labelled euc-kr in meta", fixture: "utf8-labelled-euckr.html", charset: "UTF-8", source: .sniffed, contains: "잘못된 라벨의 뉴스"),
        .init(name: "UTF-8 bytes labelled euc-kr in header", fixture: "utf8-labelled-euckr.html", contentType: "text/html; charset=euc-kr", charset: "UTF-8", source: .sniffed, contains: "똠방각하"),
        .init(name: "CP949 bytes labelled utf-8 in header", fixture: "euckr-cp949.html", contentType: "text/html; charset=utf-8", charset: "CP949", source: .sniffed, contains: "햏자에게"),
        .init(name: "late meta after a 4 KB script and a comment", fixture: "late-meta.html", charset: "CP949", source: .meta, contains: "늦은 메타 똠"),
        .init(name: "UTF-8 BOM", fixture: "bom-utf8.html", contentType: "text/html; charset=iso-8859-1", charset: "UTF-8", source: .bom, contains: "BOM 뉴스"),
        .init(name: "UTF-16LE BOM", fixture: "bom-utf16le.html", charset: "UTF-16LE", source: .bom, contains: "UTF-16 뉴스"),
        .init(name: "UTF-16BE BOM", fixture: "bom-utf16be.html", charset: "UTF-16BE", source: .bom, contains: "똠방각하"),
        .init(name: "XML declaration EUC-KR", fixture: "xml-decl-euckr.xml", charset: "CP949", source: .xmlDeclaration, contains: "햏자 뷁 기사"),
        .init(name: "no label, CP949 bytes", fixture: "nolabel-cp949.html", charset: "CP949", source: .sniffed, contains: "라벨 없는 한국어 기사입니다. 광화문 똠"),
        .init(name: "no label, UTF-8 bytes", fixture: "nolabel-utf8.html", charset: "UTF-8", source: .sniffed, contains: "라벨 없는 UTF-8 기사"),
        .init(name: "no label, Latin bytes", fixture: "nolabel-latin.html", charset: "windows-1252", source: .fallback, contains: "Café crème, naïve résumé — £5"),
        .init(name: "override wins over everything", fixture: "nolabel-latin.html", contentType: "text/html; charset=utf-8", override: "latin1", charset: "windows-1252", source: .override, contains: "Café"),
        .init(name: "override euc-kr reads CP949", fixture: "euckr-cp949.html", override: "euc-kr", charset: "CP949", source: .override, contains: "뷁"),
    ]

    @Test(arguments: cases)
    func decodes(_ c: Case) throws {
        let bytes = try Fixtures.bytes("decode/" + c.fixture)
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/x", contentType: c.contentType, override: c.override)
        #expect(page.sourceCharset == c.charset)
        #expect(page.charsetSource == c.source)
        // Every later stage gets valid UTF-8: the text, without a BOM.
        #expect(page.charset == "UTF-8" && page.replacements == 0)
        #expect(!page.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = try CharsetDecoder.string(page)
        #expect(String(decoding: page.bytes, as: UTF8.self) == text)
        #expect(text.contains(c.contains))
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test func decodedPageParsesFullyInLibxml2() throws {
        // The whole point: the charset handed to libxml2 keeps every syllable and the text after them.
        let bytes = try Fixtures.bytes("decode/late-meta.html")
        let page = CharsetDecoder.decode(bytes: bytes, url: "u", contentType: nil, override: nil)
        let doc = try HTMLDocument(bytes: page.bytes, encoding: page.charset)
        #expect(try doc.string(xpath: "string(//title)") == "늦은 메타 똠")
        #expect(try doc.string(xpath: "string(//p)").hasSuffix("취재 중이다."))
    }

    struct LabelCase: Sendable, CustomTestStringConvertible {
        let label: String; let name: String?
        var testDescription: String { label }
    }
    static let labels: [LabelCase] = [
        .init(label: "euc-kr", name: "CP949"), .init(label: "EUC-KR", name: "CP949"), .init(label: "ks_c_5601-1987", name: "CP949"),
        .init(label: "ksc5601", name: "CP949"), .init(label: "x-windows-949", name: "CP949"), .init(label: "cp949", name: "CP949"),
        .init(label: "uhc", name: "CP949"), .init(label: " \"euc-kr\" ", name: "CP949"), .init(label: "latin1", name: "windows-1252"),
        .init(label: "ISO-8859-1", name: "windows-1252"), .init(label: "us-ascii", name: "windows-1252"),
        .init(label: "utf8", name: "UTF-8"), .init(label: "Shift_JIS", name: "CP932"), .init(label: "gb2312", name: "GB18030"),
        .init(label: "big5", name: "BIG5-HKSCS"), .init(label: "koi8-r", name: "KOI8-R"), .init(label: "iso-8859-5", name: "ISO-8859-5"),
        .init(label: "no-such-charset", name: nil), .init(label: "", name: nil),
        // glibc's iconv drops characters it does not use in names: junk after a known name is no label (fuzz finding).
        .init(label: "utf-16\u{FFFD}\u{FFFD}", name: nil), .init(label: "koi8-r\u{7F}", name: nil), .init(label: "utf 16", name: nil),
    ]

    @Test(arguments: labels)
    func normalizesLabels(_ c: LabelCase) {
        #expect(CharsetLabels.normalize(c.label) == c.name)
    }

    @Test func everyTableNameIsKnownToIconvAndLabelsAreUnique() {
        var seen = Set<String>()
        for (name, labels) in CharsetLabels.table {
            #expect(HTMLDocument.isKnownEncoding(name), "\(name)")
            #expect(labels == labels.sorted(), "\(name) labels not sorted")
            for l in labels { #expect(seen.insert(l).inserted, "duplicate label \(l)") }
        }
    }

    @Test func prescanLooksPast1024BytesButStopsAtTheLimit() {
        let filler = String(repeating: "<div>filler text</div>\n", count: 200)  // ~4.6 KB
        let bytes = Array("<html><head>\(filler)<meta charset=\"euc-kr\"></head></html>".utf8)
        #expect(CharsetPrescan().scan(bytes) == .meta("euc-kr"))
        #expect(CharsetPrescan(limit: 1024).scan(bytes) == nil)
    }

    @Test func prescanIgnoresCharsetInScriptsAndComments() {
        let html = "<script>document.write('<meta charset=\"utf-8\">')</script><!-- <meta charset=gbk> --><meta charset=euc-kr>"
        #expect(CharsetPrescan().scan(Array(html.utf8)) == .meta("euc-kr"))
    }

    @Test func metaInsideAFeedIsNotTheFeedsCharset() {
        let xml = "<?xml version=\"1.0\"?><rss><channel><item><description><![CDATA[<meta charset=\"euc-kr\">]]></description></item></channel></rss>"
        #expect(CharsetPrescan().scan(Array(xml.utf8)) == nil)
        #expect(CharsetPrescan().scan(Array(("<rss>" + xml.dropFirst(21)).utf8)) == nil)
        let page = CharsetDecoder.decode(bytes: Array(xml.utf8), url: "u", contentType: nil, override: nil)
        #expect(page.sourceCharset == "UTF-8")
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        // 0xFF is never valid in CP949.
        let page = DecodedPage(url: "u", bytes: Array("a".utf8) + [0xFF] + Array("b".utf8) + [0xB0, 0xA1], charset: "CP949", charsetSource: .override)
        #expect(try CharsetDecoder.string(page) == "a\u{FFFD}b가")
    }

    @Test func unknownCharsetIsATypedError() {
        let page = DecodedPage(url: "https://x.example/", bytes: [0x41], charset: "NO-SUCH", charsetSource: .override)
        #expect(throws: DecodeError.unknownCharset(charset: "NO-SUCH", url: "https://x.example/")) { try CharsetDecoder.string(page) }
        #expect(DecodeError.unknownCharset(charset: "NO-SUCH", url: "u").description.contains("feeds.yaml"))
    }

    @Test func largeCP949ConvertsAcrossChunkBoundaries() throws {
        // 100k syllables: several 64 KiB chunks, with pairs split at the edges.
        let syllables: [UInt8] = [0x8C, 0x63, 0xB0, 0xA1, 0x41]  // 똠 가 A
        let bytes = Array(repeating: syllables, count: 30_000).flatMap { $0 }
        let page = DecodedPage(url: "u", bytes: bytes, charset: "CP949", charsetSource: .override)
        let s = try CharsetDecoder.string(page)
        #expect(s == String(repeating: "똠가A", count: 30_000))
    }
}
