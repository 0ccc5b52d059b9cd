/// Text measures the extractor scores with, and plain-text rendering of a subtree.
enum NodeText {
    /// Inline elements: they continue the current line; everything else starts a new block. Matched on libxml2's bytes.
    static let inline = TagNames([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    ])

    /// Whether `n` continues the current line: an inline element with no block element inside (Naver wraps photo
    /// blocks in a `<span>`).
    static func isInline(_ n: HTMLNode) -> Bool {
        guard inline.contains(n) else { return false }
        var c = n.firstChild
        while let child = c {
            if child.isElement, !child.hasName("br"), !isInline(child) { return false }
            c = child.next
        }
        return true
    }

    /// Length weighted for script density: a Hangul or CJK character says about as much as 2.5 Latin letters.
    /// Whitespace does not count.
    static func weight(_ s: String) -> Double {
        var latin = 0, cjk = 0
        for u in s.unicodeScalars {
            let v = u.value
            if v <= 0x20 || v == 0xA0 { continue }
            if (0xAC00...0xD7A3).contains(v) || (0x3130...0x318F).contains(v) || (0x4E00...0x9FFF).contains(v)
                || (0x3040...0x30FF).contains(v) { cjk += 1 } else { latin += 1 }
        }
        return Double(latin) + 2.5 * Double(cjk)
    }

    /// The first `bytes` bytes (at least) of the text of `nodes`, in document order: what `textContent` joined would
    /// start with, without copying the rest (the language guess reads 4,000 characters at most).
    static func leadingText(of nodes: [HTMLNode], bytes limit: Int) -> String {
        var out: [UInt8] = []
        for root in nodes where out.count < limit {
            if root.isText { root.withTextBytes { out.append(contentsOf: $0) }; continue }
            root.traverse(enter: { n in
                if out.count >= limit { return false }
                if n.isText { n.withTextBytes { out.append(contentsOf: $0) } }
                return n.isElement
            })
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the text of `node` (its content, or its descendants' text and CDATA in document order: what
    /// `textContent` gives) to `out`, read in place.
    static func appendText(of node: HTMLNode, to out: inout [UInt8]) {
        func walk(_ n: NodeRef) {
            var c = n.firstChild
            while let child = c {
                if child.isText { child.withTextBytes { out.append(contentsOf: $0) } } else if child.isElement { walk(child) }
                c = child.next
            }
        }
        let ref = NodeRef(node)
        if ref.isText { ref.withTextBytes { out.append(contentsOf: $0) } } else { walk(ref) }
    }

    /// How many bytes at each end of the UTF-8 text `b` are blank as `String.trimmed` counts blanks (U+0000–U+0020,
    /// U+00A0, U+3000, U+FEFF); `leading` is `b.count` when all of it is.
    static func blankEnds(_ b: [UInt8]) -> (leading: Int, trailing: Int) {
        func blank(at i: Int) -> Int {
            if b[i] <= 0x20 { return 1 }
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
            if b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
            if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
            return 0
        }
        func blank(endingAt e: Int) -> Int {
            if b[e - 1] <= 0x20 { return 1 }
            if e >= 2, b[e - 2] == 0xC2, b[e - 1] == 0xA0 { return 2 }
            if e >= 3, b[e - 3] == 0xE3, b[e - 2] == 0x80, b[e - 1] == 0x80 { return 3 }
            if e >= 3, b[e - 3] == 0xEF, b[e - 2] == 0xBB, b[e - 1] == 0xBF { return 3 }
            return 0
        }
        var lo = 0
        while lo < b.count { let k = blank(at: lo); if k == 0 { break }; lo += k }
        if lo == b.count { return (b.count, 0) }
        var hi = b.count
        while hi > lo { let k = blank(endingAt: hi); if k == 0 { break }; hi -= k }
        return (lo, b.count - hi)
    }

    /// `weight` of UTF-8 bytes, read in place: the same answer without decoding into a String.
    static func weight(utf8 b: UnsafeBufferPointer<UInt8>) -> Double {
        var latin = 0, cjk = 0
        let n = b.count
        var i = 0
        guard let base = b.baseAddress else { return 0 }
        while i < n {
            // Eight ASCII bytes at a time: each byte of at least 0x21 gets its high bit from adding 0x5F (no carry
            // between bytes below 0x80), and those bits are counted.
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    latin += ((w &+ 0x5F5F_5F5F_5F5F_5F5F) & 0x8080_8080_8080_8080).nonzeroBitCount
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c > 0x20 { latin += 1 }
                i += 1
                continue
            }
            // A lead byte: decode the scalar (invalid bytes count as one Latin letter each, as U+FFFD would).
            var v: UInt32 = 0, len = 1
            if c & 0xE0 == 0xC0, i + 1 < n { v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); len = 2 }
            else if c & 0xF0 == 0xE0, i + 2 < n { v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); len = 3 }
            else if c & 0xF8 == 0xF0, i + 3 < n { v = 0x10000; len = 4 }
            else { v = 0xFFFD }
            i += len
            if v == 0xA0 { continue }
            if (0xAC00...0xD7A3).contains(v) || (0x3130...0x318F).contains(v) || (0x4E00...0x9FFF).contains(v) || (0x3040...0x30FF).contains(v) {
                cjk += 1
            } else { latin += 1 }
        }
        return Double(latin) + 2.5 * Double(cjk)
    }

