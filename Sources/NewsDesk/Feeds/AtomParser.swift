/// Atom 1.0 (and 0.3) entries: text constructs, `link rel=alternate`, `xml:base`.
struct AtomParser {
    let document: XMLDocument
    let root: XMLNode

    var title: String? { root.child("title", .atom).map(Self.text).flatMap { $0.isEmpty ? nil : $0 } }

    func drafts(_ finisher: inout FeedItemFinisher) -> (drafts: [FeedItemDraft], incomplete: Int) {
        var out: [FeedItemDraft] = []
        var incomplete = 0
        for (n, entry) in root.children("entry", .atom).enumerated() {
            guard document.isComplete(entry) else { incomplete += 1; continue }
            out.append(draft(entry, number: n + 1, &finisher))
        }
        return (out, incomplete)
    }

    /// A text construct as plain text: `type="html"` is unescaped and stripped, `xhtml` gives its text, `text` stays literal.
    static func text(_ node: XMLNode) -> String {
        switch (node.attribute("type") ?? "text").lowercased() {
        case "html", "text/html": return FeedText.title(node.text)
        case "xhtml", "application/xhtml+xml": return FeedText.collapse(node.text)
        default: return FeedText.literal(node.text)
        }
    }

    private func draft(_ entry: XMLNode, number: Int, _ finisher: inout FeedItemFinisher) -> FeedItemDraft {
        var d = FeedItemDraft()
        d.title = entry.child("title", .atom).map(Self.text) ?? ""
        d.id = entry.childText("id", .atom)
        let (link, base) = Self.alternateLink(entry)
        d.link = link ?? d.id.flatMap { FeedLinks.isHTTP($0) ? $0 : nil }
        d.base = link != nil ? base : entry.baseURL
        let content = entry.child("content", .atom)
        var contentImage: String?
        if let content {
            let type = (content.attribute("type") ?? "text").lowercased()
            if type == "html" || type == "text/html" {
                let h = FeedText.html(content.text)
                contentImage = h.image
                if d.summary == nil, !h.text.isEmpty { d.summary = FeedText.shorten(h.text) }
            } else if type == "xhtml" || type == "application/xhtml+xml" {
                if let img = content.descendants(where: { $0.localName == "img" }).first, let src = img.attribute("src") {
                    contentImage = FeedLinks.resolve(src, base: img.baseURL)
                }
            }
        }
        if let summary = entry.child("summary", .atom) {
            let s = Self.text(summary)
            if !s.isEmpty { d.summary = FeedText.shorten(s) }
        } else if d.summary == nil, let content, content.attribute("src") == nil {
            let s = Self.text(content)
            if !s.isEmpty { d.summary = FeedText.shorten(s) }
        }
        d.published = finisher.date(entry.childText("published", .atom) ?? entry.childText("issued", .atom), item: number)
        d.updated = finisher.date(entry.childText("updated", .atom) ?? entry.childText("modified", .atom), item: number)
        d.categories = entry.children("category", .atom).compactMap { $0.attribute("label") ?? $0.attribute("term") }
        d.image = MediaImage.find(in: entry) ?? contentImage
        return d
    }

    /// The entry's `link rel="alternate"` (no rel means alternate), preferring HTML, with the base in effect there.
    static func alternateLink(_ entry: XMLNode) -> (String?, String?) {
        let links = entry.children("link", .atom).filter { $0.attribute("href") != nil }
        let alternates = links.filter { ($0.attribute("rel") ?? "alternate").lowercased() == "alternate" }
        let pick = alternates.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") }
            ?? alternates.first
            ?? links.first { ($0.attribute("rel") ?? "").lowercased() == "related" }
        guard let pick else { return (nil, nil) }
        return (pick.attribute("href"), pick.baseURL)
    }
}
