import Foundation
import NewsDesk

/// Properties of the decode stage on any bytes with any charset label (from the operator's override, the HTTP
/// header, a `<meta>` or none):
/// - `CharsetDecoder.decode` picks a charset `CharsetDecoder.string` can read (no `unknownCharset` for its own pick);
/// - nothing is lost: the text has at least one character per character's worth of input bytes (exactly one per
///   byte for single-byte charsets), and a marker line appended after the fuzz bytes survives at the end of the text
///   (for every charset where ASCII after a line break is ASCII again: all but the stateful ISO-2022/UTF-7/HZ);
/// - the marker also survives libxml2's HTML parse of the decoded page, as extract, sanitize and feeds read it. Checked
///   once the decoder converts pages to UTF-8 (issue 13's single decoding path), or with `NEWSDESK_FUZZ_DECODE_HTML=1`
///   on the code before it, where an invalid byte still ends the page (docs/fuzzing.md).
public enum DecodeProperties {
    /// Labels as pages and servers write them: WHATWG labels, iconv names NewsDesk passes through, junk.
    static let labels = [
        "utf-8", "euc-kr", "ks_c_5601-1987", "cp949", "windows-1252", "iso-8859-1", "us-ascii", "shift_jis", "euc-jp",
        "iso-2022-jp", "gb2312", "gbk", "gb18030", "big5", "koi8-r", "koi8-u", "utf-16", "utf-16le", "utf-16be",
        "iso-8859-2", "iso-8859-15", "windows-1251", "x-user-defined", "utf-7", "utf-32", "ucs-4", "iso-2022-kr",
        "hz-gb-2312", "ibm037", "tis-620", "cp850", "macintosh", "johab", "euc-tw", "\"euc-kr\"", " UTF-8 ", "utf8mb4",
        "bogus", "", "x", "csksc56011987", "unicode-1-1-utf-8",
    ]
    static let modes = ["override", "header", "meta", "none", "header-from-payload"]
    static let marker = "\n<p>NEWSDESK-END-OF-PAGE</p>\n"

