/// The generic extractor's cascade: the scorer's best candidate first, and when it holds too little of the page's
/// visible text, the other ways an article shows itself, measured with the same signals and picked by one rule.
///
/// Paths, in the order the rule prefers them (`ExtractedArticle.extractor` names the one taken):
/// - `generic`: `ContentScorer` after junk tags, hidden elements and chrome-named containers are removed.
/// - `generic+itemprop`: the element marked `itemprop="articleBody"` (schema.org microdata).
/// - `generic+article`: the `<article>` element holding the most text.
/// - `generic+container`: the element around the scorer's pick (the pick was a fragment of the article).
/// - `generic+retry`: the scorer again with chrome-named containers put back (a blog widget named
///   `widget`, a body wrapped in a `header`).
/// - `generic+jsonld`: JSON-LD `articleBody`, one paragraph per line (pages that render the body with JavaScript).
/// - `generic+density`: the element whose own paragraphs hold the most text (a text-density pass over the page).
///
/// The rule (`choose`): among candidates with text whose link density is below 0.5 (for the wide paths — container,
/// retry, density — at most 10 points above the scorer's pick, or 15 %), the first in that order that holds at least
/// 60 % of the largest candidate's text wins. Fallback candidates are measured after the chrome-named containers inside
/// them are removed. The fallback runs only when the scorer's pick holds less than
/// `acceptShare` of the page's visible non-link text or fewer than two paragraphs, so most pages pay for one parse; on
/// that fast path the pick's container replaces it when it adds two or more paragraphs and no more links (an article
/// split into sibling sections).
struct BodyCascade {
    /// One body candidate and the signals the rule weighs.
    struct Candidate {
        let path: String
        /// The nodes the body is made of (for JSON-LD, one `<div>` built from the text).
        let nodes: [HTMLNode]
        /// Non-link text weight (`NodeText.weight`).
        let weight: Double
        /// Paragraphs of at least `paragraphWeight`.
        let paragraphs: Int
        let linkDensity: Double

        var summary: String {
            "\(path): weight \(Int(weight)), paragraphs \(paragraphs), link density \(Int(linkDensity * 100)) %"
        }
    }

    /// What the cascade chose, and (when asked for) every candidate it weighed and the page's visible text.
    struct Choice {
        let chosen: Candidate?
        var considered: [Candidate] = []
        var pageWeight: Double = 0
        /// Whether the page shows anything at all (text, links included, or media).
        var pageHasContent = false
    }

    /// The scorer's pick is kept without a fallback when it holds this share of the page's visible non-link text.
    static let acceptShare = 0.45
    /// A paragraph counts when its text weighs this much (a short sentence).
    static let paragraphWeight = 40.0
    /// The preference order of the rule.
    static let order = ["generic", "generic+itemprop", "generic+article", "generic+container", "generic+retry", "generic+jsonld", "generic+density"]