    /// The text weight below `root` and the part of it inside links, skipping junk tags and hidden elements (what
    /// `stripJunk` would have removed). One walk, no copies.
    static func visibleWeight(_ root: HTMLNode) -> (weight: Double, links: Double) {
        var weight = 0.0, links = 0.0
        func walk(_ n: NodeRef, inLink: Bool) {
            var c = n.firstChild
            while let child = c {
                if child.isText {
                    let w = child.withTextBytes(NodeText.weight(utf8:))
                    weight += w
                    if inLink { links += w }
                } else if child.isElement, !ContentScorer.junkTagNames.contains(child), !child.withCommonAttributes(HiddenElements.isHidden) {
                    walk(child, inLink: inLink || child.hasName("a"))
                }
                c = child.next
            }
        }
        walk(NodeRef(root), inLink: false)
        return (weight, links)
    }

    /// Commas and sentence ends below `node` (the readability signal for "this is prose"), counted on libxml2's bytes:
    /// `,` and the UTF-8 of `，` `、` `。`.
    static func commas(_ node: HTMLNode) -> Int {
        var n = 0
        if node.isText { return node.withTextBytes(commas(utf8:)) }
        node.traverse(enter: { t in
            if t.isText { n += t.withTextBytes(commas(utf8:)); return false }
            return t.isElement
        })
        return n
    }

    /// `commas` of UTF-8 bytes: `,` and the UTF-8 of `，` `、` `。`.
    static func commas(utf8 b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        let c = b.count
        var i = 0
        while i < c {
            let x = b[i]
            if x == 0x2C { n += 1 } else if x == 0xEF, i + 2 < c, b[i + 1] == 0xBC, b[i + 2] == 0x8C { n += 1; i += 2 }
            else if x == 0xE3, i + 2 < c, b[i + 1] == 0x80, b[i + 2] == 0x81 || b[i + 2] == 0x82 { n += 1; i += 2 }
            i += 1
        }
        return n
    }

    /// The subtree as plain text: blocks and `<br>` start new lines, whitespace collapsed, blank lines dropped.
    /// Captions (`figcaption`) are not prose and are left out: they are `ExtractedArticle.captions` (docs/extract.md).
    static func render(_ node: HTMLNode, captions: Bool = false) -> String {
        var lines: [String] = []
        var cur = ""
        func flush() {
            let t = cur.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" })
                .joined(separator: " ")
            if !t.isEmpty { lines.append(t) }
            cur = ""
        }
        func walk(_ n: HTMLNode) {
            var c = n.firstChild
            while let child = c {
                if child.isText {
                    cur += child.textContent
                } else if child.isElement {
                    let name = child.name
                    if name == "br" { flush() } else if name == "script" || name == "style" || name == "template" || (name == "figcaption" && !captions) {
                    } else if isInline(child) { walk(child) } else { flush(); walk(child); flush() }
                }
                c = child.next
            }
        }
        walk(node)
        flush()
        return lines.joined(separator: "\n")
    }
}
