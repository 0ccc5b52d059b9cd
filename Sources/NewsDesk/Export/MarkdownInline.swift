import Foundation

/// Inline rendering for `MarkdownConverter`: collapses whitespace like a browser and escapes text.
struct MarkdownInline {
    /// How a `<br>` is written: a hard break (`\` + newline), a space (headings) or `<br>` (table cells).
    enum Breaks { case hard, space, html }

    private var out = ""
    private var pendingSpace = false
    /// Whitespace seen before any content (emphasis and links move it outside their delimiters).
    private var leadingSpace = false
    /// True while nothing but markup-free whitespace has been written on the current line.
    private var atLineStart: Bool
    private let breaks: Breaks

    private init(lineStart: Bool, breaks: Breaks) {
        atLineStart = lineStart
        self.breaks = breaks
    }

    /// Renders inline nodes to one paragraph's Markdown (trimmed).
    static func render(_ nodes: [HTMLNode], lineStart: Bool, breaks: Breaks = .hard) -> String {
        var r = MarkdownInline(lineStart: lineStart, breaks: breaks)
        for n in nodes { r.node(n) }
        return r.finish()
    }

    private mutating func finish() -> String {
        // A trailing hard break means nothing at the end of a paragraph.
        while out.hasSuffix("\\\n") { out.removeLast(2) }
        return out
    }

    // MARK: Nodes

    private mutating func node(_ n: HTMLNode) {
        if n.isText { text(n.textContent); return }
        guard n.isElement else { return }
        let name = n.name
        if MarkdownBlocks.skipped.contains(name) { return }
        switch name {
        case "br":
            switch breaks {
            case .hard: if !out.isEmpty { out += "\\\n"; atLineStart = true }
            case .space: pendingSpace = !out.isEmpty
            case .html: if !out.isEmpty { out += "<br>" }
            }
            pendingSpace = breaks == .space && !out.isEmpty
        case "strong", "b":
            wrap(n.children, open: "**", close: "**", htmlTag: "strong")
        case "em", "i", "cite", "dfn", "var":
            wrap(n.children, open: "*", close: "*", htmlTag: "em")
        case "del", "s", "strike":
            wrap(n.children, open: "~~", close: "~~", htmlTag: "del")
        case "sup", "sub", "ins", "mark", "u", "small", "kbd", "abbr":
            // No Markdown form: keep the element as inline HTML around the escaped text.
            let tag = name == "u" ? "ins" : name
            let inner = Self.render(n.children, lineStart: false, breaks: breaks)
            if name == "small" || name == "abbr" { raw(inner); return }
            if !inner.isEmpty { raw("<\(tag)>" + inner + "</\(tag)>") }
        case "code", "tt", "samp":
            codeSpan(n.textContent)
        case "q":
            let inner = Self.render(n.children, lineStart: false, breaks: breaks)
            raw("\u{201C}" + inner + "\u{201D}")
        case "a":
            link(n)
        case "img":
            image(n)
        case "video", "audio", "iframe", "source":
            let src = n.attribute("src") ?? n.firstChild(named: "source")?.attribute("src") ?? ""
            guard !src.isEmpty else { return }
            let label = name == "iframe" ? (n.attribute("title") ?? "embed") : name
            raw("[" + Self.escape(label, lineStart: false) + "](" + Self.destination(src) + ")")
        default:
            if MarkdownBlocks.isBlock(n) {
                // A block inside inline context (a <div> in a <td>): keep it on the line, separated by a space.
                pendingSpace = !out.isEmpty
                for c in n.children { node(c) }
                pendingSpace = !out.isEmpty
            } else {
                for c in n.children { node(c) }
            }
        }
    }

    // MARK: Text

    private mutating func text(_ s: String) {
        var word = ""
        func flushWord(_ r: inout MarkdownInline) {
            guard !word.isEmpty else { return }
            r.raw(Self.escape(word, lineStart: r.atLineStart))
            word = ""
        }
        for ch in s {
            if ch.isWhitespace && ch != "\u{00A0}" {
                flushWord(&self)
                if out.isEmpty { leadingSpace = true }
                if !out.isEmpty && !atLineStartAfterBreak { pendingSpace = true }
            } else {
                word.append(ch)
            }
        }
        flushWord(&self)
    }

    private var atLineStartAfterBreak: Bool { out.hasSuffix("\n") }

    /// Appends already-escaped Markdown, emitting a pending space first.
    private mutating func raw(_ s: String) {
        guard !s.isEmpty else { return }
        if pendingSpace && !out.isEmpty && !out.hasSuffix("\n") { out += " " }
        pendingSpace = false
        out += s
        atLineStart = false
    }