    /// Runs the cascade on `body` (the untouched page). With `all`, every path is measured.
    static func run(body: HTMLNode, meta: PageMetadata, all: Bool = false) -> Choice {
        // One walk removes junk, hidden and chrome-named elements and weighs the chrome it removed: the page's visible
        // text is what is left plus that. The chrome-named containers are only taken out: the wider paths put them back
        // (the tree is then what a fresh parse gives after junk and hidden elements go) instead of parsing again.
        let chrome = DetachedNodes()
        let removed = BodyCleaner.stripJunk(body, unlikely: true, detaching: chrome)
        let stats = NodeStats(body)
        let pageWeight = stats[body].weight - stats[body].links + removed.weight - removed.links
        let pageHasContent = stats[body].weight > 0 || stats[body].media > 0 || removed.weight > 0
        let generic = measure("generic", ContentScorer.findContent(in: body, stats: stats), stats)
        var container: Candidate?
        if let parent = generic.nodes.first?.parent, parent != body, !parent.hasName("html"), !generic.nodes.contains(body) {
            container = measure("generic+container", [parent], stats)
        }
        // The pick is one section of an article split into sibling blocks (a story in `story-body-1`, `story-body-2`):
        // its container adds two or more paragraphs and hardly any links, so the container is the article.
        if !all, let c = container, c.paragraphs >= generic.paragraphs + 2, c.linkDensity <= generic.linkDensity + 0.05,
           c.weight >= acceptShare * pageWeight, c.linkDensity < 0.3 {
            chrome.discard()
            return Choice(chosen: c, pageWeight: pageWeight, pageHasContent: true)
        }
        if !all, generic.weight >= acceptShare * pageWeight, generic.paragraphs >= 2, generic.linkDensity < 0.3 {
            chrome.discard()
            return Choice(chosen: generic, pageWeight: pageWeight, pageHasContent: true)
        }
        var candidates = [generic]
        if let container { candidates.append(container) }
        var jsonLD: HTMLNode?
        if let text = meta.jsonLD.articleBody, let div = jsonLDBody(text, in: body.document) {
            jsonLD = div
            candidates.append(measure("generic+jsonld", [div], NodeStats(div)))
        }
        // The wider paths see the page with its chrome-named containers (a blog body inside `widget`).
        chrome.restore()
        BodyCleaner.stripJunk(body, unlikely: false)
        let s2 = NodeStats(body)
        var roots: [(String, [HTMLNode])] = [("generic+retry", ContentScorer.findContent(in: body, stats: s2))]
        let itemprop = HTMLNode.outermost(body.descendants(where: { $0.isElement && $0.attribute("itemprop", equals: "articleBody") }))
        if let best = itemprop.max(by: { s2[$0].weight < s2[$1].weight }) { roots.append(("generic+itemprop", [best])) }
        let articles = HTMLNode.outermost(body.descendants(where: { $0.isElement && $0.hasName("article") }))
        if let best = articles.max(by: { s2[$0].weight - s2[$0].links < s2[$1].weight - s2[$1].links }) {
            roots.append(("generic+article", [best]))
        }
        if let dense = densest(body, s2) { roots.append(("generic+density", [dense])) }
        // The roots were found with chrome-named containers kept (a blog body inside `widget`); inside them, such
        // containers (comments, related links, share bars) are still chrome. They go before measuring, except
        // the roots themselves and their ancestors.
        var keep = Set<UnsafeMutableRawPointer>()
        for (_, nodes) in roots {
            for n in nodes {
                var a: HTMLNode? = n
                while let x = a { keep.insert(x.identity); a = x.parent }
            }
        }
        // Roots often nest (the retry's pick inside the `<article>`): each subtree is cleaned once, from its outermost root.
        var seen = Set<UnsafeMutableRawPointer>()
        let distinct = roots.flatMap(\.1).filter { seen.insert($0.identity).inserted }
        for n in HTMLNode.outermost(distinct) { BodyCleaner.stripJunk(n, unlikely: true, keeping: keep) }
        let s3 = NodeStats(body)
        for (path, nodes) in roots { candidates.append(measure(path, nodes, s3)) }
        let chosen = choose(candidates)
        if let chosen, chosen.path == "generic" || chosen.path == "generic+container" {
            // Found with the chrome taken out; it is back in the tree now, so it goes again, as in the first walk.
            for n in chosen.nodes { BodyCleaner.stripJunk(n, unlikely: true) }
        }
        if let jsonLD {
            // The built body joins the tree (freed with the document) when chosen; otherwise it is freed now.
            if chosen?.path == "generic+jsonld" { body.append(jsonLD) } else { jsonLD.remove() }
        }
        var choice = Choice(chosen: chosen, pageWeight: pageWeight, pageHasContent: pageHasContent)
        choice.considered = candidates
        return choice
    }