    public static func check(_ bytes: [UInt8]) -> [String] {
        var input = FuzzInput(bytes)
        let mode = modes[input.choose(modes.count)]
        var label = labels[input.choose(labels.count)]
        var body = input.payload
        if mode == "header-from-payload" {
            // The label is the payload up to the first ';' (at most 40 bytes): lets the fuzzer invent labels.
            let end = body.prefix(40).firstIndex(of: UInt8(ascii: ";")) ?? min(body.count, 12)
            label = String(decoding: body[..<end], as: UTF8.self)
            body = Array(body[end...])
        }
        if mode == "meta" { body = Array("<meta charset=\"\(label)\">".utf8) + body }
        let url = "https://news.example.com/a.html"
        let contentType = mode.hasPrefix("header") ? "text/html; charset=\(label)" : nil
        let override = mode == "override" ? label : nil
        var raw = body + Array(marker.utf8)
        var page = CharsetDecoder.decode(bytes: raw, url: url, contentType: contentType, override: override)
        let source = sourceCharset(page)
        if source.uppercased().hasPrefix("UTF-16") {
            // A UTF-16 page gets its marker in UTF-16 (aligned only when the fuzz bytes are of even length).
            let le = !source.uppercased().hasSuffix("BE")
            raw = body + marker.utf16.flatMap { u in le ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
            let again = CharsetDecoder.decode(bytes: raw, url: url, contentType: contentType, override: override)
            guard sourceCharset(again) == source else { return [] }
            page = again
        }
        return check(page: page, input: raw, fuzzBytes: body.count)
    }

    /// The charset the input bytes were read with: `page.sourceCharset` once the decoder converts pages to UTF-8
    /// (issue 13's decoding), else `page.charset`. Read by reflection so this check builds against either.
    static func sourceCharset(_ page: DecodedPage) -> String {
        Mirror(reflecting: page).children.first { $0.label == "sourceCharset" }?.value as? String ?? page.charset
    }

    /// Whether the decoder hands every later stage UTF-8 it converted itself (issue 13's single decoding path).
    static func convertsToUTF8(_ page: DecodedPage) -> Bool {
        Mirror(reflecting: page).children.contains { $0.label == "sourceCharset" }
    }

    static func check(page: DecodedPage, input: [UInt8], fuzzBytes: Int) -> [String] {
        let source = sourceCharset(page)
        let cs = source.uppercased()
        let text: String
        do { text = try CharsetDecoder.string(page) } catch { return ["string(): \(error) for the decoder's own pick \(page.charset)"] }
        var p: [String] = []
        let stateful = ["2022", "UTF-7", "UTF7", "HZ"].contains { cs.contains($0) }
        let bom = bomLength(input, cs)
        let scalars = text.unicodeScalars.count
        let n = input.count - bom
        let aligned = !cs.hasPrefix("UTF-16") || (fuzzBytes - bom) % 2 == 0
        if !stateful {
            let width = maxBytesPerCharacter(cs)
            if width == 1, scalars != n {
                p.append("\(source): \(n) bytes of a single-byte charset gave \(scalars) characters")
            } else if scalars < (n + width - 1) / width {
                p.append("\(source): \(n) bytes gave only \(scalars) characters (at most \(width) bytes each): text lost")
            }
            // On UTF-8 bytes: as Characters, a "\r" before the marker's "\n" would make one "\r\n" and hide the suffix.
            if aligned, asciiSafe(cs), !Array(text.utf8).reversed().starts(with: Array(marker.utf8).reversed()) {
                p.append("\(source): the page's last line is missing from the text (truncated); text ends \(String(text.suffix(60)).debugDescription)")
            }
        }
        let html = convertsToUTF8(page) || ProcessInfo.processInfo.environment["NEWSDESK_FUZZ_DECODE_HTML"] == "1"
        // Only where the text before the marker holds no markup: an open tag, comment or script may rightly swallow it.
        let plain = !text.utf8.dropLast(marker.utf8.count).contains(UInt8(ascii: "<"))
        if html, plain, !stateful, asciiSafe(cs), aligned, let doc = try? HTMLDocument(bytes: page.bytes, encoding: page.charset, url: page.url) {
            if Array((doc.root?.textContent ?? "").utf8).firstRange(of: Array("NEWSDESK-END-OF-PAGE".utf8)) == nil {
                p.append("HTML parse of the decoded page (\(source)): its last paragraph is missing (truncated at an invalid byte?)")
            }
        }
        return p
    }

    static func bomLength(_ b: [UInt8], _ cs: String) -> Int {
        if cs == "UTF-8", b.starts(with: [0xEF, 0xBB, 0xBF]) { return 3 }
        if cs == "UTF-16LE", b.starts(with: [0xFF, 0xFE]) { return 2 }
        if cs == "UTF-16BE", b.starts(with: [0xFE, 0xFF]) { return 2 }
        return 0
    }

    /// The most bytes one character takes in `cs` (4 when not known).
    static func maxBytesPerCharacter(_ cs: String) -> Int {
        if cs.hasPrefix("WINDOWS-125") || cs.hasPrefix("ISO-8859") || cs.hasPrefix("KOI8") || ["CP850", "IBM037", "MACINTOSH", "TIS-620"].contains(cs) {
            return 1
        }
        switch cs {
        case "CP949", "CP932", "BIG5-HKSCS", "JOHAB": return 2
        case "EUC-JP": return 3
        default: return 4
        }
    }

    /// Whether ASCII bytes after a line break decode as themselves in `cs` whatever came before.
    static func asciiSafe(_ cs: String) -> Bool {
        cs.hasPrefix("UTF-16") || cs == "UTF-8" || cs.hasPrefix("WINDOWS-125") || cs.hasPrefix("ISO-8859") || cs.hasPrefix("KOI8")
            || ["CP949", "CP932", "BIG5-HKSCS", "EUC-JP", "GB18030", "CP850", "MACINTOSH", "TIS-620", "JOHAB", "EUC-TW"].contains(cs)
    }
}
