import Foundation

/// Extracts an article from a decoded page: the body fragment, the metadata, and the Korean bylines and boilerplate.
///
/// The body comes from the first site rule whose host matches the page (the operator's `feeds.yaml` rules first, then
/// `SiteRule.builtinArticleRules`, most specific host first), else from the generic `ContentScorer`. The fragment is not
/// sanitized: the pipeline hands `bodyHTML` to the `Sanitizer`. Pure and `Sendable`: no I/O, no logging; each call owns
/// its own libxml2 document.
public struct Extractor: Sendable {
    /// The operator's rules, tried before the built-in ones.
    public let rules: [SiteRule]
    /// Every selector of the operator's and the built-in rules, compiled once; a selector that does not compile maps
    /// to its error, thrown when a page of that host is extracted.
    private let selectors: [String: Result<Selector, Selector.ParseError>]
    /// The image rules the lead image goes through (proxy unwrapping, resize and tracking parameters): those of the
    /// sanitizer the body is cleaned with, so both name an image the same way.
    public let images: ImageURLRules

    /// An extractor whose lead images follow `images`' rules (the sanitizer the pipeline cleans bodies with).
    public init(rules: [SiteRule] = [], images: Sanitizer) {
        self.init(rules: rules, imageRules: images.imageRules)
    }

    public init(rules: [SiteRule] = [], imageRules: ImageURLRules = ImageURLRules()) {
        self.rules = rules
        self.images = imageRules
        var table = Self.builtinSelectors
        for r in rules {
            for s in [r.content, r.title, r.byline, r.date].compactMap({ $0 }) + r.remove where table[s] == nil {
                table[s] = Result { () throws(Selector.ParseError) -> Selector in try Selector(s) }
            }
        }
        selectors = table
    }

    private static let builtinSelectors: [String: Result<Selector, Selector.ParseError>] = {
        var table: [String: Result<Selector, Selector.ParseError>] = [:]
        for r in SiteRule.builtinArticleRules {
            for s in [r.content, r.title, r.byline, r.date].compactMap({ $0 }) + r.remove {
                table[s] = Result { () throws(Selector.ParseError) -> Selector in try Selector(s) }
            }
        }
        return table
    }()

    private func selector(_ css: String, _ url: String) throws(ExtractError) -> Selector {
        switch selectors[css] ?? Result(catching: { () throws(Selector.ParseError) -> Selector in try Selector(css) }) {
        case .success(let s): return s
        case .failure(let e): throw .badSelector(url: url, selector: css, reason: e.reason)
        }
    }

    private static let jsonLD: [UInt8] = Array("ld+json".utf8)

    /// Extracts the article of `page`, parsed with its explicit charset.
    public func extract(_ page: DecodedPage) throws(ExtractError) -> ExtractedArticle {
        var trace: [String]?
        return try extract(page, trace: &trace)
    }

    /// The body candidates the generic cascade weighed for `page` (all of them, even when the scorer's pick would have
    /// been kept), one line each with its signals, and the path chosen: what `newsdesk-bench extract --explain` prints.
    public func explain(_ page: DecodedPage) throws(ExtractError) -> [String] {
        var trace: [String]? = []
        let a = try extract(page, trace: &trace)
        return (trace ?? []) + ["chosen: \(a.extractor)"]
    }

    /// The bytes libxml2 reads for `page`: script and style contents (most of a news page's bytes) are cut from a
    /// UTF-8 page, as the sanitizer does; JSON-LD blocks are kept, since the metadata reads them. Blank runs between
    /// tags (indentation) shrink to one byte, outside `<pre>`-like elements: the text a reader sees is the same.
    /// `</body>` and `</html>` mid-page are ignored, as browsers ignore them (`IgnoredEndTags`): the same scan blanks
    /// them, and `endTagsBlanked` says whether it read the whole page (else the document blanks the rest).
    static func input(_ page: DecodedPage) -> (bytes: [UInt8], endTagsBlanked: Bool) {
        guard ["utf-8", "utf8"].contains(page.charset.lowercased()) else { return (page.bytes, false) }
        let r = page.bytes.withUnsafeBufferPointer { RawTextStripper.stripForExtraction($0, keepingTagsMentioning: Self.jsonLD) }
        return (r.bytes ?? page.bytes, r.endTagsBlanked)
    }

