import Foundation

/// Class/id name tables for the generic extractor (readability's lists plus the names Korean portals and CMSs use),
/// sorted. Matching is on the lowercased `class` + `id` text, by substring.
enum ClassWeights {
    /// Names of containers that are never the article: removed before scoring unless a `maybe` name is present too.
    static let unlikely: [String] = [
        "ad-box", "ad-break", "ad-slot", "ad_area", "ad_box", "ad_slot", "ad_wrap", "advert", "agegate", "another", "banner", "bestnews", "breadcrumb", "cmt", "combx", "comment",
        "community", "copyright", "cover-wrap", "dable", "disqus", "familysite", "footer", "gdpr", "gnb", "header", "hot_news",
        "journalist", "keyword", "layer_", "legends", "lnb", "login", "menu", "modal", "more_news", "most", "newsletter",
        "other_news", "outbrain", "pagination", "pager", "popular", "popup", "print", "promo", "quick", "rank", "recom",
        "related", "relation", "remark", "replies", "reply", "reporter", "rss", "scrap", "series", "share", "shoutbox",
        "sidebar", "sitemap", "skyscraper", "snb", "sns", "social", "sponsor", "subscribe", "supplemental", "taboola", "tag_",
        "tags", "toolbar", "top_btn", "util", "widget",
    ]
    /// Names that keep a container although it also has an unlikely name.
    static let maybe: [String] = [
        "and", "article", "articlebody", "article_body", "body", "column", "cont", "content", "dic_area", "entry", "main",
        "post", "shadow", "story", "text", "view",
    ]
    /// Names that add to a candidate's score.
    static let positive: [String] = [
        "art_txt", "article", "blog", "body", "cont", "content", "detail", "dic_area", "entry", "h-entry", "hentry", "main",
        "news_txt", "page", "post", "story", "text", "view",
    ]
    /// Names that take from a candidate's score.
    static let negative: [String] = [
        "-ad-", "ad-slot", "ad_", "advert", "banner", "byline", "caption_credit", "cmt", "combx", "comment", "contact", "foot", "gdpr", "hidden",
        "journalist", "masthead", "more", "outbrain", "popular", "promo", "rank", "recom", "related", "relation", "reply",
        "reporter", "scroll", "share", "shopping", "shoutbox", "sidebar", "skyscraper", "sns", "social", "sponsor", "tags",
        "tool", "widget",
    ]

    static func names(_ node: HTMLNode) -> String {
        let c = node.attribute("class") ?? "", i = node.attribute("id") ?? ""
        if c.isEmpty && i.isEmpty { return "" }
        return (c + " " + i).lowercased()
    }

    /// Whether the node's `class` or `id` holds an `unlikely` name and no `maybe` name, read on the attribute bytes
    /// (letters compared ASCII-lowercased). No word of the lists holds a blank, so matching `class` and `id` apart is
    /// matching their joined text.
    static func isUnlikely(_ node: HTMLNode) -> Bool {
        matches(node, unlikelyMatcher) && !matches(node, maybeMatcher)
    }

    /// +25 for a positive name, -25 for a negative one (both can apply), read on the `class`/`id` bytes.
    static func weight(_ node: HTMLNode) -> Double {
        var w = 0.0
        if matches(node, negativeMatcher) { w -= 25 }
        if matches(node, positiveMatcher) { w += 25 }
        return w
    }

    private static func matches(_ node: HTMLNode, _ matcher: SubstringMatcher) -> Bool {
        node.withAttribute("class") { $0.map(matcher.matches(lowercasing:)) ?? false }
            || node.withAttribute("id") { $0.map(matcher.matches(lowercasing:)) ?? false }
    }

    static let unlikelyMatcher = SubstringMatcher(unlikely)
    static let maybeMatcher = SubstringMatcher(maybe)
    static let positiveMatcher = SubstringMatcher(positive)
    static let negativeMatcher = SubstringMatcher(negative)
}

/// Whether a string contains any of a fixed list of words, as bytes: one pass over the string, and at each byte only
/// the words that start with it are compared (the lists above have 16–80 words; testing each with `includes` was 6 %
/// of extraction time on the public set).
struct SubstringMatcher: Sendable {
    private let buckets: [[[UInt8]]]

    init(_ words: [String]) {
        var b = [[[UInt8]]](repeating: [], count: 256)
        for w in words where !w.isEmpty { let u = Array(w.utf8); b[Int(u[0])].append(u) }
        buckets = b
    }

    /// Whether the NUL-terminated `text`, ASCII letters lowercased, contains a word.
    func matches(lowercasing text: UnsafePointer<CChar>) -> Bool {
        let n = strlen(text)
        return text.withMemoryRebound(to: UInt8.self, capacity: n) { h in
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            for i in 0..<n {
                let bucket = buckets[Int(lower(h[i]))]
                if bucket.isEmpty { continue }
                for w in bucket where w.count <= n - i {
                    var j = 1
                    while j < w.count && lower(h[i + j]) == w[j] { j += 1 }
                    if j == w.count { return true }
                }
            }
            return false
        }
    }
}
