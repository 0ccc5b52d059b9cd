/// Built-in site rules for article pages, sorted by name. `feeds.yaml` rules (`sites:` and a source's `site:`) come first;
/// these apply when none matches the page's host (suffix match). Selectors were read off each site's article markup.
extension SiteRule {
    public static let builtinArticleRules: [SiteRule] = [
        SiteRule(hosts: ["bbc.co.uk", "bbc.com"], name: "bbc",
                 content: "article", remove: ["[data-component=byline-block]", "[data-component=links-block]", "[data-component=tag-list]",
                                              "[data-component=topic-list]", "[data-component=headline-block]"],
                 byline: "[data-component=byline-block]"),
        SiteRule(hosts: ["v.daum.net", "news.v.daum.net"], name: "daum",
                 content: "div.article_view section", remove: ["figure button", ".link_figure .ico_view", "div.ad_body"],
                 title: "h3.tit_view", byline: "div.info_view span.txt_info", date: "div.info_view span.num_date"),
        SiteRule(hosts: ["entertain.naver.com", "m.entertain.naver.com"], name: "naver-entertain",
                 content: "#articeBody, div._article_content, article#comp_news_article",
                 remove: ["div.end_photo_org button", "div.vod_area", "div.byline"],
                 title: "h2.end_tit, h2.NewsEndMain_article_title", byline: "div.byline, p.byline_p", date: "span.author em"),
        SiteRule(hosts: ["m.sports.naver.com", "sports.naver.com", "sports.news.naver.com"], name: "naver-sports",
                 content: "#newsEndContents, div._article_content",
                 remove: ["div.source", "div.byline", "div.reporter_area", "div.promotion", "p.source", "div.news_end_btn", "div.link_news"],
                 title: "h4.title, h2.NewsEndMain_article_title", byline: "div.byline, div.reporter_area p.name", date: "div.info span"),
        SiteRule(hosts: ["m.news.naver.com", "n.news.naver.com", "news.naver.com"], name: "naver",
                 content: "#dic_area", remove: ["span.end_photo_org button", "div.vod_player_wrap", "div.artical-btm", "div.ab_photo button"],
                 title: "#title_area, h2.media_end_head_headline", byline: "em.media_end_head_journalist_name, span.byline_s",
                 date: "span.media_end_head_info_datestamp_time"),
        SiteRule(hosts: ["yna.co.kr"], name: "yonhap",
                 content: "article.story-news, div.story-news",
                 remove: ["aside", "div.writer-zone01", "p.txt-copyright", "div.keyword-zone"],
                 title: "h1.tit01, h1.tit", byline: "div.writer-zone01 strong.tit-name, #newsWriterCarousel01 strong.tit-name",
                 date: "p.update-time"),
        SiteRule(hosts: ["zdnet.co.kr"], name: "zdnet-korea",
                 content: "#articleBody, div.view_cont", remove: ["div.reporter_list", "div.news_box", "div.relation_news", "div.ad_wrap"],
                 title: "div.news_head h1", byline: "div.news_head p.meta span", date: "div.news_head p.meta span"),
    ]

    /// Whether this rule applies to `host` (case-insensitive suffix match on a label boundary).
    func matches(host: String) -> Bool {
        let h = host.lowercased()
        return hosts.contains { rule in
            let r = rule.lowercased()
            return h == r || h.hasSuffix("." + r)
        }
    }
}
