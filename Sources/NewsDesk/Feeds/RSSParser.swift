/// RSS 0.9x/2.0 and RSS 1.0 (RDF) items.
struct RSSParser {
    let document: XMLDocument
    let root: XMLNode

    /// The channel element: `rss/channel`, or the RDF channel beside the items.
    var channel: XMLNode? { root.child("channel", .rss) }

    var title: String? { channel?.childText("title", .rss).map(FeedText.title) }

    /// Item elements: inside the channel (RSS 2.0) or beside it (RDF).
    var itemNodes: [XMLNode] {
        let inChannel = channel?.children("item", .rss) ?? []
        return inChannel + root.children("item", .rss)
    }

    func drafts(_ finisher: inout FeedItemFinisher) -> (drafts: [FeedItemDraft], incomplete: Int) {
        var out: [FeedItemDraft] = []
        var incomplete = 0
        for (n, item) in itemNodes.enumerated() {
            guard document.isComplete(item) else { incomplete += 1; continue }
            out.append(draft(item, number: n + 1, &finisher))
        }
        return (out, incomplete)
    }

    private func draft(_ item: XMLNode, number: Int, _ finisher: inout FeedItemFinisher) -> FeedItemDraft {
        var d = FeedItemDraft()
        d.base = item.baseURL
        d.title = item.childText("title", .rss).map(FeedText.title) ?? item.childText("title", .dc).map(FeedText.title) ?? ""
        let guid = item.child("guid", .rss)
        let guidText = guid?.text.trimmed
        let about = item.attribute("about", ns: FeedNamespace.rdf.uris[0])
        d.id = (guidText?.isEmpty == false ? guidText : nil) ?? about
        // The publisher's own URL first (FeedBurner), then <link>, an Atom link, a permalink guid, rdf:about.
        let atomLink = item.children("link", .atom).first { ($0.attribute("rel") ?? "alternate") == "alternate" }?.attribute("href")
        let permalinkGuid = (guid?.attribute("isPermaLink")?.lowercased() != "false") ? guidText : nil
        d.link = [item.childText("origLink", .feedburner), item.childText("link", .rss), atomLink,
                  permalinkGuid.flatMap { FeedLinks.isHTTP($0) ? $0 : nil }, about.flatMap { FeedLinks.isHTTP($0) ? $0 : nil }]
            .compactMap { $0 }.first
        // Summary: description (HTML) → text; else the start of content:encoded.
        var htmlImage: String?
        let content = item.childText("encoded", .content)
        if let desc = item.childText("description", .rss) ?? item.childText("description", .dc) ?? item.childText("summary", .atom) {
            let h = FeedText.html(desc)
            d.summary = FeedText.shorten(h.text)
            htmlImage = h.image
        }
        if let content, d.summary == nil || htmlImage == nil {
            let h = FeedText.html(content)
            if d.summary == nil { d.summary = FeedText.shorten(h.text) }
            htmlImage = htmlImage ?? h.image
        }
        d.published = finisher.date(item.childText("pubDate", .rss) ?? item.childText("date", .dc)
                                    ?? item.childText("issued", .dcterms) ?? item.childText("created", .dcterms), item: number)
        d.updated = finisher.date(item.childText("modified", .dcterms) ?? item.childText("updated", .atom), item: number)
        d.categories = item.children("category", .rss).map(\.text) + item.children("subject", .dc).map(\.text)
        d.image = MediaImage.find(in: item) ?? htmlImage
        return d
    }
}

/// The image of an item from enclosures and Media RSS / iTunes elements.
enum MediaImage {
    static func find(in item: XMLNode) -> String? {
        for e in item.children("enclosure", .rss) {
            guard let url = e.attribute("url") else { continue }
            let type = e.attribute("type")?.lowercased() ?? ""
            if type.hasPrefix("image/") || (type.isEmpty && FeedText.isImageURL(url)) { return url }
        }
        let groups = item.children("group", .media)
        for holder in [item] + groups {
            for m in holder.children("content", .media) {
                guard let url = m.attribute("url") else { continue }
                let medium = m.attribute("medium")?.lowercased() ?? ""
                let type = m.attribute("type")?.lowercased() ?? ""
                if medium == "image" || type.hasPrefix("image/") || (medium.isEmpty && type.isEmpty && FeedText.isImageURL(url)) { return url }
            }
        }
        for holder in [item] + groups {
            if let t = holder.child("thumbnail", .media)?.attribute("url") { return t }
        }
        if let i = item.child("image", .itunes)?.attribute("href") { return i }
        for l in item.children("link", .atom) where l.attribute("rel") == "enclosure" {
            if let href = l.attribute("href"), (l.attribute("type") ?? "").hasPrefix("image/") { return href }
        }
        // Some Korean feeds put a bare <image>URL</image> in the item.
        if let img = item.childText("image", .rss), FeedLinks.isHTTP(img) || img.hasPrefix("/") { return img }
        return nil
    }
}
