import Foundation

/// Converts the sanitizer's clean HTML fragment into CommonMark with the GFM table and strikethrough
/// extensions.
///
/// Block structure is kept (headings, paragraphs, block quotes, nested ordered and unordered lists, tables,
/// fenced code, figures with captions, rules); inline markup becomes `**`, `*`, `~~`, code spans, links and
/// images. Text is escaped so that it reads back as the same text: `\ * _ [ ] ` # | ~ <` always, `!` before
/// a link, and line-start markers (`-`, `+`, `=`, `>`, `1.`). Emphasis whose content begins or ends with
/// punctuation is written as `<strong>`/`<em>`, because CommonMark's flanking rules would not close `**` in
/// `**“인용”**이라고`. Korean and other non-ASCII text is never touched.
struct MarkdownConverter: Sendable {
    public init() {}

    /// The Markdown for an HTML fragment (no front matter), ending without a trailing newline.
    public func convert(html: String) throws(ExportError) -> String {
        let doc: HTMLDocument
        do { doc = try HTMLDocument(html: "<html><body>" + html + "</body></html>") } catch {
            throw .unreadableHTML("\(error)")
        }
        guard let body = doc.body else { return "" }
        return MarkdownBlocks.render(children: body.children).joined(separator: "\n\n")
    }
}

