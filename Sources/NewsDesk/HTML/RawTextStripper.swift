/// Removes the contents of `<script>` and `<style>` from a UTF-8 page before libxml2 reads it.
///
/// The sanitizer always drops these elements with their content, but libxml2 still reads their raw text character
/// by character, and on news pages that is half the bytes. This scanner mirrors libxml2 2.9.14's HTML tokenizer
/// (recovery mode) just far enough to find those elements: text, start tags with their attributes (quoted values
/// only after `name=`, bogus attributes up to a blank or `>`), end tags (up to the first `>`), comments and
/// `<!DOCTYPE name>`, with or without a `PUBLIC`/`SYSTEM` external ID. A raw-text element ends, as in libxml2, at
/// the first `</script` (`</style`) in any case; its content is removed only when that end tag is followed by a
/// blank or `>` and the content is strict UTF-8.
/// Anything the scanner does not mirror exactly (a NUL byte, `<?`, `<!` other than a comment or a doctype so written,
/// abruptly closed comments, `<_`, `<:`, `<.`, unterminated tags, names of 100+ bytes) stops the scan, and libxml2
/// reads the rest as it is. libxml2 then reports the same events, minus the raw text it would have given inside
/// those elements (FixtureTests and RawTextStripperTests compare both on every fixture, vector and tricky case).
enum RawTextStripper {
    /// The page without script/style contents, or nil when there is nothing to remove. With `keepingTagsMentioning`,
    /// an element whose start tag holds those bytes (ASCII, any case) keeps its content: the extractor keeps
    /// `<script type="application/ld+json">` by passing `ld+json` (keeping more than needed only costs time).
    ///
    /// With `collapsingBlankText`, a text between two tags (or comments) that is only blanks (space, tab, CR, LF) and at
    /// least two bytes long becomes one byte (a line feed when it held one, else a space), except inside `<pre>`,
    /// `<textarea>`, `<listing>` and `<xmp>` and after `<plaintext>`. A browser renders such a run as at most one
    /// space either way; the indentation between tags is a quarter of a news page's markup once scripts are cut, and
    /// libxml2 reads it a character at a time. The extractor collapses; the sanitizer, whose output keeps the page's
    /// layout, does not. (CSS `white-space: pre` on other elements is not seen: their blank-only runs collapse.)
    static func strip(_ b: UnsafeBufferPointer<UInt8>, keepingTagsMentioning keep: [UInt8]? = nil,
                      collapsingBlankText collapse: Bool = false) -> [UInt8]? {
        scan(b, keep: keep, collapse: collapse, blankingEndTags: false).bytes
    }

