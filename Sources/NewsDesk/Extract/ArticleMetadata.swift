import Foundation

/// Turns page metadata into article fields: title cleaning, dates, URLs, language, section hints and keywords.
enum ArticleMetadata {
    /// Site-name suffixes cut from titles (`제목 : 네이버 뉴스`, `Title | BBC News`), and the separators before them.
    static let titleSeparators: [String] = [" - ", " | ", " : ", " :: ", " – ", " — ", " « ", " » ", " · "]
    /// Portal and agency names removed even when the page does not declare its site name (lowercased, sorted; read
    /// off the `<title>`s of Daum, Naver, Nate and the wire services' pages).
    static let knownSuffixes: [String] = [
        "daum 뉴스", "nate 뉴스", "naver news", "n스포츠", "nate", "네이버 뉴스", "네이버 스포츠", "네이버 엔터", "네이트 뉴스", "네이트 스포츠",
        "네이트 연예", "뉴스1", "뉴시스", "다음 뉴스", "연합뉴스",
    ]
    /// Link texts that point at the publisher's original article on a portal page.
    static let originalLinkTexts: [String] = ["기사원문", "원문 기사", "원문기사", "원문 보기", "원문보기"]

    /// The title: the site rule's, else `og:title`/`twitter:title`/JSON-LD `headline`, else the first `<h1>`, else
    /// `<title>`; the site's name cut off as a suffix or prefix (`SiteTitle.clean`).
    static func title(rule: String?, meta: PageMetadata, scan: PageScan) -> String? {
        if let r = rule { return r }
        let site = meta.value("og:site_name", "application-name")?.lowercased() ?? meta.jsonLD.publisher?.lowercased()
        let h1 = scan.headings.lazy.compactMap({ PageMetadata.clean($0.textContent) }).first
        let subheadings = scan.subheadings.compactMap { PageMetadata.clean($0.textContent) }
        if let t = meta.value("og:title", "twitter:title") ?? meta.jsonLD.headline {
            return clean(t, site: site, heading: h1, subheadings: subheadings, loose: false)
        }
        if let h1 { return h1 }
        return meta.titleTag.map { clean($0, site: site, heading: nil, subheadings: subheadings, loose: true) }
    }

    /// The part of `title` (split at its first separator) that an `<h2>`/`<h3>` of the page repeats, when it is the
    /// longer part: `자유게시판 - 주말 모임 후기` with a `<h3>주말 모임 후기</h3>` is the post's subject under a board's name. A
    /// heading that repeats the shorter part (a site name in a header) is not the title.
    static func partRepeated(in title: String, by subheadings: [String]) -> String? {
        guard !subheadings.isEmpty else { return nil }
        for sep in titleSeparators {
            guard let r = title.range(of: sep) else { continue }
            let head = String(title[..<r.lowerBound]).trimmed, tail = String(title[r.upperBound...]).trimmed
            let longer = tail.count >= head.count ? tail : head
            if longer.count >= 6, subheadings.contains(longer) { return longer }
        }
        return nil
    }

    /// `raw` without the site's name: a suffix (`stripSuffix`), a prefix (`Site | Title`, `[Site] Title`), or, when the
    /// page's `<h1>` is the title itself with a separator and more around it, the `<h1>`.
    static func clean(_ raw: String, site: String?, heading: String?, subheadings: [String] = [], loose: Bool) -> String {
        if let part = partRepeated(in: raw.trimmed, by: subheadings) { return part }
        var t = stripSuffix(raw, site: site, loose: loose)
        t = stripPrefix(t, site: site)
        if let h = heading, h != t, h.count >= 8 {
            for sep in titleSeparators {
                if t.hasPrefix(h + sep) || t.hasSuffix(sep + h) { return h }
            }
        }
        return t
    }

