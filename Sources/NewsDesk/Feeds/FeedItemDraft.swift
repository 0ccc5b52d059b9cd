import Foundation

/// An item as a format parser read it, before links are resolved, cleaned and deduplicated.
struct FeedItemDraft {
    var id: String?
    /// As written: possibly relative.
    var link: String?
    /// The base to resolve `link` and `image` against (xml:base, `<base href>`), nil for the page URL.
    var base: String?
    var title = ""
    var summary: String?
    var published: Date?
    var updated: Date?
    var categories: [String] = []
    var image: String?
}

/// Turns drafts into `FeedItem`s: absolute, cleaned http(s) links, ids, deduplication, warnings.
struct FeedItemFinisher {
    let pageURL: String
    var warnings: [String] = []

    init(pageURL: String) { self.pageURL = pageURL }

    /// A date from feed text; an unreadable one is a warning, not an error.
    mutating func date(_ text: String?, item: Int) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let d = DateParser.parse(text) { return d }
        warnings.append("item \(item): unreadable date \"\(text.prefix(40))\" ignored")
        return nil
    }

    mutating func finish(_ drafts: [FeedItemDraft]) -> [FeedItem] {
        var out: [FeedItem] = []
        var seen = Set<String>()
        for (n, d) in drafts.enumerated() {
            let base = d.base ?? pageURL
            guard let raw = d.link, let link = FeedLinks.article(raw, base: base) else {
                let what = d.title.isEmpty ? "" : " \"\(d.title.prefix(40))\""
                warnings.append("item \(n + 1)\(what): no usable http(s) link, skipped")
                continue
            }
            guard seen.insert(link).inserted else {
                warnings.append("item \(n + 1): duplicate link \(link), skipped")
                continue
            }
            var categories: [String] = []
            for c in d.categories.map(FeedText.collapse) where !c.isEmpty && !categories.contains(c) { categories.append(c) }
            let image = d.image.flatMap { FeedLinks.resolve($0, base: base) }.flatMap { FeedLinks.isHTTP($0) ? $0 : nil }
            var title = d.title
            if title.isEmpty, let s = d.summary { title = FeedText.shorten(s, limit: 80) }
            out.append(FeedItem(id: d.id.map(FeedText.collapse).flatMap { $0.isEmpty ? nil : $0 } ?? link, link: link,
                                title: title, summary: d.summary.flatMap { $0.isEmpty ? nil : $0 },
                                published: d.published, updated: d.updated, categories: categories, imageURL: image))
        }
        return out
    }
}
