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

    /// Whether the node's `class` or `id` holds an `unlikely` name and no `maybe` name, read on the attribute bytes
    /// (letters compared ASCII-lowercased). No word of the lists holds a blank, so matching `class` and `id` apart is
    /// matching their joined text.
    static func isUnlikely(_ node: HTMLNode) -> Bool { node.withCommonAttributes(isUnlikely) }

    /// `isUnlikely` for an element with attributes `a`.
    static func isUnlikely(_ a: CommonAttributes) -> Bool {
        matches(a, unlikelyMatcher) && !matches(a, maybeMatcher)
    }

    /// +25 for a positive name, -25 for a negative one (both can apply), read on the `class`/`id` bytes.
    static func weight(_ node: HTMLNode) -> Double { node.withCommonAttributes(weight) }

    /// `weight` for an element with attributes `a`.
    static func weight(_ a: CommonAttributes) -> Double {
        var w = 0.0
        if matches(a, negativeMatcher) { w -= 25 }
        if matches(a, positiveMatcher) { w += 25 }
        return w
    }

    private static func matches(_ a: CommonAttributes, _ matcher: SubstringMatcher) -> Bool {
        (a.class.map(matcher.matches(cString:)) ?? false) || (a.id.map(matcher.matches(cString:)) ?? false)
    }

    static let unlikelyMatcher = SubstringMatcher(unlikely)
    static let maybeMatcher = SubstringMatcher(maybe)
    static let positiveMatcher = SubstringMatcher(positive)
    static let negativeMatcher = SubstringMatcher(negative)
}