    /// Removes a leading `Site | ` / `Site - ` / `[Site] ` part when it names the site or a known portal.
    static func stripPrefix(_ title: String, site: String?) -> String {
        func names(_ part: String) -> Bool {
            let p = part.lowercased().trimmed
            guard !p.isEmpty else { return false }
            return (site.map { p == $0 || ($0.includes(p) && p.count * 2 >= $0.count) } ?? false) || knownSuffixes.contains(p)
        }
        if title.hasPrefix("["), let close = title.firstIndex(of: "]") {
            let inner = String(title[title.index(after: title.startIndex)..<close])
            let rest = String(title[title.index(after: close)...]).trimmed
            if names(inner), !rest.isEmpty { return rest }
        }
        for sep in titleSeparators {
            guard let r = title.range(of: sep) else { continue }
            let head = String(title[..<r.lowerBound]), rest = String(title[r.upperBound...]).trimmed
            if names(head), rest.count >= 8 { return rest }
        }
        return title
    }

    /// Removes a trailing ` - Site` part: always when it names the site or a known portal; with `loose`, also when it is
    /// much shorter than the title itself. A title whose only separator is part of it (`Left - right: a history`) stays.
    static func stripSuffix(_ title: String, site: String?, loose: Bool) -> String {
        var t = title
        for _ in 0..<2 {
            guard let sep = titleSeparators.compactMap({ t.lastRange(of: $0) }).max(by: { $0.lowerBound < $1.lowerBound })
            else { break }
            let head = String(t[..<sep.lowerBound]), tail = String(t[sep.upperBound...]).lowercased().trimmed
            let named = (site.map { !tail.isEmpty && (tail.includes($0) || $0.includes(tail)) } ?? false) || knownSuffixes.contains(where: tail.includes)
            // Loose (a `<title>`): a short tail of a few words after a real head is a site name.
            let looksLikeSite = tail.count <= 25 && tail.split(separator: " ").count <= 4 && head.count >= 10
            if (named || (loose && looksLikeSite)) && !head.trimmed.isEmpty { t = head } else { break }
        }
        return t.trimmed
    }

    static func date(_ raw: String?) -> Date? { raw.flatMap { DateParser.parse($0) } }

