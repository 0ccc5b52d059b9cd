/// The generic article finder for pages no site rule covers: readability's paragraph scoring with weights fitted to
/// Korean (a Hangul character counts 2.5), trafilatura's list of well-known body containers tried first, then the
/// best-scoring container plus the siblings that belong to it.
struct ContentScorer {
    /// Well-known article containers (schema.org, WordPress, Korean CMSs): the first one holding enough text wins.
    static let knownBodies: [String] = [
        "//*[@itemprop='articleBody']", "//*[@id='articleBody' or @id='article_body' or @id='articleText' or @id='article-view-content-div' or @id='newsEndContents' or @id='news_body_area' or @id='article_txt']",
        "//*[contains(concat(' ',normalize-space(@class),' '),' entry-content ') or contains(concat(' ',normalize-space(@class),' '),' post-content ') or contains(concat(' ',normalize-space(@class),' '),' article-body ') or contains(concat(' ',normalize-space(@class),' '),' article_body ') or contains(concat(' ',normalize-space(@class),' '),' story-body ') or contains(concat(' ',normalize-space(@class),' '),' news_body ') or contains(concat(' ',normalize-space(@class),' '),' article_txt ')]",
    ]
    /// Tags that never hold article text.
    static let junkTags: [String] = [
        "aside", "button", "canvas", "dialog", "footer", "form", "input", "link", "map", "menu", "meta", "nav", "noscript", "object",
        "script", "select", "style", "svg", "template", "textarea",
    ]
    static let containerTags: Set<String> = ["article", "div", "main", "section", "td", "font", "center"]
    static let paragraphTags: Set<String> = ["blockquote", "p", "pre"]

    private struct Measure { var weight = 0.0; var links = 0.0 }

    /// Picks the article nodes in `body` (already stripped of junk and unlikely containers).
    static func findContent(in body: HTMLNode) -> [HTMLNode] {
        for x in knownBodies {
            let found = (try? body.document.select(xpath: x)) ?? []
            if let best = found.max(by: { NodeText.weight($0.textContent) < NodeText.weight($1.textContent) }),
               NodeText.weight(best.textContent) >= 60 { return [best] }
        }
        var scores: [HTMLNode: Double] = [:]
        func base(_ n: HTMLNode) -> Double {
            var s = ClassWeights.weight(ClassWeights.names(n))
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
            while let t = target, level < 5, t.name != "body", t.name != "html" {
                if scores[t] == nil { scores[t] = base(t) }
                let div: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[t, default: 0] += score / div
                target = t.parent
                level += 1
            }
        }
        func paragraphScore(_ text: String) -> Double? {
            let w = NodeText.weight(text)
            guard w >= 20 else { return nil }
            return 1 + Double(NodeText.commas(text)) + min(w / 80, 3)
        }
        // Paragraph elements score their container; text written straight into a container (br-separated) scores the
        // container itself, one paragraph per run.
        for el in body.descendants() {
            let name = el.name
            if paragraphTags.contains(name) {
                guard let parent = el.parent, let s = paragraphScore(el.textContent) else { continue }
                credit(parent, s)
            } else if containerTags.contains(name) {
                for run in inlineRuns(of: el) {
                    if let s = paragraphScore(run) { credit(el, s) }
                }
            }
        }
        guard !scores.isEmpty else { return [body] }
        var measures: [HTMLNode: Measure] = [:]
        func measure(_ n: HTMLNode) -> Measure {
            if let m = measures[n] { return m }
            let w = NodeText.weight(n.textContent)
            var l = 0.0
            for a in n.descendants(where: { $0.hasName("a") }) { l += NodeText.weight(a.textContent) }
            let m = Measure(weight: w, links: l)
            measures[n] = m
            return m
        }
        func final(_ n: HTMLNode) -> Double {
            let m = measure(n)
            let density = m.weight > 0 ? min(1, m.links / m.weight) : 0
            return (scores[n] ?? 0) * (1 - density)
        }
        guard let top = scores.keys.max(by: { final($0) < final($1) }) else { return [body] }
        let topScore = final(top)
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, topScore * 0.2)
        let topClass = top.attribute("class") ?? ""
        var picked: [HTMLNode] = []
        for s in parent.elementChildren {
            if s == top { picked.append(s); continue }
            var sc = scores[s].map { _ in final(s) } ?? 0
            if !topClass.isEmpty, s.attribute("class") == topClass { sc += topScore * 0.2 }
            if sc >= threshold { picked.append(s); continue }
            let m = measure(s)
            let density = m.weight > 0 ? m.links / m.weight : 0
            if s.hasName("p") || s.hasName("figure") {
                let text = s.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
                if (m.weight > 80 && density < 0.25) || (m.weight > 0 && density == 0 && (text.hasSuffix(".") || text.hasSuffix("다")))
                    || (s.hasName("figure") && density < 0.5) {
                    picked.append(s)
                }
            }
        }
        return picked
    }

    /// The texts of the runs of inline content directly inside `el`, split at `<br>` and block children.
    static func inlineRuns(of el: HTMLNode) -> [String] {
        var runs: [String] = []
        var cur = ""
        var c = el.firstChild
        while let n = c {
            if n.isText { cur += n.textContent } else if n.isElement {
                if NodeText.inline.contains(n.name) { cur += n.textContent } else {
                    if !cur.isEmpty { runs.append(cur); cur = "" }
                }
            }
            c = n.next
        }
        if !cur.isEmpty { runs.append(cur) }
        return runs
    }
}
