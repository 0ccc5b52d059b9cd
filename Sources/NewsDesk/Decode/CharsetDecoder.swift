import Foundation

/// The decode stage: decides which charset a page's bytes must be read with, and converts them to valid UTF-8.
///
/// Order: the operator's `charset` override, a byte-order mark, the HTTP `Content-Type` charset, the XML
/// declaration or `<meta>` (prescanned up to 64 KiB), then sniffing (valid UTF-8 → UTF-8, plausible Korean
/// double-byte text → CP949), and finally windows-1252. Labels are normalized (`euc-kr` → `CP949`,
/// `latin1` → `windows-1252`, see `CharsetLabels`). A declared label is checked against the bytes: valid UTF-8
/// with multibyte sequences labelled as a legacy charset is read as UTF-8 (`.sniffed`), and a page labelled
/// UTF-8 whose bytes are clearly CP949 is read as CP949.
///
/// The bytes are then converted by `UTF8Transcoder` as browsers decode them: invalid sequences and NUL bytes become
/// U+FFFD and the rest of the page is kept, so every later stage (extract, sanitize, feeds) gets the same valid UTF-8
/// and libxml2 never meets a byte it would stop at. The page records the source charset, the replacements and
/// whether they make it mis-decoded (`misdecoded`, `misdecodingWarning`).
///
/// Pure and `Sendable`: no I/O, no logging.
public struct CharsetDecoder: Sendable {
    public init() {}

    /// Decodes `bytes` fetched from `url`: chooses the charset and converts the bytes to UTF-8.
    /// Whether NewsDesk can read `label` (`charset:` in feeds.yaml, `--charset`): the one label table
    /// (`CharsetLabels`, every Korean label read as CP949), else a name iconv knows.
    public static func isKnownCharset(_ label: String) -> Bool { CharsetLabels.normalize(label) != nil }

    public static func decode(bytes: [UInt8], url: String, contentType: String?, override: String?) -> DecodedPage {
        let (charset, source) = choose(bytes: bytes, contentType: contentType, override: override)
        let page = converted(bytes, url: url, charset: charset, source: source)
        // A page labelled UTF-8 whose bytes are not, but are clearly Korean CP949, is read as CP949 (checked here, after
        // the conversion found invalid sequences, so a valid UTF-8 page is scanned once).
        if page.replacements > 0, CharsetLabels.isUTF8(charset), [.header, .meta, .xmlDeclaration].contains(source),
           CharsetSniffer.cp949(bytes).plausible {
            return converted(bytes, url: url, charset: "CP949", source: .sniffed)
        }
        return page
    }

    /// Decodes a fetched (or read) resource after checking it is what `kind` allows (`ContentCheck`): an article page
    /// must be HTML, a feed must not be an image or a binary. The one entry every command uses (`ingest`,
    /// `reimport`, `reimport --file`, `extract`, `sanitize`).
    ///
    /// - Throws: `DecodeError.notHTML` / `.notAFeed`, naming the media type (`not an HTML page (application/pdf)`).
    public static func decode(_ resource: FetchedResource, as kind: PageKind, override: String?) throws(DecodeError) -> DecodedPage {
        let labels = [override, resource.contentType.flatMap(charsetParameter)].compactMap { $0.flatMap(CharsetLabels.normalize) }
        if let refused = ContentCheck.refusal(contentType: resource.contentType, bytes: resource.body, kind: kind,
                                              textIsUTF16: labels.contains(where: CharsetLabels.isUTF16)) {
            switch kind {
            case .article: throw .notHTML(url: resource.finalURL, mediaType: refused)
            case .feed: throw .notAFeed(url: resource.finalURL, mediaType: refused)
            }
        }
        return decode(bytes: resource.body, url: resource.finalURL, contentType: resource.contentType, override: override)
    }

    /// Converts a page to a String. A decoded page is UTF-8 already; a page built by hand in another charset is
    /// converted the same way (invalid sequences replaced by U+FFFD).
    public static func string(_ page: DecodedPage) throws(DecodeError) -> String {
        if CharsetLabels.isUTF8(page.charset) || page.charset.uppercased() == "UTF8" {
            return String(decoding: page.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? page.bytes.dropFirst(3) : page.bytes[...], as: UTF8.self)
        }
        guard let t = UTF8Transcoder.transcode(page.bytes, from: page.charset) else {
            throw .unknownCharset(charset: page.charset, url: page.url)
        }
        return String(decoding: t.bytes, as: UTF8.self)
    }

    /// The charset for `bytes` and where it came from (see the type's documentation for the order).
    static func choose(bytes: [UInt8], contentType: String?, override: String?) -> (String, CharsetSource) {
        if let o = override, let cs = CharsetLabels.normalize(o) { return (cs, .override) }
        if let (cs, _) = bom(bytes) { return (cs, .bom) }
        if let ct = contentType, let label = charsetParameter(ct), let cs = CharsetLabels.normalize(label) {
            let final = checked(cs, .header, bytes)
            return (final, final == cs ? .header : .sniffed)
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
                return (final, final == cs ? src : .sniffed)
            }
        }
        let u = CharsetSniffer.utf8(bytes)
        if u.valid { return ("UTF-8", u.multibyte > 0 ? .sniffed : .fallback) }
        if CharsetSniffer.cp949(bytes).plausible { return ("CP949", .sniffed) }
        return ("windows-1252", .fallback)
    }

    /// `bytes` read as `charset`, converted to UTF-8.
    private static func converted(_ bytes: [UInt8], url: String, charset: String, source: CharsetSource) -> DecodedPage {
        var read = charset
        let t: UTF8Transcoder.Transcoded
        if let done = UTF8Transcoder.transcode(bytes, from: charset) {
            t = done
        } else {
            // Not reachable with normalized labels (all known to iconv); read as UTF-8 so nothing is lost and the
            // replacements show the problem.
            t = UTF8Transcoder.utf8(bytes)
            read = "UTF-8"
        }
        var page = DecodedPage(url: url, bytes: t.bytes, charset: "UTF-8", charsetSource: source)
        page.sourceCharset = read
        page.replacements = t.replacements
        page.nuls = t.nuls
        page.nonASCII = t.nonASCII
        return page
    }

    /// A label checked against the bytes: a mislabelled page gets the charset its bytes really are.
    private static func checked(_ cs: String, _ src: CharsetSource, _ bytes: [UInt8]) -> String {
        if CharsetLabels.isUTF16(cs) { return cs }
        if CharsetLabels.isUTF8(cs) { return cs }  // UTF-8 that is really CP949: see `decode(bytes:…)`
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