    /// `raw` resolved against the page URL, tracking parameters removed; nil unless it is http(s) with a host. The
    /// canonical and original URLs are stored and exported as links (HTML, Markdown): a `javascript:` or `data:` one
    /// must never get that far (a fuzz finding: `og:url` `t:` was kept).
    static func absolute(_ raw: String?, base: String) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        let url = URLCleaner.clean(URLCleaner.resolve(raw, against: base))
        guard let scheme = URLCleaner.scheme(of: url), scheme == "http" || scheme == "https",
              !(URLCleaner.host(of: url) ?? "").isEmpty else { return nil }
        return url
    }

    /// The lead image as the body's images are written: the sanitizer's proxy and parameter rules, one table for both.
    static func leadImage(_ images: ImageURLRules, _ raw: String?, base: String) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        return images.url(raw, base: base)
    }

    /// Lazy-loading attributes that hold the real source, in the order they are tried before `src`.
    static let lazySources: [String] = ["data-src", "data-original", "data-lazy-src", "data-url"]

    /// The first image of the body that the image rules accept (lazy sources and `srcset` first, tracking pixels and
    /// `data:` placeholders refused): the lead image of a page that declares none.
    static func firstBodyImage(_ images: ImageURLRules, _ content: [HTMLNode], base: String) -> String? {
        for root in content {
            for img in root.descendants(where: { $0.hasName("img") }) {
                let candidates = lazySources.compactMap { img.attribute($0) } + [img.attribute("srcset").flatMap(URLRules.bestSrcsetCandidate),
                                                                                 img.attribute("src")].compactMap { $0 }
                for raw in candidates where !raw.trimmed.isEmpty && !raw.trimmed.lowercased().hasPrefix("data:") {
                    if let w = img.attribute("width").flatMap({ Int($0) }), w <= 2 { break }
                    if let u = images.url(raw, base: base) { return u }
                }
            }
        }
        return nil
    }

    /// A portal's link to the publisher's article (`기사원문`).
    static func originalURL(scan: PageScan, base: String) -> String? {
        // The scan's cheap test ("원문" or an origin class), then the exact texts.
        for a in scan.originalLinks {
            let t = a.textContent + " " + (a.attribute("title") ?? "")
            let cls = a.attribute("class") ?? ""
            if originalLinkTexts.contains(where: t.includes) || cls.includes("origin_link") || cls.includes("link_originalArticle") {
                return absolute(a.attribute("href"), base: base)
            }
        }
        return nil
    }

    static func breadcrumbs(scan: PageScan) -> [String] {
        let found = scan.breadcrumbLinks.compactMap { PageMetadata.clean($0.textContent) }
        return found.filter { !["home", "홈"].contains($0.lowercased()) }
    }

    static func metaByline(_ meta: PageMetadata) -> Byline {
        var b = Byline()
        let candidates = [meta.value("author"), meta.value("dable:author"), meta.value("article:author"), meta.value("byl")]
            .compactMap { $0 }.filter { !$0.hasPrefix("http") } + meta.jsonLD.authors
        for c in candidates {
            if let p = KoreanByline.parse(c), !p.reporters.isEmpty { b = KoreanByline.merge(b, p) }
            else if c.count <= 40, !c.includes("@"), let clean = PageMetadata.clean(c) {
                let name = clean.hasPrefix("By ") ? String(clean.dropFirst(3)) : clean
                if !b.reporters.contains(name) { b.reporters.append(name) }
            }
        }
        return b
    }

    static func language(meta: PageMetadata, text: @autoclosure () -> String) -> String? {
        if let l = meta.lang ?? meta.jsonLD.language ?? meta.value("og:locale", "content-language", "language") {
            return l.replacingOccurrences(of: "_", with: "-").split(separator: "-").first.map { String($0).lowercased() }
        }
        var hangul = 0, latin = 0
        for u in text().unicodeScalars.prefix(4000) {
            if (0xAC00...0xD7A3).contains(u.value) { hangul += 1 } else if (0x41...0x5A).contains(u.value) || (0x61...0x7A).contains(u.value) { latin += 1 }
        }
        if hangul + latin == 0 { return nil }
        return hangul * 3 >= latin ? "ko" : "en"
    }

    /// `article:section`, JSON-LD sections, breadcrumbs, category markup, Naver section ids and the first URL path
    /// segment, in that order, de-duplicated.
    static func sectionHints(meta: PageMetadata, breadcrumbs: [String], categories: [String] = [], url: String) -> [String] {
        var out: [String] = []
        func add(_ s: String?) { if let s = s.flatMap(PageMetadata.clean), !out.contains(s) { out.append(s) } }
        for s in meta.all["article:section"] ?? [] { add(s) }
        for s in meta.jsonLD.sections { add(s) }
        for s in meta.jsonLD.breadcrumbs + breadcrumbs { add(s) }
        for s in categories { add(s) }
        if let c = URLComponents(string: url) {
            for item in c.queryItems ?? [] where item.name == "sid1" || item.name == "sid" { add(item.value.map { "sid:" + $0 }) }
            let segs = c.path.split(separator: "/").map(String.init)
            // /mnews/article/001/0012345678?sid=105 on Naver; /view/20260319… on Daum: only words are hints.
            if let first = segs.first, segs.count > 1, first.count >= 2, first.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }),
               !["article", "articles", "mnews", "news", "view", "v", "story", "amp", "www", "posts", "post", "newsview"].contains(first.lowercased()) {
                add("path:" + first.lowercased())
            }
        }
        return out
    }

    /// The page's categories: category links (`rel="category tag"`), Naver's category markup, WordPress `category-…`
    /// post classes and Naver's older `me2:category2`, de-duplicated.
    static func categories(scan: PageScan, meta: PageMetadata) -> [String] {
        var out: [String] = []
        func add(_ s: String?) { if let s = s.flatMap(PageMetadata.clean), !out.contains(s) { out.append(s) } }
        for a in scan.categoryLinks { add(a.textContent) }
        for c in postClassValues(scan.postClasses, prefix: "category-") { add(c) }
        for s in meta.all["me2:category2"] ?? [] { add(s) }
        return out
    }

    /// `news_keywords`, `keywords`, `article:tag`, JSON-LD keywords, tag links (`rel="tag"`) and WordPress `tag-…`
    /// post classes, de-duplicated.
    static func keywords(_ meta: PageMetadata, scan: PageScan? = nil) -> [String] {
        var out: [String] = []
        let raw = (meta.all["news_keywords"] ?? []) + (meta.all["keywords"] ?? []) + (meta.all["article:tag"] ?? [])
        var tags = raw.flatMap({ $0.split(separator: ",") }).map(String.init) + meta.jsonLD.keywords
        if let scan { tags += scan.tagLinks.map(\.textContent) + postClassValues(scan.postClasses, prefix: "tag-") }
        for v in tags {
            if let k = PageMetadata.clean(v), !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// The values of WordPress post classes with `prefix` (`category-개발`, `tag-rust`, percent-encoded slugs decoded,
    /// hyphens read as spaces); numeric term ids and "uncategorized" are skipped.
    static func postClassValues(_ classes: [String], prefix: String) -> [String] {
        var out: [String] = []
        for token in classes.flatMap({ $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }) where token.hasPrefix(prefix) {
            let slug = String(token.dropFirst(prefix.count))
            let decoded = (slug.contains("%") ? slug.removingPercentEncoding : nil) ?? slug
            let value = decoded.replacingOccurrences(of: "-", with: " ").trimmed
            guard !value.isEmpty, !value.allSatisfy(\.isNumber), !["uncategorized", "미분류"].contains(value.lowercased()),
                  !out.contains(value) else { continue }
            out.append(value)
        }
        return out
    }

    /// The publisher a portal page names (Daum's and Naver's `og:article:author`: "디지털타임스", "중앙일보 | 네이버"),
    /// without the portal's suffix; nil when it is a URL or absent.
    static func publisher(_ meta: PageMetadata) -> String? {
        guard let raw = meta.value("og:article:author"), !raw.hasPrefix("http") else { return nil }
        let name = raw.split(separator: "|").first.map(String.init) ?? raw
        return PageMetadata.clean(name)
    }

    /// Markers of the text nodes `pageLines` collects: date labels and copyright signs.
    static let dateLabels: [StaticString] = ["입력", "수정", "송고", "업데이트"]
    static let copyrightSigns: [StaticString] = ["무단", "ⓒ", "©", "opyright"]

    /// The page's lines that carry a date label or a copyright sign, from the text nodes `PageScan` found in the
    /// untouched tree: each matching text node's element, or its parent when the value sits in a sibling element
    /// (Naver's `입력</span><span>2026-03-19 09:27`).
    static func pageLines(_ scan: PageScan) -> (dates: String, copyright: String?) {
        var dates: [String] = []
        var copyright: String?
        for t in scan.labelledText {
            guard let p = t.parent else { continue }
            if copyright == nil, copyrightSigns.contains(where: t.textContains) {
                let line = p.textContent.trimmed
                if BoilerplateLines.classify(line) == .copyright { copyright = PageMetadata.clean(line) }
            }
            if dateLabels.contains(where: t.textContains) {
                var text = p.textContent
                if text.utf8.count < 24, let gp = p.parent { text = gp.textContent }
                if text.utf8.count <= 400 { dates.append(text) }
            }
        }
        return (dates.joined(separator: "\n"), copyright)
    }
}
