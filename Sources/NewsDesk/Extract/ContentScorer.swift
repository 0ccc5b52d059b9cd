import Foundation

/// The generic article finder for pages no site rule covers: readability's paragraph scoring with weights fitted to
/// Korean (a Hangul character counts 2.5), trafilatura's list of well-known body containers tried first, then the
/// best-scoring container plus the siblings that belong to it.
struct ContentScorer {
    /// Well-known article containers (schema.org, WordPress, Korean CMSs): the match holding the most text wins when it
    /// holds enough.
    static let knownBodyIDs: [StaticString] = [
        "article-view-content-div", "articleBody", "articleText", "article_body", "article_txt", "newsEndContents", "news_body_area",
    ]
    static let knownBodyClasses: [StaticString] = [
        "article-body", "article_body", "article_txt", "entry-content", "news_body", "post-content", "story-body",
    ]

    /// `knownBodyClasses`, matched on the class bytes as they are (case-sensitive, as XPath `contains`).
    static let knownBodyClassMatcher = SubstringMatcher(knownBodyClasses.map { "\($0)" }, foldingCase: false)

    /// The elements of the document that are well-known article containers (`itemprop="articleBody"`, an id above, or
    /// a class containing one above), in document order.
    static func knownBodies(in document: HTMLDocument) -> [HTMLNode] {
        var out: [HTMLNode] = []
        document.traverseRefs(enter: { n in
            guard n.isElement else { return false }
            let known = n.withCommonAttributes { a in
                (a.itemprop.map { strcmp($0, "articleBody") == 0 } ?? false)
                    || (a.id.map { id in knownBodyIDs.contains { strcmp(id, cString($0)) == 0 } } ?? false)
                    || (a.class.map(knownBodyClassMatcher.matches(cString:)) ?? false)
            }
            if known {
                out.append(n.node)
            }
            return true
        })
        return out
    }
    private static func cString(_ s: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Tags that never hold article text (a `form` may: `isJunk`).
    static let junkTags: [String] = [
        "aside", "button", "canvas", "dialog", "footer", "input", "link", "map", "menu", "meta", "nav", "noscript", "object",
        "script", "select", "style", "svg", "template", "textarea",
    ]
    /// `junkTags`, matched on the element's name bytes.
    static let junkTagNames = TagNames(junkTags)

    /// Whether `node` is junk: a `junkTags` element, a hidden one, or a `form` without prose. ASP.NET pages wrap
    /// the whole body in `<form id="form1">`, and libxml2 puts what follows an unclosed search form inside it. A form
    /// is kept, renamed `div` (so the scorer and the sanitizer treat it as a box), when its non-link text is
    /// article-sized (`formProseWeight`), or when it is a short article's wrapper: at least `formBriefWeight` of
    /// non-link text and most of the page's visible text (a one-paragraph brief). Search, login and comment boxes have
    /// little text of their own and still go.
    static func isJunk(_ node: HTMLNode) -> Bool { isJunk(NodeRef(node), hidden: HiddenElements.isHidden(node)) }

    /// `isJunk` for an element whose `HiddenElements` test is already known (the name tests on the reference; only a
    /// form's test needs the node).
    static func isJunk(_ ref: NodeRef, hidden: Bool) -> Bool {
        if hidden || junkTagNames.contains(ref) { return true }
        guard ref.hasName("form") else { return false }
        let node = ref.node
        let w = NodeText.visibleWeight(node)
        let prose = w.weight - w.links
        guard w.links < 0.5 * w.weight, prose >= formBriefWeight else { return true }
        if prose < formProseWeight {
            // Only a form with some prose pays for this walk over the page (search boxes stop above).
            var top = node
            while let p = top.parent { top = p }
            guard w.weight >= 0.5 * NodeText.visibleWeight(top).weight else { return true }
        }
        node.rename("div")
        return false
    }
    /// The non-link text weight (`NodeText.weight`) from which a form holds an article: two short paragraphs.
    static let formProseWeight = 250.0
    /// The least non-link text weight of a form kept because it holds most of the page: one sentence.
    static let formBriefWeight = 60.0
    /// Containers and paragraphs, matched on libxml2's bytes (no `String` per element).
    static let containerTags = TagNames(["article", "center", "div", "font", "main", "section", "td"])
    static let paragraphTags = TagNames(["blockquote", "p", "pre"])

    /// Picks the article nodes in `body` (already stripped of junk and unlikely containers).
    static func findContent(in body: HTMLNode, stats: NodeStats) -> [HTMLNode] {
        let known = knownBodies(in: body.document)
        if let best = known.max(by: { stats[$0].weight < stats[$1].weight }), stats[best].weight >= 60 { return [best] }
        var scores: [HTMLNode: Double] = [:]
        // Candidates in the order they were first credited (document order of their paragraphs): ties in score go to
        // the earlier one, so a page gives the same body on every run (a dictionary's order changes from run to run).
        var candidates: [HTMLNode] = []
        func base(_ n: HTMLNode) -> Double {
            var s = ClassWeights.weight(n)
            switch n.name {
            case "div", "article", "section", "main": s += 5
            case "pre", "td", "blockquote": s += 3
            case "ol", "ul", "dl", "form": s -= 3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s -= 5
            default: break
            }
            return s
        }
        func credit(_ n: HTMLNode, _ score: Double) {
            var target: HTMLNode? = n
            var level = 0
            while let t = target, level < 5, !t.hasName("body"), !t.hasName("html") {
                if scores[t] == nil { scores[t] = base(t); candidates.append(t) }
                let div: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[t, default: 0] += score / div
                target = t.parent
                level += 1
            }
        }
        func paragraphScore(_ run: (weight: Double, commas: Int)) -> Double? {
            let w = run.weight
            guard w >= 20 else { return nil }
            return 1 + Double(run.commas) + min(w / 80, 3)
        }
        // Paragraph elements score their container; text written straight into a container (br-separated) scores the
        // container itself, one paragraph per run. A paragraph's weight is in `stats`; its commas are counted on bytes.
        NodeRef(body).traverse(enter: { ref in
            guard ref.isElement else { return false }
            if paragraphTags.contains(ref) {
                let w = stats[ref].weight
                guard w >= 20, let parent = ref.parent else { return true }
                credit(parent.node, 1 + Double(NodeText.commas(ref.node)) + min(w / 80, 3))
            } else if containerTags.contains(ref) {
                let el = ref.node
                for run in inlineRuns(of: el) {
                    if let s = paragraphScore(run) { credit(el, s) }
                }
            }
            return true
        })
        guard !scores.isEmpty else { return [body] }
        func final(_ n: HTMLNode) -> Double { (scores[n] ?? 0) * (1 - stats.linkDensity(n)) }
        let finals = candidates.enumerated().map { (index: $0.offset, node: $0.element, score: final($0.element)) }
        let ranked = finals.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.map(\.node)
        guard var top = ranked.first else { return [body] }
        var topScore = final(top)
        // Readability's promotion: when at least three of the next best candidates (≥ 75 % of the top score) sit
        // under one ancestor of the top candidate, the article is that ancestor (sections of one article scored apart).
        let rivals = ranked.dropFirst().prefix(5).filter { final($0) >= 0.75 * topScore }
        if rivals.count >= 3 {
            var ancestor = top.parent
            while let a = ancestor, !a.hasName("body"), !a.hasName("html") {
                if rivals.filter({ a.contains($0) }).count >= 3 {
                    top = a
                    topScore = max(topScore, final(a))
                    break
                }
                ancestor = a.parent
            }
        }
        // Readability's climb: a parent scoring at least a third of the top candidate and more than the last step
        // holds more of the article.
        var lastScore = topScore
        var climber = top.parent
        while let p = climber, !p.hasName("body"), !p.hasName("html") {
            guard scores[p] != nil else { climber = p.parent; continue }
            let ps = final(p)
            if ps < topScore / 3 { break }
            if ps > lastScore { top = p; topScore = ps; break }
            lastScore = ps
            climber = p.parent
        }
        // A lone child is its parent's whole content: take the parent (its siblings may be the article's too).
        while let p = top.parent, !p.hasName("body"), !p.hasName("html"), p.elementChildren.count == 1 {
            top = p
        }
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, topScore * 0.2)
        let topClass = top.attribute("class") ?? ""
        var picked: [HTMLNode] = []
        for s in parent.elementChildren {
            if s == top { picked.append(s); continue }
            var sc = scores[s].map { _ in final(s) } ?? 0
            if !topClass.isEmpty, s.attribute("class") == topClass { sc += topScore * 0.2 }
            if sc >= threshold { picked.append(s); continue }
            let m = stats[s]
            let density = stats.linkDensity(s)
            if s.hasName("p") || s.hasName("figure") {
                let text = s.textContent.trimmed
                if (m.weight > 80 && density < 0.25) || (m.weight > 0 && density == 0 && (text.hasSuffix(".") || text.hasSuffix("다")))
                    || (s.hasName("figure") && density < 0.5) {
                    picked.append(s)
                }
            }
        }
        return picked
    }

