/// Finds a charset declared inside the bytes: the XML declaration, `<meta charset>` or the http-equiv form.
///
/// A byte-level prescan in the spirit of the WHATWG one, but it looks much further than 1024 bytes (`limit`,
/// 64 KiB by default), because Korean sites often put a long script or inline style before their meta.
/// Comments, `<script>`, `<style>`, `<textarea>` and `<title>` bodies are skipped, so a charset mentioned in
/// script text is not taken for the page's own.
struct CharsetPrescan: Sendable {
    enum Found: Equatable {
        case meta(String)
        case xmlDeclaration(String)
    }

    var limit: Int = 64 * 1024

    func scan(_ bytes: [UInt8], from start: Int = 0) -> Found? {
        let end = min(bytes.count, start + limit)
        return bytes.withUnsafeBufferPointer { b -> Found? in
            var i = start
            // XML declaration: only at the very start (after a BOM and whitespace, which XML forbids but feeds have).
            var j = i
            while j < end, Self.isSpace(b[j]) { j += 1 }
            if Self.matches(b, j, end, "<?xml") {
                let close = Self.find(b, j, end, "?>") ?? end
                if let enc = Self.pseudoAttribute(b, j + 5, close, "encoding") { return .xmlDeclaration(enc) }
                // An XML document names its encoding only in the declaration (else it is UTF-8): a `<meta>` inside
                // a feed's CDATA content belongs to an article, not to the feed.
                return nil
            }
            if Self.matches(b, j, end, "<rss") || Self.matches(b, j, end, "<feed") || Self.matches(b, j, end, "<rdf:rdf") {
                return nil
            }
            while i < end {
                guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
                if Self.matches(b, i, end, "<!--") {
                    i = (Self.find(b, i + 4, end, "-->").map { $0 + 3 }) ?? end
                    continue
                }
                let (name, nameEnd) = Self.tagName(b, i + 1, end)
                if name.isEmpty {
                    // `</x`, `<!x`, `<?x`: skip to `>`.
                    i = (Self.findByte(b, i + 1, end, UInt8(ascii: ">")).map { $0 + 1 }) ?? end
                    continue
                }
                var attrs: [(String, String)] = []
                let tagEnd = Self.attributes(b, nameEnd, end, into: &attrs)
                switch name {
                case "meta":
                    if let cs = Self.charset(fromMeta: attrs) { return .meta(cs) }
                case "script", "style", "textarea", "title", "xmp":
                    let closer = Array("</\(name)".utf8)
                    i = Self.findCaseless(b, tagEnd, end, closer) ?? end
                    continue
                default: break
                }
                i = tagEnd
            }
            return nil
        }
    }

    // MARK: - Helpers on raw bytes

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    private static func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = s.utf8Start
        for k in 0..<n where lower(b[i + k]) != p[k] { return false }
        return true
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ s: StaticString) -> Int? {
        var i = from
        while i < end { if matches(b, i, end, s) { return i }; i += 1 }
        return nil
    }

    private static func findCaseless(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ s: [UInt8]) -> Int? {
        guard !s.isEmpty else { return nil }
        var i = from
        outer: while i + s.count <= end {
            for k in 0..<s.count where lower(b[i + k]) != s[k] { i += 1; continue outer }
            return i
        }
        return nil
    }

    private static func findByte(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ c: UInt8) -> Int? {
        var i = from
        while i < end { if b[i] == c { return i }; i += 1 }
        return nil
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
    }

    private static func tagName(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> (String, Int) {
        guard from < end, lower(b[from]) >= 0x61 && lower(b[from]) <= 0x7A else { return ("", from) }
        var i = from
        var name: [UInt8] = []
        while i < end, isNameByte(b[i]) { name.append(lower(b[i])); i += 1 }
        return (String(decoding: name, as: UTF8.self), i)
    }

    /// Reads attributes up to the end of the tag; returns the index after `>`.
    private static func attributes(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int,
                                   into attrs: inout [(String, String)]) -> Int {
        var i = from
        while i < end {
            while i < end, isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
            guard i < end else { return end }
            if b[i] == UInt8(ascii: ">") { return i + 1 }
            var name: [UInt8] = []
            while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") {
                name.append(lower(b[i])); i += 1
            }
            while i < end, isSpace(b[i]) { i += 1 }
            var value: [UInt8] = []
            if i < end, b[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, isSpace(b[i]) { i += 1 }
                if i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let q = b[i]; i += 1
                    while i < end, b[i] != q { value.append(b[i]); i += 1 }
                    i += 1
                } else {
                    while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { value.append(b[i]); i += 1 }
                }
            }
            if !name.isEmpty, attrs.count < 32 {
                attrs.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
            }
        }
        return end
    }

    private static func charset(fromMeta attrs: [(String, String)]) -> String? {
        if let cs = attrs.first(where: { $0.0 == "charset" })?.1, !cs.isEmpty { return cs }
        let isContentType = attrs.contains { $0.0 == "http-equiv" && $0.1.lowercased() == "content-type" }
        if isContentType, let content = attrs.first(where: { $0.0 == "content" })?.1 {
            return CharsetDecoder.charsetParameter(content)
        }
        return nil
    }

    /// `encoding="euc-kr"` inside an XML declaration.
    private static func pseudoAttribute(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ name: StaticString) -> String? {
        guard let at = find(b, from, end, name) else { return nil }
        var i = at + name.utf8CodeUnitCount
        while i < end, isSpace(b[i]) { i += 1 }
        guard i < end, b[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < end, isSpace(b[i]) { i += 1 }
        guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return nil }
        let q = b[i]; i += 1
        var v: [UInt8] = []
        while i < end, b[i] != q { v.append(b[i]); i += 1 }
        return v.isEmpty ? nil : String(decoding: v, as: UTF8.self)
    }
}