    /// The rule: the first candidate in `order` holding at least 60 % of the largest eligible candidate's text.
    static func choose(_ candidates: [Candidate]) -> Candidate? {
        // The wide paths (container, retry, density) count only when what they add is as prose-like as the scorer's
        // pick: a page column of other stories is text too, but with links.
        let wide: Set<String> = ["generic+container", "generic+retry", "generic+density"]
        let limit = max((candidates.first { $0.path == "generic" }?.linkDensity ?? 0) + 0.1, 0.15)
        let eligible = candidates.filter { $0.weight > 0 && $0.linkDensity < 0.5 && (!wide.contains($0.path) || $0.linkDensity <= limit) }
        guard let maxWeight = eligible.map(\.weight).max() else { return candidates.first }
        let ranked = eligible.sorted { (order.firstIndex(of: $0.path) ?? 99) < (order.firstIndex(of: $1.path) ?? 99) }
        return ranked.first { $0.weight >= 0.6 * maxWeight }
    }

    /// The signals of `nodes`, from `stats`.
    static func measure(_ path: String, _ nodes: [HTMLNode], _ stats: NodeStats) -> Candidate {
        var weight = 0.0, links = 0.0, paragraphs = 0
        for n in nodes {
            let s = stats[n]
            weight += s.weight - s.links
            links += s.links
            paragraphs += countParagraphs(n, stats)
        }
        let total = weight + links
        return Candidate(path: path, nodes: nodes, weight: weight, paragraphs: paragraphs, linkDensity: total > 0 ? links / total : 0)
    }

    /// Paragraph elements (and `<br>`-separated runs written straight into a container) of enough non-link weight.
    static func countParagraphs(_ root: HTMLNode, _ stats: NodeStats, minimum: Double = paragraphWeight) -> Int {
        var count = 0
        func isParagraph(_ n: HTMLNode) -> Bool { ContentScorer.paragraphTags.contains(n) }
        if isParagraph(root) { return stats[root].weight - stats[root].links >= minimum ? 1 : 0 }
        root.traverse(enter: { n in
            guard n.isElement else { return false }
            if isParagraph(n) {
                let s = stats[n]
                if s.weight - s.links >= minimum { count += 1 }
                return false
            }
            if ContentScorer.containerTags.contains(n) {
                for run in ContentScorer.inlineRuns(of: n) where run.weight >= minimum { count += 1 }
            }
            return true
        })
        return count
    }

    /// The blocks whose text counts as a container's own in the density pass: paragraphs, headings, lists, figures.
    static let densityBlocks = TagNames(["blockquote", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "ul"])

    /// The text-density pass: the container whose own paragraph children (and inline runs) hold the most non-link text.
    static func densest(_ body: HTMLNode, _ stats: NodeStats) -> HTMLNode? {
        var best: (HTMLNode, Double)?
        body.traverse(enter: { n in
            guard n.isElement else { return false }
            guard ContentScorer.containerTags.contains(n) || n.hasName("body") else { return !NodeText.inline.contains(n) }
            var own = 0.0
            var c = n.firstChild
            while let child = c {
                if densityBlocks.contains(child) {
                    let s = stats[child]
                    own += s.weight - s.links
                }
                c = child.next
            }
            for run in ContentScorer.inlineRuns(of: n) { own += run.weight }
            if own > (best?.1 ?? 0) { best = (n, own) }
            return true
        })
        return best?.0
    }

    /// A `<div>` of `<p>`s built from JSON-LD `articleBody` (one paragraph per non-blank line), owned by `document`.
    static func jsonLDBody(_ text: String, in document: HTMLDocument) -> HTMLNode? {
        guard let div = document.createElement("div") else { return nil }
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let t = String(line).trimmed
            guard !t.isEmpty, let p = document.createElement("p"), let tn = document.createText(t) else { continue }
            p.append(tn)
            div.append(p)
        }
        return div.firstChild == nil ? nil : div
    }
}
