import Foundation

/// Nodes taken out of a tree (`HTMLNode.detach`), in the order they were taken: `restore` puts them all back,
/// `discard` frees them; whichever runs first empties the log (and `deinit` discards what is left).
final class DetachedNodes {
    private var entries: [(node: HTMLNode, placeholder: HTMLNode)] = []

    /// Takes `node` out of the tree; frees it when no placeholder can be made.
    func detach(_ node: HTMLNode) {
        if let placeholder = node.detach() { entries.append((node, placeholder)) } else { node.remove() }
    }

    /// Puts every node back where it was (last taken, first restored).
    func restore() {
        for e in entries.reversed() { e.node.putBack(replacing: e.placeholder) }
        entries = []
    }

    /// Frees the nodes and removes their placeholders.
    func discard() {
        for e in entries {
            e.placeholder.remove()
            e.node.free()
        }
        entries = []
    }

    deinit { discard() }
}

/// Cleans the chosen article nodes: drops junk elements, link-heavy and negatively named boxes (related lists, share
/// bars, ads), title headings, and boilerplate lines (copyright, tips, promotions, photo credits, signatures), and
/// strips the dateline prefix. What those lines say is returned, not thrown away.
struct BodyCleaner {
    /// What the line pass found.
    struct Findings {
        var attribution: String?
        var byline = Byline()
    }

    /// Removes `junkTags`, comments and hidden elements (`HiddenElements`) everywhere below `root`; with `unlikely`,
    /// also containers named like chrome. Returns the text weight (and the link part of it) of the chrome-named
    /// containers removed, which the cascade adds back to measure the page's visible text without a second pass.
    /// With `detaching`, the chrome-named containers are taken out (`HTMLNode.detach`) into that log instead of freed,
    /// so the cascade can put them back instead of parsing the page again.
    @discardableResult
    static func stripJunk(_ root: HTMLNode, unlikely: Bool, keeping: Set<UnsafeMutableRawPointer> = [],
                          detaching log: DetachedNodes? = nil) -> (weight: Double, links: Double) {
        var removed = (weight: 0.0, links: 0.0)
        func walk(_ n: NodeRef) {
            var c = n.firstChild
            while let ref = c {
                let next = ref.next
                if ref.isComment {
                    ref.node.remove()
                } else if ref.isElement {
                    // One pass over the attributes answers both questions (the name test runs only where it decides).
                    let (hidden, unlikelyName) = ref.withCommonAttributes { a in
                        let hidden = HiddenElements.isHidden(a)
                        let chrome = unlikely && !hidden && !ref.hasName("body") && !ref.hasName("article") && !ref.hasName("main")
                            && !ref.hasName("header") && ClassWeights.isUnlikely(a)
                        return (hidden, chrome)
                    }
                    if ContentScorer.isJunk(ref, hidden: hidden) {
                        ref.node.remove()
                    } else if unlikely && !keeping.contains(ref.identity) && (ref.hasName("header") || unlikelyName) {
                        let child = ref.node
                        let w = NodeText.visibleWeight(child)
                        removed.weight += w.weight
                        removed.links += w.links
                        if let log { log.detach(child) } else { child.remove() }
                    } else {
                        walk(ref)
                    }
                }
                c = next
            }
        }
        walk(NodeRef(root))
        return removed
    }

    /// Removes boxes inside the content that are not article text (readability's "conditional cleaning").
    static func conditionalClean(_ root: HTMLNode, title: String?, stats: NodeStats) {
        // Bottom-up, so an inner box is judged before its container.
        for el in root.descendants().reversed() {
            guard boxTags.contains(el) else { continue }
            let st = stats[el]
            let w = st.weight
            let hasMedia = st.media > 0
            if headingTags.contains(el) {
                // The title repeated as a heading goes; every other heading is part of the article (Medium and
                // Wikipedia write section headings as h1/h2) and stays.
                let t = PageMetadata.clean(el.textContent) ?? ""
                let major = el.hasName("h1") || el.hasName("h2")
                if t.isEmpty || (title.map { t == $0 || (major && similarity(t, $0) >= 0.75) } ?? false) { el.remove() }
                continue
            }
            let inline = el.hasName("p") || el.hasName("span")
            if w == 0 && !hasMedia {
                if !inline && el.descendants(where: { $0.hasName("br") }).isEmpty { el.remove() }
                continue
            }
            if inline { continue }
            let density = stats.linkDensity(el)
            // A negative name (`read-more`, `comment`) does not outweigh what the box holds: three paragraphs of
            // prose with few links are article text (Readability weighs a box's name against its content score too).
            if ClassWeights.weight(el) < 0 && !(hasMedia && w < 200)
                && !(density < 0.2 && w >= 500 && BodyCascade.countParagraphs(el, stats, minimum: 80) >= 3) {
                el.remove(); continue
            }
            // A data table (headers, a caption, or a grid of at least 4 rows × 2 cells) is content however many links
            // it holds (Readability's `_markDataTables`): an infobox, a results table.
            if el.hasName("table") && isDataTable(el) { continue }
            let list = el.hasName("ul") || el.hasName("ol")
            if density > 0.5 || (density > 0.3 && w < 300) || (list && density > 0.25 && w < 600) {
                el.remove()
            }
        }
    }