    /// `strip` for the extractor, which also has `</body>` and `</html>` end tags blanked as `IgnoredEndTags` does, on
    /// the tags this scan reads anyway (a second pass over the page was 2 % of extraction time). `endTagsBlanked` is
    /// true when the scan read the whole page, so none is left; otherwise the caller still runs `IgnoredEndTags` on the
    /// result. Unlike `IgnoredEndTags`, text that only looks like such a tag (in an attribute value, a comment or a
    /// kept JSON-LD block) stays as written.
    static func stripForExtraction(_ b: UnsafeBufferPointer<UInt8>, keepingTagsMentioning keep: [UInt8]?) -> (bytes: [UInt8]?, endTagsBlanked: Bool) {
        scan(b, keep: keep, collapse: true, blankingEndTags: true)
    }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>, keep: [UInt8]?, collapse: Bool,
                             blankingEndTags: Bool) -> (bytes: [UInt8]?, endTagsBlanked: Bool) {
        let n = b.count
        guard n > 0, !containsNUL(b) else { return (nil, false) }
        var complete = false
        // Whether the last construct read was a block element's tag: a blank run beside one is not rendered.
        var afterBlock = false
        let dropBlocks = collapse && blankingEndTags
        var out: [UInt8] = []
        var copied = 0
        var p = 0
        // Where the text before the next construct starts, and how many whitespace-keeping elements are open.
        var textStart = 0
        var openKeepers = 0
        scan: while p < n {
            guard let q = index(of: 0x3C, in: b, from: p), q + 1 < n else { complete = true; break }
            let next = b[q + 1]
            if isLetter(next) {
                var j = q + 1
                while j < n, isNameChar(b[j]) { j += 1 }
                guard j - (q + 1) < 100, let (gt, selfClosing) = endOfStartTag(b, from: j) else { break scan }
                let name = UnsafeBufferPointer(rebasing: b[(q + 1)..<j])
                let block = dropBlocks && isBlock(name)
                if collapse, openKeepers == 0 {
                    collapseBlankRun(b, textStart, q, into: &out, copied: &copied, dropping: dropBlocks && (block || afterBlock))
                }
                afterBlock = block
                if collapse, !selfClosing, Self.keepsBlanks(name) {
                    openKeepers = equalsLowercased(name, plaintext) ? Int.max / 2 : openKeepers + 1
                }
                let raw = equalsLowercased(name, script) ? script : equalsLowercased(name, style) ? style : nil
                guard let raw, !selfClosing else { p = gt + 1; textStart = p; continue }
                let start = gt + 1
                guard let m = endOfRawText(b, from: start, name: raw), validUTF8(b, start, m) else { break scan }
                if m > start, !(keep.map { mentions(UnsafeBufferPointer(rebasing: b[q..<gt]), $0) } ?? false) {
                    if out.isEmpty { out.reserveCapacity(n) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<start]))
                    copied = m
                }
                p = m
                textStart = m
            } else if next == 0x2F {
                // An end tag: libxml2 skips to the first '>'.
                guard q + 2 < n, isLetter(b[q + 2]), let gt = index(of: 0x3E, in: b, from: q + 2) else { break scan }
                if collapse {
                    var j = q + 2
                    while j < gt, isNameChar(b[j]) { j += 1 }
                    let name = UnsafeBufferPointer(rebasing: b[(q + 2)..<j])
                    let block = dropBlocks && isBlock(name)
                    if openKeepers == 0 {
                        collapseBlankRun(b, textStart, q, into: &out, copied: &copied, dropping: dropBlocks && (block || afterBlock))
                    } else if keepsBlanks(name) {
                        openKeepers -= 1
                    }
                    afterBlock = block
                }
                if blankingEndTags, IgnoredEndTags.isBodyOrHTMLEndTag(b, at: q) {
                    if out.isEmpty { out.reserveCapacity(n) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<q]))
                    out.append(contentsOf: repeatElement(0x20, count: gt + 1 - q))
                    copied = gt + 1
                }
                p = gt + 1
                textStart = p
            } else if next == 0x21 {
                guard let end = endOfMarkupDeclaration(b, at: q) else { break scan }
                if collapse, openKeepers == 0 {
                    collapseBlankRun(b, textStart, q, into: &out, copied: &copied, dropping: dropBlocks && afterBlock)
                }
                afterBlock = false
                p = end
                textStart = p
            } else if next == 0x3F || next == 0x5F || next == 0x3A || next == 0x2E {
                break scan
            } else {
                p = q + 1  // a '<' that is text
            }
        }
        if p >= n { complete = true }
        guard copied > 0 else { return (nil, complete) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
        return (out, complete)
    }

    /// Whether `tag` contains `lower` (lowercase ASCII), comparing case-insensitively.
    private static func mentions(_ tag: UnsafeBufferPointer<UInt8>, _ lower: [UInt8]) -> Bool {
        guard !lower.isEmpty, tag.count >= lower.count else { return false }
        var i = 0
        while i <= tag.count - lower.count {
            var j = 0
            while j < lower.count, (tag[i + j] | (tag[i + j] >= 0x41 && tag[i + j] <= 0x5A ? 0x20 : 0)) == lower[j] { j += 1 }
            if j == lower.count { return true }
            i += 1
        }
        return false
    }

    /// The text `b[from..<to]` ends at a construct the scan read: when it is two or more blanks only, `out` takes what precedes
    /// it and one byte for it (a line feed when it held a line break, else a space).
    @inline(__always)
    private static func collapseBlankRun(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout [UInt8],
                                         copied: inout Int, dropping: Bool = false) {
        guard to - from >= (dropping ? 1 : 2) else { return }
        var line = false
        for i in from..<to {
            let c = b[i]
            if c == 0x0A || c == 0x0D { line = true } else if c != 0x20 && c != 0x09 { return }
        }
        if out.isEmpty { out.reserveCapacity(b.count) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<from]))
        if !dropping { out.append(line ? 0x0A : 0x20) }
        copied = to
    }

    /// Whether `name` (any case) is a block element's: a blank run just before or after its start or end tag is not
    /// rendered (CSS drops white space at the start and end of a line box), so the extractor's scan removes it. Inline
    /// elements (and `script`, `meta`, `link`, which sit inside text) are not in the list.
    @inline(__always)
    private static func isBlock(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = name.count
        guard n >= 1, n <= 10 else { return false }
        var code: UInt128 = 0
        for c in name { code = code << 8 | UInt128(c | (c >= 0x41 && c <= 0x5A ? 0x20 : 0)) }
        // A binary search of the sorted codes (a Set's hash cost more than the whole tag scan).
        return blockCodes.withUnsafeBufferPointer { codes in
            var lo = 0, hi = codes.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if codes[mid] < code { lo = mid + 1 } else { hi = mid }
            }
            return lo < codes.count && codes[lo] == code
        }
    }

    private static let blockCodes: [UInt128] = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ].map { $0.utf8.reduce(UInt128(0)) { $0 << 8 | UInt128($1) } }.sorted()

    /// Whether `name` is an element whose blank runs are content: `listing`, `plaintext`, `pre`, `textarea`, `xmp`
    /// (HTML's `pre`-like elements and the RCDATA/raw-text ones that libxml2 parses as text). Most tags are rejected by
    /// their length and first letter alone.
    @inline(__always)
    private static func keepsBlanks(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first else { return false }
        switch (name.count, first | 0x20) {
        case (3, 0x70): return equalsLowercased(name, pre)
        case (3, 0x78): return equalsLowercased(name, xmp)
        case (7, 0x6C): return equalsLowercased(name, listing)
        case (8, 0x74): return equalsLowercased(name, textarea)
        case (9, 0x70): return equalsLowercased(name, plaintext)
        default: return false
        }
    }

    private static let listing: [UInt8] = Array("listing".utf8)
    private static let plaintext: [UInt8] = Array("plaintext".utf8)
    private static let pre: [UInt8] = Array("pre".utf8)
    private static let textarea: [UInt8] = Array("textarea".utf8)
    private static let xmp: [UInt8] = Array("xmp".utf8)
    private static let script: [UInt8] = Array("script".utf8)
    private static let style: [UInt8] = Array("style".utf8)

    /// After a start tag's name: the index of its `>` and whether it is `/>`; nil when libxml2 would read past it
    /// differently (unterminated).
    private static func endOfStartTag(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        let n = b.count
        var j = start
        while true {
            while j < n, isBlank(b[j]) { j += 1 }
            guard j < n else { return nil }
            let c = b[j]
            if c == 0x3E { return (j, false) }
            if c == 0x2F, j + 1 < n, b[j + 1] == 0x3E { return (j + 1, true) }
            if isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E {
                let k = j
                while j < n, isNameChar(b[j]) { j += 1 }
                guard j - k < 100 else { return nil }
                while j < n, isBlank(b[j]) { j += 1 }
                guard j < n else { return nil }
                if b[j] == 0x3D {
                    j += 1
                    while j < n, isBlank(b[j]) { j += 1 }
                    guard j < n else { return nil }
                    let quote = b[j]
                    if quote == 0x22 || quote == 0x27 {
                        guard let close = index(of: quote, in: b, from: j + 1) else { return nil }
                        j = close + 1
                    } else {
                        while j < n, !isBlank(b[j]), b[j] != 0x3E { j += 1 }
                    }
                }
            } else {
                // A bogus attribute: up to a blank, '>' or "/>".
                while j < n, !isBlank(b[j]), b[j] != 0x3E, !(b[j] == 0x2F && j + 1 < n && b[j + 1] == 0x3E) { j += 1 }
            }
        }
    }

    /// The index of the `<` of the first `</name` (any case) from `start`, when a blank or `>` follows it.
    private static func endOfRawText(_ b: UnsafeBufferPointer<UInt8>, from start: Int, name: [UInt8]) -> Int? {
        let n = b.count
        var i = start
        while let q = index(of: 0x3C, in: b, from: i) {
            if q + 2 + name.count < n, b[q + 1] == 0x2F,
               equalsLowercased(UnsafeBufferPointer(rebasing: b[(q + 2)..<(q + 2 + name.count)]), name) {
                let after = b[q + 2 + name.count]
                return isBlank(after) || after == 0x3E ? q : nil
            }
            i = q + 1
        }
        return nil
    }

    /// `<!--…-->` or `<!DOCTYPE name [external ID]>`: the index after it; nil for anything else.
    private static func endOfMarkupDeclaration(_ b: UnsafeBufferPointer<UInt8>, at q: Int) -> Int? {
        let n = b.count
        if q + 3 < n, b[q + 2] == 0x2D, b[q + 3] == 0x2D {
            // Abruptly closed comments (<!-->, <!--->) and --!> are read differently across versions.
            let body = q + 4
            guard body < n, b[body] != 0x3E, !(body + 1 < n && b[body] == 0x2D && b[body + 1] == 0x3E) else { return nil }
            var i = body
            while i + 2 < n {
                if b[i] == 0x2D && b[i + 1] == 0x2D {
                    if b[i + 2] == 0x3E { return i + 3 }
                    if b[i + 2] == 0x21 { return nil }
                }
                i += 1
            }
            return nil
        }
        let doctype = Array("doctype".utf8)
        guard q + 2 + doctype.count < n,
              equalsLowercased(UnsafeBufferPointer(rebasing: b[(q + 2)..<(q + 2 + doctype.count)]), doctype) else { return nil }
        var i = q + 2 + doctype.count
        guard isBlank(b[i]) else { return nil }
        while i < n, isBlank(b[i]) { i += 1 }
        let nameStart = i
        while i < n, isLetter(b[i]) { i += 1 }
        guard i > nameStart else { return nil }
        while i < n, isBlank(b[i]) { i += 1 }
        // An external ID, as htmlParseExternalID reads it: `PUBLIC "pubid" ["system"]` or `SYSTEM "system"`, keywords
        // in any case, each literal up to its matching quote (HTML 4 and XHTML pages declare one).
        if i + 6 < n {
            let keyword = UnsafeBufferPointer(rebasing: b[i..<(i + 6)])
            let isPublic = equalsLowercased(keyword, publicID), isSystem = equalsLowercased(keyword, systemID)
            if isPublic || isSystem {
                i += 6
                guard i < n, isBlank(b[i]) else { return nil }
                while i < n, isBlank(b[i]) { i += 1 }
                guard let end = endOfLiteral(b, at: i) else { return nil }
                i = end
                while i < n, isBlank(b[i]) { i += 1 }
                if isPublic, i < n, b[i] == 0x22 || b[i] == 0x27 {
                    guard let end = endOfLiteral(b, at: i) else { return nil }
                    i = end
                    while i < n, isBlank(b[i]) { i += 1 }
                }
            }
        }
        return i < n && b[i] == 0x3E ? i + 1 : nil
    }

    /// A quoted literal starting at `i`: the index after its closing quote; nil when `i` is no quote or it never closes.
    private static func endOfLiteral(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i < b.count, b[i] == 0x22 || b[i] == 0x27, let close = index(of: b[i], in: b, from: i + 1) else { return nil }
        return close + 1
    }

    private static let publicID: [UInt8] = Array("public".utf8)
    private static let systemID: [UInt8] = Array("system".utf8)

    /// Strict UTF-8 (no overlong forms, surrogates or values above U+10FFFF) in `b[from..<to]`.
    static func validUTF8(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard let base = b.baseAddress else { return from == to }
        var i = from
        while i < to {
            while i + 8 <= to, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < to else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard let (len, lo, hi) = UTF8Lead.sequence(c) else { return false }
            guard i + len <= to, b[i + 1] >= lo, b[i + 1] <= hi else { return false }
            for k in 2..<len where b[i + k] & 0xC0 != 0x80 { return false }
            i += len
        }
        return true
    }

    private static func containsNUL(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var i = 0
        let n = b.count
        while i + 8 <= n {
            if SWAR.hasZero(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { return true }
            i += 8
        }
        while i < n { if b[i] == 0 { return true }; i += 1 }
        return false
    }

    /// The first `byte` at or after `from` (eight bytes at a time).
    @inline(__always)
    private static func index(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        var i = from
        let n = b.count
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        while i + 8 <= n, !SWAR.hasZero(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern) { i += 8 }
        while i < n { if b[i] == byte { return i }; i += 1 }
        return nil
    }

    @inline(__always)
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    @inline(__always)
    private static func isNameChar(_ c: UInt8) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E
    }

    @inline(__always)
    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    @inline(__always)
    private static func equalsLowercased(_ s: UnsafeBufferPointer<UInt8>, _ lower: [UInt8]) -> Bool {
        guard s.count == lower.count else { return false }
        for k in 0..<s.count where (s[k] >= 0x41 && s[k] <= 0x5A ? s[k] | 0x20 : s[k]) != lower[k] { return false }
        return true
    }
}
