import Foundation

/// The stages one article page goes through — decode (only HTML becomes an article) → extract → sanitize →
/// classify — built once from a `Policy`: the one entry point `ingest`, `reimport`, `extract`, `classify FILE` and
/// `sanitize` share, so a page gives the same text, section and HTML whichever command processed it.
/// Sendable: share one between tasks; it holds only immutable values.
public struct ArticleProcessor: Sendable {
    /// The built feeds.yaml.
    public let policy: Policy
    let classifier: Classifier?
    let sanitizer: Sanitizer
    let extractor: Extractor
    /// Extractors of the sources that bring their own site rule (tried before the config's `sites:`), built once.
    let sourceExtractors: [String: Extractor]

    /// The stages for `policy`; `classifier` nil files articles by the source's section (the reason says so).
    public init(policy: Policy, classifier: Classifier?) {
        self.policy = policy
        self.classifier = classifier
        let config = policy.config
        let sanitizer = Sanitizer(policy: policy.sanitize)
        self.sanitizer = sanitizer
        extractor = Extractor(rules: config.sites, images: sanitizer)
        var perSource: [String: Extractor] = [:]
        for s in config.sources { if let site = s.site { perSource[s.id] = Extractor(rules: [site] + config.sites, images: sanitizer) } }
        sourceExtractors = perSource
    }

    /// A source for a page no configured source names (`extract`, `classify FILE`, `sanitize`): mixed, so the
    /// classifier decides, or single-section when `section` is given.
    public static func adHocSource(url: String, section: String? = nil) -> SourceConfig {
        SourceConfig(id: section.map { "\($0)-page" } ?? "page", name: "page", url: url, section: section, mixed: section == nil)
    }

    /// Decode: only HTML becomes an article; the charset comes from `charset`, else the source's, else the page.
    public func decode(_ resource: FetchedResource, source: SourceConfig, charset: String? = nil) throws(StageFailure) -> DecodedPage {
        do { return try CharsetDecoder.decode(resource, as: .article, override: charset ?? source.charset) } catch {
            throw StageFailure(stage: .decode, message: error.description)
        }
    }

    /// Extract, with the source's own site rule first, then `sites:`, then the built-in rules.
    public func extract(_ page: DecodedPage, source: SourceConfig) throws(StageFailure) -> ExtractedArticle {
        do {
            if let own = sourceExtractors[source.id] { return try own.extract(page) }
            // A source built on the fly (reimport of an unconfigured site) with a rule of its own.
            if let site = source.site { return try Extractor(rules: [site] + policy.config.sites, images: sanitizer).extract(page) }
            return try extractor.extract(page)
        } catch {
            throw StageFailure(stage: .extract, message: error.description)
        }
    }

    /// Sanitize an extracted body (relative URLs against the page's URL) or a whole decoded page.
    public func sanitize(html: String, baseURL: String?) -> SanitizedHTML { sanitizer.sanitize(html: html, baseURL: baseURL) }

    /// Sanitize a whole decoded page (`newsdesk sanitize`).
    public func sanitize(page: DecodedPage, baseURL: String?) -> SanitizedHTML { sanitizer.sanitize(page: page, baseURL: baseURL) }