    /// The runs of inline content directly inside `el` (text and inline elements, split at `<br>` and block children),
    /// each as its text weight (`NodeText.weight`) and comma count (`NodeText.commas`), read on libxml2's bytes: the
    /// scorer, the paragraph count and the density pass call this on every container, and a String per run was most
    /// of their time. A run whose text is empty is not one.
    static func inlineRuns(of el: HTMLNode) -> [(weight: Double, commas: Int)] {
        var runs: [(weight: Double, commas: Int)] = []
        var weight = 0.0, commas = 0, bytes = 0
        func add(_ b: UnsafeBufferPointer<UInt8>) {
            weight += NodeText.weight(utf8: b)
            commas += NodeText.commas(utf8: b)
            bytes += b.count
        }
        func addAll(_ n: NodeRef) {
            var c = n.firstChild
            while let d = c {
                if d.isText { d.withTextBytes(add) } else if d.isElement { addAll(d) }
                c = d.next
            }
        }
        var c = el.firstChild
        while let n = c {
            if n.isText { n.withTextBytes(add) } else if n.isElement {
                if NodeText.isInline(n) { addAll(NodeRef(n)) } else {
                    if bytes > 0 { runs.append((weight, commas)) }
                    weight = 0; commas = 0; bytes = 0
                }
            }
            c = n.next
        }
        if bytes > 0 { runs.append((weight, commas)) }
        return runs
    }
}
