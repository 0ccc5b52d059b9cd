import Foundation

/// The decode stage: decides which charset a page's bytes must be read with.
///
/// Order: the operator's `charset` override, a byte-order mark, the HTTP `Content-Type` charset, the XML
/// declaration or `<meta>` (prescanned up to 64 KiB), then sniffing (valid UTF-8 → UTF-8, plausible Korean
/// double-byte text → CP949), and finally windows-1252. Labels are normalized (`euc-kr` → `CP949`,
/// `latin1` → `windows-1252`, see `CharsetLabels`). A declared label is checked against the bytes: valid UTF-8
/// with multibyte sequences labelled as a legacy charset is read as UTF-8 (`.sniffed`), and a page labelled
/// UTF-8 whose bytes are clearly CP949 is read as CP949. The bytes themselves are never changed.
///
/// Pure and `Sendable`: no I/O, no logging.
public struct CharsetDecoder: Sendable {
    public init() {}

    /// Decides the charset for `bytes` fetched from `url`.
    public static func decode(bytes: [UInt8], url: String, contentType: String?, override: String?) -> DecodedPage {
        func page(_ cs: String, _ src: CharsetSource) -> DecodedPage {
            DecodedPage(url: url, bytes: bytes, charset: cs, charsetSource: src)
        }
        if let o = override, let cs = CharsetLabels.normalize(o) { return page(cs, .override) }
        if let (cs, _) = bom(bytes) { return page(cs, .bom) }
        if let ct = contentType, let label = charsetParameter(ct), let cs = CharsetLabels.normalize(label) {
            let final = checked(cs, .header, bytes)
            return page(final, final == cs ? .header : .sniffed)
        }
        if let found = CharsetPrescan().scan(bytes) {
            let (label, src): (String, CharsetSource)
            switch found {
            case .meta(let l): (label, src) = (l, .meta)
            case .xmlDeclaration(let l): (label, src) = (l, .xmlDeclaration)
            }
            if var cs = CharsetLabels.normalize(label) {
                // A declaration we could read as ASCII cannot be UTF-16 (WHATWG: use UTF-8).
                if CharsetLabels.isUTF16(cs) { cs = "UTF-8" }
                let final = checked(cs, src, bytes)
                return page(final, final == cs ? src : .sniffed)
            }
        }
        let u = CharsetSniffer.utf8(bytes)
        if u.valid { return page("UTF-8", u.multibyte > 0 ? .sniffed : .fallback) }
        if CharsetSniffer.cp949(bytes).plausible { return page("CP949", .sniffed) }
        return page("windows-1252", .fallback)
    }

    /// Converts a decoded page to a String, invalid sequences replaced by U+FFFD.
    public static func string(_ page: DecodedPage) throws(DecodeError) -> String {
        var bytes = page.bytes[...]
        if let (_, n) = bom(page.bytes) { bytes = bytes.dropFirst(n) }
        if CharsetLabels.isUTF8(page.charset) || page.charset.uppercased() == "UTF8" {
            return String(decoding: bytes, as: UTF8.self)
        }
        do {
            return try TextConverter.convert(Array(bytes), from: page.charset)
        } catch {
            throw .unknownCharset(charset: page.charset, url: page.url)
        }
    }

    /// A label checked against the bytes: a mislabelled page gets the charset its bytes really are.
    private static func checked(_ cs: String, _ src: CharsetSource, _ bytes: [UInt8]) -> String {
        if CharsetLabels.isUTF16(cs) { return cs }
        if CharsetLabels.isUTF8(cs) {
            let u = CharsetSniffer.utf8(bytes)
            if !u.valid, CharsetSniffer.cp949(bytes).plausible { return "CP949" }
            return cs
        }
        let u = CharsetSniffer.utf8(bytes)
        guard u.valid, u.multibyte > 0 else { return cs }
        if cs == "CP949", CharsetSniffer.cp949(bytes).plausible { return cs }
        return "UTF-8"
    }

    /// The charset of a byte-order mark and its length.
    static func bom(_ b: [UInt8]) -> (String, Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("UTF-16LE", 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// The `charset` parameter of a Content-Type value (`text/html; charset="euc-kr"`), or nil.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\"") || v.hasPrefix("'") { v = String(v.dropFirst()) }
            if v.hasSuffix("\"") || v.hasSuffix("'") { v = String(v.dropLast()) }
            return v.isEmpty ? nil : v
        }
        return nil
    }
}