    /// Escapes text so it reads back as itself.
    static func escape(_ s: String, lineStart: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 4)
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "<":
                out.append("\\"); out.append(ch)
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                out.append("\\!")
            case "&" where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "#") && chars[i + 1].isASCII:
                out.append("\\&")
            default:
                out.append(ch)
            }
        }
        if lineStart, let first = chars.first {
            if "-+=>".contains(first) {
                out.insert("\\", at: out.startIndex)
            } else if first.isASCII && first.isNumber {
                // "2026. 11. 29" or "1) …" would start an ordered list.
                var idx = 0
                while idx < chars.count, chars[idx].isASCII, chars[idx].isNumber { idx += 1 }
                if idx < chars.count, chars[idx] == "." || chars[idx] == ")" {
                    var escaped = String(chars[..<idx]) + "\\" + String(chars[idx])
                    escaped += escape(String(chars[(idx + 1)...]), lineStart: false)
                    return escaped
                }
            }
        }
        return out
    }

    // MARK: Inline markup

    /// Emphasis: leading and trailing spaces move outside the delimiters; content that starts or ends with
    /// punctuation uses the HTML tag instead (CommonMark flanking rules).
    private mutating func wrap(_ children: [HTMLNode], open: String, close: String, htmlTag: String) {
        var inner = MarkdownInline(lineStart: false, breaks: breaks)
        for c in children { inner.node(c) }
        let leading = inner.leadingSpace
        let content = inner.finish()
        let trailing = inner.pendingSpace
        guard !content.isEmpty else { if leading || trailing { pendingSpace = !out.isEmpty }; return }
        if leading { pendingSpace = !out.isEmpty }
        let punctuationEdge = Self.isPunctuation(content.first) || Self.isPunctuation(content.last)
        if punctuationEdge || content.contains("\n") && open == "~~" {
            raw("<\(htmlTag)>" + content + "</\(htmlTag)>")
        } else {
            raw(open + content + close)
        }
        if trailing { pendingSpace = true }
    }

    static func strong(_ content: String) -> String {
        isPunctuation(content.first) || isPunctuation(content.last) ? "<strong>" + content + "</strong>" : "**" + content + "**"
    }

    private static func isPunctuation(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isPunctuation || c.isSymbol || c == "\\"
    }

    private mutating func codeSpan(_ s: String) {
        let text = s.replacingOccurrences(of: "\n", with: " ")
        guard !text.isEmpty else { return }
        var longest = 0, run = 0
        for ch in text { if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ") && text.contains { $0 != " " })
        raw(fence + (pad ? " " : "") + text + (pad ? " " : "") + fence)
    }

    private mutating func link(_ a: HTMLNode) {
        let href = a.attribute("href")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var inner = MarkdownInline(lineStart: false, breaks: breaks == .hard ? .space : breaks)
        for c in a.children { inner.node(c) }
        let leading = inner.leadingSpace
        let label = inner.finish()
        let trailing = inner.pendingSpace
        if leading { pendingSpace = !out.isEmpty }
        guard !href.isEmpty, !href.hasPrefix("#") || href.count > 1 else {
            raw(label)
            if trailing { pendingSpace = true }
            return
        }
        let text = label.isEmpty ? Self.escape(href, lineStart: false) : label
        protectBang()
        var s = "[" + text + "](" + Self.destination(href)
        if let title = a.attribute("title"), !title.isEmpty { s += " \"" + Self.titleEscape(title) + "\"" }
        raw(s + ")")
        if trailing { pendingSpace = true }
    }

    private mutating func image(_ img: HTMLNode) {
        guard let src = img.attribute("src")?.trimmingCharacters(in: .whitespacesAndNewlines), !src.isEmpty else { return }
        let alt = (img.attribute("alt") ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var s = "![" + Self.escape(alt, lineStart: false) + "](" + Self.destination(src)
        if let title = img.attribute("title"), !title.isEmpty { s += " \"" + Self.titleEscape(title) + "\"" }
        raw(s + ")")
    }

    /// A literal `!` right before a link would turn it into an image.
    private mutating func protectBang() {
        if !pendingSpace, out.hasSuffix("!"), !out.hasSuffix("\\!") {
            out.removeLast()
            out += "\\!"
        }
    }

    /// A link destination: spaces and controls percent-encoded; `(`, `)`, `<`, `>` and `\` backslash-escaped.
    static func destination(_ url: String) -> String {
        var out = ""
        for sc in url.unicodeScalars {
            switch sc {
            case " ": out += "%20"
            case "(", ")", "<", ">", "\\": out += "\\" + String(sc)
            default:
                if sc.value < 0x20 || sc.value == 0x7F {
                    out += String(format: "%%%02X", sc.value)
                } else {
                    out.unicodeScalars.append(sc)
                }
            }
        }
        return out.isEmpty ? "<>" : out
    }

    static func titleEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
