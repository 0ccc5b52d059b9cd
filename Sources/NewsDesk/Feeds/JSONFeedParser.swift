import Foundation

/// JSON Feed 1.1 and 1.0 (https://jsonfeed.org/version/1.1).
struct JSONFeedParser {
    let title: String?
    let items: [[String: Any]]
    let warnings: [String]

    /// Reads the top level; throws `.notAFeed` for JSON that is not a feed, `.malformed` for broken JSON.
    init(text: String, url: String) throws(FeedError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .malformed(url: url, detail: "invalid JSON: \(error.localizedDescription)")
        }
        guard let top = object as? [String: Any], let items = top["items"] as? [Any] else {
            throw .notAFeed(url: url, found: "JSON without an \"items\" array")
        }
        var warnings: [String] = []
        let version = top["version"] as? String ?? ""
        if !version.contains("jsonfeed.org/version/1") {
            warnings.append("JSON Feed version \"\(version)\" not recognised; read as 1.1")
        }
        let objects = items.compactMap { $0 as? [String: Any] }
        if objects.count < items.count { warnings.append("\(items.count - objects.count) item(s) are not JSON objects, skipped") }
        self.title = (top["title"] as? String).map(FeedText.title)
        self.items = objects
        self.warnings = warnings
    }

    func drafts(_ finisher: inout FeedItemFinisher) -> [FeedItemDraft] {
        items.enumerated().map { n, item in
            var d = FeedItemDraft()
            func string(_ key: String) -> String? {
                if let s = item[key] as? String { return s.isEmpty ? nil : s }
                if let i = item[key] as? Int { return String(i) }  // JSON Feed 1.0 allowed numeric ids
                return nil
            }
            d.id = string("id")
            d.link = string("url") ?? string("external_url")
            d.title = string("title").map(FeedText.title) ?? ""
            var contentImage: String?
            if let html = string("content_html") {
                let h = FeedText.html(html)
                contentImage = h.image
                d.summary = h.text.isEmpty ? nil : FeedText.shorten(h.text)
            }
            if let text = string("content_text"), d.summary == nil { d.summary = FeedText.shorten(FeedText.collapse(text)) }
            if let summary = string("summary") { d.summary = FeedText.shorten(FeedText.title(summary)) }
            d.published = finisher.date(string("date_published"), item: n + 1)
            d.updated = finisher.date(string("date_modified"), item: n + 1)
            d.categories = (item["tags"] as? [Any])?.compactMap { $0 as? String } ?? []
            d.image = string("image") ?? string("banner_image") ?? contentImage
            return d
        }
    }
}