    /// The document of `input`: `honouringEndTags` only when no `</body>` or `</html>` is left to ignore.
    static func document(_ input: (bytes: [UInt8], endTagsBlanked: Bool), _ page: DecodedPage, limitingDepth: Bool) throws(HTMLError) -> HTMLDocument {
        try HTMLDocument(bytes: input.bytes, encoding: page.charset, url: page.url, honouringEndTags: input.endTagsBlanked,
                         limitingDepth: limitingDepth)
    }

    /// The parse the extractor starts with, alone: the floor under extraction that `newsdesk-bench extract` prints.
    public static func parse(_ page: DecodedPage) throws(HTMLError) -> HTMLDocument {
        try document(input(page), page, limitingDepth: true)
    }

    func extract(_ page: DecodedPage, trace: inout [String]?) throws(ExtractError) -> ExtractedArticle {
        let input = Self.input(page)
        let document: HTMLDocument
        do {
            // The depth cap is applied below, only when the scan (a walk made anyway) finds a page that deep.
            document = try Self.document(input, page, limitingDepth: false)
        } catch {
            throw .unreadable(url: page.url, reason: error.description)
        }
        guard let body = PagePrep.body(document) else { throw .emptyPage(url: page.url) }
        var scan = PageScan(document)
        if scan.deepest > HTMLDocument.maxDepth {
            // Lifting nodes may merge text nodes the scan holds: scan again after.
            document.limitDepth()
            scan = PageScan(document)
        }
        let meta = PageMetadata(scan: scan)
        let host = URLCleaner.host(of: page.url) ?? ""
        let rule = self.rule(for: host)

        // Metadata that reads the untouched tree (rule selectors point into page chrome).
        let ruleTitle = try rule?.title.map { css throws(ExtractError) in try text(css, document, page.url) } ?? nil
        let ruleByline = try rule?.byline.map { css throws(ExtractError) in try text(css, document, page.url) } ?? nil
        let ruleDate = try rule?.date.map { css throws(ExtractError) in try dateText(css, document, page.url) } ?? nil
        let title = ArticleMetadata.title(rule: ruleTitle, meta: meta, scan: scan)
        let originalURL = ArticleMetadata.originalURL(scan: scan, base: page.url)
        let breadcrumbs = ArticleMetadata.breadcrumbs(scan: scan)
        let categories = ArticleMetadata.categories(scan: scan, meta: meta)
        let keywords = ArticleMetadata.keywords(meta, scan: scan)
        let lines = ArticleMetadata.pageLines(scan)
        let textDates = DateParser.labelledDates(in: (ruleDate ?? "") + "\n" + lines.dates)

        // The body: what a reader sees. Hidden elements go on every path (`BodyCleaner.stripJunk`, which both run).
        var content: [HTMLNode] = []
        var extractorName = "generic"
        if let rule, let css = rule.content {
            let sel = try selector(css, page.url)
            let found = ((try? sel.select(in: document)) ?? []).filter { NodeText.weight($0.textContent) > 0 || !$0.descendants(where: { $0.hasName("img") }).isEmpty }
            content = HTMLNode.outermost(found)
            if !content.isEmpty {
                extractorName = "site:" + (rule.name ?? rule.hosts.first ?? "rule")
                for r in rule.remove {
                    let rs = try selector(r, page.url)
                    for root in content {
                        // Outermost matches only: removing an element frees whatever matched inside it.
                        for n in (try? rs.select(below: root, outermost: true)) ?? [] { n.remove() }
                    }
                }
                for root in content { BodyCleaner.stripJunk(root, unlikely: false) }
            }
        }
        var pageHasContent = true
        if content.isEmpty {
            let choice = BodyCascade.run(body: body, meta: meta, all: trace != nil)
            pageHasContent = choice.pageHasContent
            if trace != nil {
                trace?.append("page: visible non-link weight \(Int(choice.pageWeight))")
                trace? += choice.considered.map(\.summary)
            }
            if let chosen = choice.chosen {
                content = chosen.nodes
                extractorName = chosen.path
            }
        }
        for root in content { BodyCleaner.conditionalClean(root, title: title, stats: NodeStats(root)) }
        let captions = Captions.collect(content)
        let findings = BodyCleaner.scrub(content)
        let bodyHTML = content.count == 1 ? content[0].innerHTML : content.map(\.outerHTML).joined(separator: "\n")
        guard Self.hasBody(bodyHTML) else {
            if !pageHasContent { throw .emptyPage(url: page.url) }
            throw .noArticle(url: page.url, reason: content.isEmpty ? "no candidate held text" : "the \(extractorName) body held no text or image")
        }

        var byline = ruleByline.flatMap(KoreanByline.parse) ?? Byline()
        byline = KoreanByline.merge(byline, findings.byline)
        byline = KoreanByline.merge(byline, ArticleMetadata.metaByline(meta))

        let published = ArticleMetadata.date(meta.value("article:published_time", "og:published_time", "pubdate", "publishdate",
                                                        "date", "dc.date", "dc.date.issued", "datepublished")
                                              ?? meta.jsonLD.datePublished) ?? ruleDate.flatMap { DateParser.parse($0) } ?? textDates.published
        let updated = ArticleMetadata.date(meta.value("article:modified_time", "og:updated_time", "dc.date.modified", "datemodified")
                                            ?? meta.jsonLD.dateModified) ?? textDates.updated
        var article = ExtractedArticle(
            url: page.url,
            canonicalURL: ArticleMetadata.absolute(meta.canonical ?? meta.value("og:url") ?? meta.jsonLD.url, base: page.url),
            originalURL: originalURL,
            title: title ?? "",
            byline: byline,
            published: published,
            updated: updated,
            leadImage: ArticleMetadata.leadImage(images, meta.value("og:image", "og:image:url", "twitter:image", "twitter:image:src")
                                                 ?? meta.jsonLD.image, base: page.url)
                ?? ArticleMetadata.firstBodyImage(images, content, base: page.url),
            description: meta.value("og:description", "description", "twitter:description") ?? meta.jsonLD.description,
            siteName: meta.value("og:site_name", "application-name") ?? meta.jsonLD.publisher ?? rule?.name,
            language: ArticleMetadata.language(meta: meta, text: NodeText.leadingText(of: content, bytes: 16_000)),
            sectionHints: ArticleMetadata.sectionHints(meta: meta, breadcrumbs: breadcrumbs, categories: categories, url: page.url),
            keywords: keywords,
            attribution: findings.attribution ?? lines.copyright,
            bodyHTML: bodyHTML.trimmed,
            extractor: extractorName
        )
        article.publisher = ArticleMetadata.publisher(meta)
        article.captions = captions
        return article
    }