/// Block-level rendering: each function returns finished Markdown blocks (no surrounding blank lines).
enum MarkdownBlocks {
    static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "video", "audio", "iframe",
    ]
    /// Elements whose content is never text of the article.
    static let skipped: Set<String> = ["script", "style", "template", "noscript", "head", "title", "meta", "link", "button", "input", "select", "textarea"]

    static func isBlock(_ n: HTMLNode) -> Bool { n.isElement && blockNames.contains(n.name) }

    /// Renders a node list: runs of inline nodes become paragraphs, block elements render themselves.
    static func render(children: [HTMLNode]) -> [String] {
        var blocks: [String] = []
        var run: [HTMLNode] = []
        func flush() {
            guard !run.isEmpty else { return }
            let p = MarkdownInline.render(run, lineStart: true)
            if !p.isEmpty { blocks.append(p) }
            run.removeAll()
        }
        for c in children {
            if c.isElement && skipped.contains(c.name) { continue }
            if c.kind == .comment || c.kind == .other { continue }
            if isBlock(c) {
                flush()
                blocks.append(contentsOf: render(block: c))
            } else {
                run.append(c)
            }
        }
        flush()
        return blocks
    }

    static func render(block n: HTMLNode) -> [String] {
        switch n.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(n.name.dropFirst()) ?? 1
            let text = MarkdownInline.render(n.children, lineStart: false, breaks: .space)
            return text.isEmpty ? [] : [String(repeating: "#", count: level) + " " + text]
        case "p", "summary", "dt":
            let text = MarkdownInline.render(n.children, lineStart: true)
            if n.name == "dt", !text.isEmpty { return [MarkdownInline.strong(text)] }
            // A <p> holding block children (invalid HTML that libxml2 may leave) falls through to containers.
            if n.children.contains(where: isBlock) { return render(children: n.children) }
            return text.isEmpty ? [] : [text]
        case "hr":
            return ["* * *"]
        case "blockquote":
            let inner = render(children: n.children).joined(separator: "\n\n")
            guard !inner.isEmpty else { return [] }
            return [inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")]
        case "ul", "ol":
            let list = renderList(n)
            return list.isEmpty ? [] : [list]
        case "pre":
            return [renderPre(n)]
        case "table":
            return renderTable(n)
        case "figure":
            // The picture (or whatever it holds) first, the caption as its own paragraph after it.
            var blocks: [String] = []
            var caption: [String] = []
            for c in n.children {
                if c.isElement && c.name == "figcaption" {
                    let t = MarkdownInline.render(c.children, lineStart: true)
                    if !t.isEmpty { caption.append(t) }
                }
            }
            blocks = render(children: n.children.filter { !($0.isElement && $0.name == "figcaption") })
            return blocks + caption
        case "figcaption":
            let t = MarkdownInline.render(n.children, lineStart: true)
            return t.isEmpty ? [] : [t]
        case "video", "audio", "iframe":
            let link = MarkdownInline.render([n], lineStart: true)
            return link.isEmpty ? [] : [link]
        default:
            return render(children: n.children)
        }
    }

    static func renderList(_ list: HTMLNode) -> String {
        let ordered = list.name == "ol"
        var number = Int(list.attribute("start")?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1
        var items: [String] = []
        for item in list.children {
            // Text or inline elements directly inside <ul> are treated as an item of their own.
            if !item.isElement {
                if item.isText, !item.textContent.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    items.append(listItem(marker: ordered ? "\(number). " : "- ", blocks: [MarkdownInline.render([item], lineStart: false)]))
                    number += 1
                }
                continue
            }
            if item.name == "ul" || item.name == "ol" {
                // A list nested directly in a list (no <li>): indent it under the previous item.
                let nested = renderList(item)
                if let last = items.popLast() {
                    items.append(last + "\n" + indent(nested, by: 2))
                } else if !nested.isEmpty {
                    items.append(nested)
                }
                continue
            }
            let marker = ordered ? "\(number). " : "- "
            number += 1
            let blocks = item.name == "li" ? renderListItemBlocks(item) : render(children: [item])
            items.append(listItem(marker: marker, blocks: blocks))
        }
        return items.joined(separator: "\n")
    }

    /// The blocks of an `<li>`; a nested list follows the text on the next line (keeping the list tight).
    static func renderListItemBlocks(_ li: HTMLNode) -> [String] {
        var parts: [(text: String, isList: Bool)] = []
        var run: [HTMLNode] = []
        func flush() {
            guard !run.isEmpty else { return }
            let t = MarkdownInline.render(run, lineStart: true)
            if !t.isEmpty { parts.append((t, false)) }
            run.removeAll()
        }
        for c in li.children {
            if c.isElement && skipped.contains(c.name) { continue }
            if isBlock(c) {
                flush()
                let isList = c.name == "ul" || c.name == "ol"
                for b in render(block: c) { parts.append((b, isList)) }
            } else if c.isText || c.isElement {
                run.append(c)
            }
        }
        flush()
        // Join: a list right after text needs only a newline; other blocks are separated by a blank line.
        var out: [String] = []
        for (i, p) in parts.enumerated() {
            if i > 0, p.isList, var prev = out.popLast() {
                prev += "\n" + p.text
                out.append(prev)
            } else {
                out.append(p.text)
            }
        }
        return out
    }

    static func listItem(marker: String, blocks: [String]) -> String {
        let body = blocks.joined(separator: "\n\n")
        if body.isEmpty { return marker.trimmingCharacters(in: .whitespaces) }
        let width = marker.count
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = marker + lines[0]
        for i in 1..<lines.count where !lines[i].isEmpty {
            lines[i] = String(repeating: " ", count: width) + lines[i]
        }
        return lines.joined(separator: "\n")
    }

    static func indent(_ s: String, by n: Int) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : String(repeating: " ", count: n) + $0 }.joined(separator: "\n")
    }

    static func renderPre(_ pre: HTMLNode) -> String {
        var code = pre.textContent
        var language = ""
        if let c = pre.elementChildren.first(where: { $0.name == "code" }), let cls = c.attribute("class") ?? pre.attribute("class") {
            for token in cls.split(separator: " ") {
                for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) {
                    language = String(token.dropFirst(prefix.count)).filter { $0.isLetter || $0.isNumber || "+-#._".contains($0) }
                }
            }
        }
        if code.hasSuffix("\n") { code.removeLast() }
        var longest = 0, run = 0
        for ch in code { if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + code + "\n" + fence
    }

    static func renderTable(_ table: HTMLNode) -> [String] {
        var rows: [[String]] = []
        var headerRows = 0
        var aligns: [String?] = []
        func collect(_ node: HTMLNode, inHead: Bool) {
            for c in node.elementChildren {
                switch c.name {
                case "thead": collect(c, inHead: true)
                case "tbody", "tfoot": collect(c, inHead: false)
                case "tr":
                    var cells: [String] = []
                    var allTH = true
                    for cell in c.elementChildren where cell.name == "td" || cell.name == "th" {
                        if cell.name != "th" { allTH = false }
                        if rows.isEmpty { aligns.append(cell.attribute("align")?.lowercased()) }
                        cells.append(tableCell(cell))
                        let span = Int(cell.attribute("colspan") ?? "") ?? 1
                        if span > 1 { cells.append(contentsOf: Array(repeating: "", count: min(span, 50) - 1)) }
                    }
                    if rows.count == headerRows && (inHead || (allTH && !cells.isEmpty)) { headerRows += 1 }
                    rows.append(cells)
                case "caption": break
                default: break
                }
            }
        }
        collect(table, inHead: false)
        guard !rows.isEmpty else { return [] }
        var caption: [String] = []
        if let cap = table.elementChildren.first(where: { $0.name == "caption" }) {
            let t = MarkdownInline.render(cap.children, lineStart: true)
            if !t.isEmpty { caption.append(t) }
        }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return caption }
        // GFM needs exactly one header row: the first row (or an empty one when the table has no header).
        let header: [String]
        var body: ArraySlice<[String]>
        if headerRows > 0 {
            header = rows[0]
            body = rows.dropFirst()
        } else {
            header = Array(repeating: "", count: columns)
            body = rows[...]
        }
        // Further header rows (a second <thead> row) become ordinary rows.
        if body.isEmpty { body = [] }
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: columns - cells.count)
            return "| " + padded.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
        }
        var sep: [String] = []
        for i in 0..<columns {
            switch i < aligns.count ? aligns[i] : nil {
            case "left": sep.append(":---")
            case "center": sep.append(":---:")
            case "right": sep.append("---:")
            default: sep.append("---")
            }
        }
        var out = [line(header), "| " + sep.joined(separator: " | ") + " |"]
        out.append(contentsOf: body.map(line))
        return caption + [out.joined(separator: "\n")]
    }

    /// A table cell on one line: block boundaries and `<br>` become `<br>`; `|` is escaped by the text escaper.
    static func tableCell(_ cell: HTMLNode) -> String {
        if cell.children.contains(where: isBlock) {
            return render(children: cell.children)
                .map { $0.replacingOccurrences(of: "\n", with: "<br>") }
                .joined(separator: "<br>")
        }
        return MarkdownInline.render(cell.children, lineStart: false, breaks: .html)
    }
}
