import Foundation

/// Article links on an HTML section page (portals without RSS, e.g. Daum), found with the source's link selector.
///
/// The selector may match anchors or elements that contain one (a list item). For a container the first anchor
/// with text is the article link and its headline the title; a `*desc*`-class element the summary; the first image in the container is the item's image,
/// and a `<time datetime>` or a date-looking text in the container its date. Links are made absolute against
/// `<base href>` or the page URL; `javascript:`, `mailto:` and fragment-only links are skipped.
struct HTMLLinkParser {
    let document: HTMLDocument
    let selector: Selector
    let pageURL: String

    var title: String? {
        guard let t = try? document.string(xpath: "string(//title)") else { return nil }
        let c = FeedText.collapse(t)
        return c.isEmpty ? nil : c
    }

    func drafts(_ finisher: inout FeedItemFinisher) throws(FeedError) -> [FeedItemDraft] {
        let nodes: [HTMLNode]
        do {
            nodes = try selector.select(in: document)
        } catch {
            throw .invalidSelector(url: pageURL, selector: selector.source)
        }
        var base = pageURL
        if let b = try? document.select(xpath: "//base[@href]").first?.attribute("href"), let r = FeedLinks.resolve(b, base: pageURL) {
            base = r
        }
        var out: [FeedItemDraft] = []
        for (n, node) in nodes.enumerated() {
            guard let anchor = Self.anchor(in: node) else {
                finisher.warnings.append("match \(n + 1) of \(selector.source): no link inside, skipped")
                continue
            }
            var d = FeedItemDraft()
            d.base = base
            let href = anchor.attribute("href")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let lower = href.lowercased()
            if href.isEmpty || href.hasPrefix("#") || lower.hasPrefix("javascript:") || lower.hasPrefix("mailto:") {
                finisher.warnings.append("match \(n + 1) of \(selector.source): link \"\(href.prefix(40))\" is not an article, skipped")
                continue
            }
            d.link = href
            var title = Self.title(of: anchor)
            if title.isEmpty { title = anchor.attribute("title").map(FeedText.collapse) ?? "" }
            if title.isEmpty { title = anchor.descendants(where: { $0.hasName("img") }).first?.attribute("alt").map(FeedText.collapse) ?? "" }
            d.title = title
            d.image = FeedText.firstImage(in: node)
            let desc = node.descendants(where: { ($0.attribute("class") ?? "").contains("desc") }).first
            if let text = desc.map({ FeedText.collapse($0.textContent) }), !text.isEmpty, text != title {
                d.summary = FeedText.shorten(text)
            }
            if let time = (node.hasName("time") ? [node] : node.descendants(where: { $0.hasName("time") })).first {
                d.published = DateParser.parse(time.attribute("datetime") ?? time.textContent)
            } else {
                let dated = node.descendants(where: { n in
                    let c = n.attribute("class")?.lowercased() ?? ""
                    return c.contains("time") || c.contains("date")
                })
                d.published = dated.lazy.compactMap { DateParser.parse($0.textContent) }.first
            }
            out.append(d)
        }
        return out
    }

    /// The anchor's headline: a `strong`/`h2`–`h4` or `*tit*`-class element inside it (portal cards wrap image,
    /// headline and teaser in one link), else all its text.
    static func title(of anchor: HTMLNode) -> String {
        let heads = anchor.descendants(where: { n in
            n.hasName("strong") || n.hasName("h2") || n.hasName("h3") || n.hasName("h4") || (n.attribute("class") ?? "").contains("tit")
        })
        if let t = heads.lazy.map({ FeedText.collapse($0.textContent) }).first(where: { !$0.isEmpty }) { return t }
        return FeedText.collapse(anchor.textContent)
    }

    /// The node itself when it is a link; otherwise the first link inside with text, else the first link.
    static func anchor(in node: HTMLNode) -> HTMLNode? {
        if node.hasName("a"), node.hasAttribute("href") { return node }
        let anchors = node.descendants(where: { $0.hasName("a") && $0.hasAttribute("href") })
        return anchors.first { !FeedText.collapse($0.textContent).isEmpty } ?? anchors.first
    }
}