    /// The boxes `conditionalClean` judges, and the headings among them (matched on libxml2's name bytes).
    static let boxTags = TagNames(["div", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "section", "span", "table", "ul"])
    static let headingTags = TagNames(["h1", "h2", "h3", "h4", "h5", "h6"])

    /// Whether `table` holds data rather than layout: `th`, `thead` or `caption`, or at least 4 rows of 2+ cells, and no
    /// nested table.
    static func isDataTable(_ table: HTMLNode) -> Bool {
        var rows = 0, wideRows = 0, headers = false, nested = false
        table.traverse(enter: { n in
            guard n.isElement else { return false }
            switch n.name {
            case "table": nested = true; return false
            case "th", "thead", "caption": headers = true
            case "tr":
                rows += 1
                if n.elementChildren.filter({ $0.hasName("td") || $0.hasName("th") }).count >= 2 { wideRows += 1 }
            default: break
            }
            return true
        })
        return !nested && (headers || wideRows >= 4)
    }

    /// How much of `a`'s words `b` holds (Readability's `_textSimilarity`: 1 − the share of `b`'s token length
    /// missing from `a`, lowercased).
    static func similarity(_ a: String, _ b: String) -> Double {
        let ta = Set(TokenF1.tokens(a)), tb = TokenF1.tokens(b)
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        let total = tb.reduce(0) { $0 + $1.count }
        let missing = tb.filter { !ta.contains($0) }.reduce(0) { $0 + $1.count }
        return 1 - Double(missing) / Double(max(1, total))
    }

    /// The line pass: classifies every paragraph and `<br>`-separated run, removes boilerplate, strips the dateline.
    static func scrub(_ roots: [HTMLNode]) -> Findings {
        var f = Findings()
        var runsSeen = 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1024)
        for r in roots {
            scrubBlock(r, &f, &runsSeen, &scratch)
            trimBreaks(r)
        }
        return f
    }

    /// Removes `<br>`s and blank text at the start and end of `root` (left behind by removed lines).
    private static func trimBreaks(_ root: HTMLNode) {
        while let c = root.lastChild, c.hasName("br") || (c.isText && c.textContent.trimmed.isEmpty) || c.kind == .comment { c.remove() }
        while let c = root.firstChild, c.hasName("br") || (c.isText && c.textContent.trimmed.isEmpty) || c.kind == .comment { c.remove() }
    }

    /// `scratch` holds each line's bytes in turn (one buffer for the whole pass).
    private static func scrubBlock(_ el: HTMLNode, _ f: inout Findings, _ runsSeen: inout Int, _ scratch: inout [UInt8]) {
        var run: [HTMLNode] = []
        func close() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return }
            // The run's text, read on libxml2's bytes first: a long line (most of an article's paragraphs) leaves before
            // any String is made.
            scratch.removeAll(keepingCapacity: true)
            for n in run { NodeText.appendText(of: n, to: &scratch) }
            let bytes = scratch
            let blank = NodeText.blankEnds(bytes)
            guard blank.leading < bytes.count else { return }
            // Boilerplate lines are short (≤ 640 bytes, `BoilerplateLines.classify`); a long run can only hold the
            // dateline, checked first.
            if runsSeen >= 3 && bytes.count - blank.leading - blank.trailing > 640 { return }
            let text = String(decoding: bytes, as: UTF8.self)
            let trimmed = String(decoding: bytes[blank.leading..<(bytes.count - blank.trailing)], as: UTF8.self)
            if runsSeen < 3 {
                runsSeen += 1
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
            case .tip, .promo, .photoCredit, .dateStamp: break
            }
            for n in run { n.remove() }
        }
        var c = el.firstChild
        while let n = c {
            let next = n.next
            if n.isText || (n.isElement && NodeText.isInline(n)) {
                run.append(n)
            } else if n.isElement {
                close()
                if !n.hasName("br") && !n.hasName("figure") {
                    let hadContent = n.firstChild != nil
                    scrubBlock(n, &f, &runsSeen, &scratch)
                    // A paragraph whose only line was boilerplate (a byline, a credit) goes too, not left as `<p></p>`.
                    if hadContent && n.hasName("p") {
                        trimBreaks(n)
                        if n.firstChild == nil { n.remove() }
                    }
                }
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
