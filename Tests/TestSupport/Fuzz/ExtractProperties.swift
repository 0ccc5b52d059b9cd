import Foundation
import NewsDesk

/// Properties of extraction as the pipeline runs it (decode → extract → sanitize) on any page: the extractor returns
/// or throws an `ExtractError`; the URLs it reports (canonical, original, lead image) are absolute http(s); its dates
/// lie in the parser's range; and the body, once sanitized, passes every sanitizer output property.
public enum ExtractProperties {
    /// Page URLs: one per built-in site rule, the operator rule below, and an unknown site (the generic extractor).
    static let pageURLs = [
        "https://news.example.com/2026/03/19/story.html", "https://v.daum.net/v/202603190930123",
        "https://n.news.naver.com/mnews/article/001/0014567890?sid=101", "https://m.entertain.naver.com/article/109/0003646f6c",
        "https://m.sports.naver.com/article/076/0003636572", "https://www.yna.co.kr/view/AKR2026031900636f6e",
        "https://zdnet.co.kr/view/?no=2026031902d616", "https://www.bbc.com/news/articles/c6262632d6d7",
        "http://www.oldnews.example.kr/news/read.php?idx=2011", "https://site.rule.example/a/b",
    ]
    /// An operator rule (feeds.yaml `sites:`) with CSS and XPath selectors.
    static let extractor = Extractor(rules: [
        SiteRule(hosts: ["rule.example"], name: "fuzz-rule", content: "div#article-body, article .content",
                 remove: [".ad", "//div[@class='related']"], title: "h1.headline", byline: ".byline > span",
                 date: "//time/@datetime"),
    ])
    static let sanitizer = Sanitizer()

    /// Byte 0 picks the page URL; the rest is the page (its charset found as ingest finds it, without a header).
    public static func check(_ bytes: [UInt8]) -> [String] {
        var input = FuzzInput(bytes)
        let url = pageURLs[input.choose(pageURLs.count)]
        let page = CharsetDecoder.decode(bytes: input.payload, url: url, contentType: nil, override: nil)
        let article: ExtractedArticle
        do { article = try extractor.extract(page) } catch { return [] }
        var p: [String] = []
        for (name, value) in [("canonicalURL", article.canonicalURL), ("originalURL", article.originalURL), ("leadImage", article.leadImage)] {
            if let v = value, !FeedProperties.isHTTP(v) { p.append("\(name) \"\(v.prefix(100))\" is not an absolute http(s) URL") }
        }
        for (name, value) in [("published", article.published), ("updated", article.updated)] {
            if let d = value, !DateProperties.range.contains(d) { p.append("\(name) \(d) out of range") }
        }
        let clean = sanitizer.sanitize(html: article.bodyHTML, baseURL: page.url)
        p += SanitizeProperties.check(output: clean.html, sanitizer: sanitizer, baseURL: page.url).map { "sanitized body: " + $0 }
        return p
    }
}
