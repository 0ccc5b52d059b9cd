import Foundation

/// The metadata a page declares about itself: `<meta>` tags, JSON-LD, `<link rel=canonical>`, `<title>`, `<html lang>`.
/// Read once from the untouched tree, before the body is cut out.
struct PageMetadata {
    /// `<meta property|name|itemprop=… content=…>`, keys lowercased; the first value of a key wins, all are kept in `all`.
    var meta: [String: String] = [:]
    var all: [String: [String]] = [:]
    var titleTag: String?
    var canonical: String?
    var lang: String?
    var jsonLD = JSONLDArticle()

    init(scan: PageScan) {
        lang = scan.lang
        for m in scan.metas {
            guard let key = (m.attribute("property") ?? m.attribute("name") ?? m.attribute("itemprop") ?? m.attribute("http-equiv"))?
                .lowercased(), let value = m.attribute("content")?.trimmed, !value.isEmpty
            else { continue }
            if meta[key] == nil { meta[key] = value }
            all[key, default: []].append(value)
        }
        titleTag = scan.title.flatMap(Self.clean)
        canonical = scan.canonical.flatMap(Self.clean)
        for text in scan.jsonLD { jsonLD.read(text) }
    }

    func value(_ keys: String...) -> String? {
        for k in keys { if let v = meta[k] { return v } }
        return nil
    }

    /// Collapses whitespace (the feed parsers' rule); nil when nothing is left.
    static func clean(_ s: String) -> String? {
        let t = FeedText.collapse(s)
        return t.isEmpty ? nil : t
    }
}

/// The fields of the first `Article`-like object in a page's JSON-LD (`@graph` and arrays included), plus breadcrumbs.
struct JSONLDArticle {
    static let articleTypes: Set<String> = [
        "AnalysisNewsArticle", "Article", "BlogPosting", "NewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
        "ReviewNewsArticle", "TechArticle",
    ]
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    var publisher: String?
    var image: String?
    var keywords: [String] = []
    var sections: [String] = []
    var description: String?
    var url: String?
    var breadcrumbs: [String] = []
    var language: String?
    /// `articleBody`: the article's text as the publisher gives it (paragraphs kept), for the cascade's JSON-LD step.
    var articleBody: String?

    mutating func read(_ text: String) {
        guard let data = text.trimmed.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        visit(json)
    }

    private mutating func visit(_ any: Any) {
        if let arr = any as? [Any] { for a in arr { visit(a) }; return }
        guard let obj = any as? [String: Any] else { return }
        if let graph = obj["@graph"] { visit(graph) }
        let types: [String] = (obj["@type"] as? String).map { [$0] } ?? (obj["@type"] as? [String]) ?? []
        if types.contains("BreadcrumbList"), breadcrumbs.isEmpty, let items = obj["itemListElement"] as? [[String: Any]] {
            breadcrumbs = items.compactMap { ($0["name"] as? String) ?? (($0["item"] as? [String: Any])?["name"] as? String) }
        }
        guard headline == nil, types.contains(where: Self.articleTypes.contains) else { return }
        headline = Self.string(obj["headline"]) ?? Self.string(obj["name"])
        datePublished = Self.string(obj["datePublished"]) ?? Self.string(obj["dateCreated"])
        dateModified = Self.string(obj["dateModified"])
        authors = Self.names(obj["author"]) + Self.names(obj["creator"])
        publisher = Self.names(obj["publisher"]).first
        image = Self.url(obj["image"]) ?? Self.url(obj["thumbnailUrl"])
        keywords = Self.list(obj["keywords"])
        sections = Self.list(obj["articleSection"])
        description = Self.string(obj["description"])
        url = Self.string(obj["url"]) ?? Self.url(obj["mainEntityOfPage"])
        language = Self.string(obj["inLanguage"])
        articleBody = (obj["articleBody"] as? String).flatMap { $0.trimmed.isEmpty ? nil : $0 }
    }

    private static func string(_ v: Any?) -> String? {
        guard let s = v as? String else { return nil }
        return PageMetadata.clean(s)
    }
    private static func names(_ v: Any?) -> [String] {
        if let s = string(v) { return [s] }
        if let o = v as? [String: Any] { return string(o["name"]).map { [$0] } ?? [] }
        if let a = v as? [Any] { return a.flatMap { names($0) } }
        return []
    }
    private static func url(_ v: Any?) -> String? {
        if let s = string(v) { return s }
        if let o = v as? [String: Any] { return string(o["url"]) ?? string(o["@id"]) }
        if let a = v as? [Any] { return a.lazy.compactMap { url($0) }.first }
        return nil
    }
    private static func list(_ v: Any?) -> [String] {
        if let s = v as? String { return s.split(separator: ",").compactMap { PageMetadata.clean(String($0)) } }
        if let a = v as? [Any] { return a.compactMap { string($0) } }
        return []
    }
}
