/// Text measures the extractor scores with, and plain-text rendering of a subtree.
enum NodeText {
    /// Inline elements: they continue the current line; everything else starts a new block.
    static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    ]

    /// Whether `n` continues the current line: an inline element with no block element inside (Naver wraps photo
    /// blocks in a `<span>`).
    static func isInline(_ n: HTMLNode) -> Bool {
        guard inline.contains(n.name) else { return false }
        var c = n.firstChild
        while let child = c {
            if child.isElement, child.name != "br", !isInline(child) { return false }
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

    /// Commas and sentence ends, the readability signal for "this is prose".
    static func commas(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where u == "," || u == "，" || u == "、" || u == "。" { n += 1 }
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
