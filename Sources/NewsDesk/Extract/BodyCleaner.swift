import Foundation

/// Cleans the chosen article nodes: drops junk elements, link-heavy and negatively named boxes (related lists, share
/// bars, ads), title headings, and boilerplate lines (copyright, tips, promotions, photo credits, signatures), and
/// strips the dateline prefix. What those lines say is returned, not thrown away.
struct BodyCleaner {
    /// What the line pass found.
    struct Findings {
        var attribution: String?
        var byline = Byline()
    }

    /// Removes `junkTags` and comments everywhere below `root`; with `unlikely`, also containers named like chrome.
    static func stripJunk(_ root: HTMLNode, unlikely: Bool) {
        func walk(_ n: HTMLNode) {
            var c = n.firstChild
            while let child = c {
                let next = child.next
                if child.kind == .comment {
                    child.remove()
                } else if child.isElement {
                    let name = child.name
                    if ContentScorer.junkTags.contains(name) || (unlikely && (name == "header"
                        || (name != "body" && name != "article" && name != "main" && ClassWeights.isUnlikely(ClassWeights.names(child))))) {
                        child.remove()
                    } else {
                        walk(child)
                    }
                }
                c = next
            }
        }
        walk(root)
    }

    /// Removes boxes inside the content that are not article text (readability's "conditional cleaning").
    static func conditionalClean(_ root: HTMLNode, title: String?) {
        let boxes: Set<String> = ["div", "section", "ul", "ol", "table", "dl", "p", "span", "h1", "h2", "h3", "h4", "h5", "h6"]
        // Bottom-up, so an inner box is judged before its container.
        for el in root.descendants().reversed() {
            let name = el.name
            guard boxes.contains(name) else { continue }
            let text = el.textContent
            let w = NodeText.weight(text)
            let hasMedia = !el.descendants(where: { $0.hasName("img") || $0.hasName("iframe") || $0.hasName("video") || $0.hasName("figure") }).isEmpty
            if name.count == 2, name.hasPrefix("h") {
                let t = PageMetadata.clean(text) ?? ""
                if name == "h1" || (title != nil && t == title) { el.remove() }
                continue
            }
            if w == 0 && !hasMedia {
                if name != "p" && name != "span" && el.descendants(where: { $0.hasName("br") }).isEmpty { el.remove() }
                continue
            }
            if name == "p" || name == "span" { continue }
            let names = ClassWeights.names(el)
            if ClassWeights.weight(names) < 0 && !(hasMedia && w < 200) { el.remove(); continue }
            var links = 0.0
            for a in el.descendants(where: { $0.hasName("a") }) { links += NodeText.weight(a.textContent) }
            let density = w > 0 ? links / w : 0
            if density > 0.5 || (density > 0.3 && w < 300) || ((name == "ul" || name == "ol") && density > 0.25) {
                el.remove()
            }
        }
    }

    /// The line pass: classifies every paragraph and `<br>`-separated run, removes boilerplate, strips the dateline.
    static func scrub(_ roots: [HTMLNode]) -> Findings {
        var f = Findings()
        var sawText = false
        for r in roots { scrubBlock(r, &f, &sawText) }
        return f
    }

    private static func scrubBlock(_ el: HTMLNode, _ f: inout Findings, _ sawText: inout Bool) {
        var run: [HTMLNode] = []
        func close() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            let text = run.map { $0.textContent }.joined()
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            if !sawText {
                sawText = true
                if let d = KoreanByline.dateline(text) {
                    f.byline = KoreanByline.merge(f.byline, d.byline)
                    strip(utf16: d.length, from: run)
                    if let rest = KoreanByline.parse(text), !rest.emails.isEmpty { f.byline = KoreanByline.merge(f.byline, rest) }
                    return
                }
            }
            guard let kind = BoilerplateLines.classify(trimmed) else { return }
            switch kind {
            case .copyright: if f.attribution == nil { f.attribution = PageMetadata.clean(trimmed) }
            case .signature: if let b = KoreanByline.parse(trimmed) { f.byline = KoreanByline.merge(f.byline, b) }
            case .tip, .promo, .photoCredit: break
            }
            for n in run { n.remove() }
        }
        var c = el.firstChild
        while let n = c {
            let next = n.next
            if n.isText || (n.isElement && NodeText.inline.contains(n.name)) {
                run.append(n)
            } else if n.isElement {
                close()
                if n.name != "br" && n.name != "figure" { scrubBlock(n, &f, &sawText) }
            }
            c = next
        }
        close()
    }

    /// Removes the first `count` UTF-16 units of text from the text nodes of `run`, in document order.
    private static func strip(utf16 count: Int, from run: [HTMLNode]) {
        var left = count
        func texts(_ n: HTMLNode) -> [HTMLNode] {
            if n.isText { return [n] }
            return n.children.flatMap(texts)
        }
        for t in run.flatMap(texts) where left > 0 {
            let s = t.textContent
            let u = s.utf16.count
            if u <= left { t.setText(""); left -= u } else {
                let idx = s.utf16.index(s.utf16.startIndex, offsetBy: left)
                t.setText(String(s[idx...]))
                left = 0
            }
        }
    }
}