    /// Whether a body fragment holds text or an image (a photo article is an article).
    static func hasBody(_ html: String) -> Bool {
        var inTag = false
        for u in html.unicodeScalars {
            if u == "<" { inTag = true } else if u == ">" { inTag = false } else if !inTag, u.value > 0x20, u.value != 0xA0 { return true }
        }
        return html.includes("<img") || html.includes("<video") || html.includes("<iframe")
    }

    /// The rule for `host`: the operator's first match, else the built-in rule with the longest matching host.
    func rule(for host: String) -> SiteRule? {
        if let r = rules.first(where: { $0.matches(host: host) }) { return r }
        var best: (SiteRule, Int)?
        for r in SiteRule.builtinArticleRules {
            for h in r.hosts where SiteRule(hosts: [h]).matches(host: host) && h.count > (best?.1 ?? -1) { best = (r, h.count) }
        }
        return best?.0
    }

    private func text(_ css: String, _ document: HTMLDocument, _ url: String) throws(ExtractError) -> String? {
        let sel = try selector(css, url)
        let found = (try? sel.select(in: document)) ?? []
        return found.lazy.compactMap { PageMetadata.clean($0.textContent) }.first
    }

    /// A date element's machine value (`datetime`, `data-date-time`) or its text, all matches joined.
    private func dateText(_ css: String, _ document: HTMLDocument, _ url: String) throws(ExtractError) -> String? {
        let sel = try selector(css, url)
        let found = (try? sel.select(in: document)) ?? []
        let parts = found.compactMap { n in n.attribute("datetime") ?? n.attribute("data-date-time") ?? PageMetadata.clean(n.textContent) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}

extension Extractor {
    /// The plain text of an HTML fragment such as `bodyHTML`: one line per block and `<br>`, whitespace collapsed.
    /// Captions (`figcaption`) are left out, as `ExtractedArticle.captions` holds them; `includingCaptions` keeps them
    /// (what a reader view shows, the benchmarks' gold text).
    public static func text(ofFragment html: String, includingCaptions: Bool = false) -> String {
        guard let doc = try? HTMLDocument(html: "<html><body>" + html + "</body></html>"), let body = doc.body else { return "" }
        return NodeText.render(body, captions: includingCaptions)
    }
}