    /// decode → extract → sanitize → classify, filling gaps from the feed entry (when there is one).
    public func process(_ resource: FetchedResource, source: SourceConfig, item: FeedItem? = nil,
                        charset: String? = nil) throws(StageFailure) -> ProcessedPage {
        let page = try decode(resource, source: source, charset: charset)
        var extracted = try extract(page, source: source)
        if let item {
            if extracted.title.trimmed.isEmpty { extracted.title = item.title }
            if extracted.published == nil { extracted.published = item.published }
            if extracted.updated == nil { extracted.updated = item.updated }
            // The feed's image (enclosure, media:thumbnail, an <img> in the description) goes through the same image
            // rules as the page's: a Daum thumbnail proxy is unwrapped, a tracking pixel refused.
            if extracted.leadImage == nil { extracted.leadImage = item.imageURL.flatMap { sanitizer.imageRules.url($0, base: item.link) } }
            if extracted.description == nil { extracted.description = item.summary }
            if extracted.sectionHints.isEmpty { extracted.sectionHints = item.categories }
        }
        var clean = sanitize(html: extracted.bodyHTML, baseURL: resource.finalURL)
        // The article's text is its prose: captions stay in the HTML (figcaption) but not in what search and the
        // classifier read (docs/extract.md, "What text is").
        clean.text = Self.removingCaptions(clean.text, extracted.captions)
        guard clean.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw StageFailure(stage: .extract, message: "no article text found on \(resource.finalURL) (check the site rule for this host)")
        }
        let classification = classify(extracted, text: clean.text, url: resource.finalURL, source: source)
        let seen = ([item?.link, resource.requestedURL].compactMap { $0 }).filter { $0 != resource.finalURL }
        let draft = ArticleDraft(sourceID: source.id, url: resource.finalURL, seenURLs: seen, feedItemID: item?.id, extracted: extracted,
                                 html: clean.html, text: clean.text, imageCount: Self.imageCount(clean.html), classification: classification,
                                 fetchedAt: Date())
        return ProcessedPage(draft: draft, replacements: page.replacements, sourceCharset: page.sourceCharset,
                             warning: page.misdecodingWarning)
    }

    /// The classifier's decision, or without one the source's section (and the reason says so).
    public func classify(_ a: ExtractedArticle, text: String, url: String, source: SourceConfig) -> Classification {
        if let classifier {
            return classifier.classify(ClassificationInput(article: a, text: text, url: url, sourceID: source.id,
                                                           sourceSection: source.mixed ? nil : source.section))
        }
        let fallback = policy.sections.defaultSection
        if !source.mixed, let s = source.section {
            return Classification(section: s, confidence: 1, method: .source, reason: "source \(source.id) is single-section (\(s)); no classifier")
        }
        return Classification(section: fallback, confidence: 0, method: .fallback, reason: "source \(source.id) is mixed and no classifier is available: default section \(fallback)")
    }

    /// `<img` tags in sanitized HTML (a byte count: Foundation's `components(separatedBy:)` bridged the whole page).
    /// `text` without the lines that are exactly one of `captions` (whitespace collapsed); a figcaption is a block, so
    /// the sanitizer's text has each caption on a line of its own.
    public static func removingCaptions(_ text: String, _ captions: [String]) -> String {
        guard !captions.isEmpty else { return text }
        let set = Set(captions.map(FeedText.collapse))
        var out: [Substring] = []
        var skippedBlank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if set.contains(FeedText.collapse(String(line))) { skippedBlank = true; continue }
            // A blank line left behind by a removed caption is dropped too (no double blank lines).
            if line.isEmpty, skippedBlank, out.last?.isEmpty ?? true { continue }
            skippedBlank = false
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    static func imageCount(_ html: String) -> Int {
        var count = 0
        html.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            while i + 4 <= n {
                if b[i] == 0x3C, b[i + 1] == 0x69, b[i + 2] == 0x6D, b[i + 3] == 0x67 { count += 1; i += 4 } else { i += 1 }
            }
        } ?? { count = html.components(separatedBy: "<img").count - 1 }()
        return count
    }
}

/// An article page fetched and run through every stage, not yet stored.
public struct ProcessedPage: Sendable {
    /// What the store saves: the extracted fields, sanitized HTML and text, classification.
    public var draft: ArticleDraft
    /// Invalid byte sequences the decoder replaced by U+FFFD, and the charset they were invalid in.
    public var replacements = 0
    public var sourceCharset = "UTF-8"
    /// Set when the page was mis-decoded (`DecodedPage.misdecodingWarning`).
    public var warning: String?
}

/// A stage failure for one page or article: recorded, never fatal to the run.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public var stage: Stage
    /// What happened and what to do.
    public var message: String
    /// The page is gone for good (HTTP 410): the entry is given up at once.
    public var permanent = false

    public var description: String { "\(stage.rawValue): \(message)" }
}
