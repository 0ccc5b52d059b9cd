/// Class/id name tables for the generic extractor (readability's lists plus the names Korean portals and CMSs use),
/// sorted. Matching is on the lowercased `class` + `id` text, by substring.
enum ClassWeights {
    /// Names of containers that are never the article: removed before scoring unless a `maybe` name is present too.
    static let unlikely: [String] = [
        "ad-break", "ad_area", "ad_wrap", "agegate", "another", "banner", "bestnews", "breadcrumb", "cmt", "combx", "comment",
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
        "-ad-", "ad_", "banner", "byline", "caption_credit", "cmt", "combx", "comment", "contact", "foot", "gdpr", "hidden",
        "journalist", "masthead", "more", "outbrain", "popular", "promo", "rank", "recom", "related", "relation", "reply",
        "reporter", "scroll", "share", "shopping", "shoutbox", "sidebar", "skyscraper", "sns", "social", "sponsor", "tags",
        "tool", "widget",
    ]

    static func names(_ node: HTMLNode) -> String {
        let c = node.attribute("class") ?? "", i = node.attribute("id") ?? ""
        if c.isEmpty && i.isEmpty { return "" }
        return (c + " " + i).lowercased()
    }

    static func isUnlikely(_ names: String) -> Bool {
        !names.isEmpty && unlikely.contains(where: names.contains) && !maybe.contains(where: names.contains)
    }

    /// +25 for a positive name, -25 for a negative one (both can apply).
    static func weight(_ names: String) -> Double {
        guard !names.isEmpty else { return 0 }
        var w = 0.0
        if negative.contains(where: names.contains) { w -= 25 }
        if positive.contains(where: names.contains) { w += 25 }
        return w
    }
}
