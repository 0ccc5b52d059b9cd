import Foundation
import Logging

/// What happened to one feed entry.
struct ArticleResult: Sendable {
    enum Outcome: Sendable {
        case stored, linked
        case failed(stage: String, message: String, permanent: Bool)
        var label: String {
            switch self {
            case .stored: return "new"
            case .linked: return "linked"
            case .failed: return "failed"
            }
        }
    }
    var url: String
    /// The feed entry's id (`FeedItem.id`).
    var itemID: String
    var outcome: Outcome
    /// A problem that did not stop the article (a mis-decoded page): reported, and the run is partial.
    var warning: String? = nil
}

/// An article page fetched and run through every stage, not yet stored.
struct ProcessedPage: Sendable {
    var draft: ArticleDraft
    /// Invalid byte sequences the decoder replaced by U+FFFD, and the charset they were invalid in.
    var replacements = 0
    var sourceCharset = "UTF-8"
    /// Set when the page was mis-decoded (`DecodedPage.misdecodingWarning`).
    var warning: String?
}

extension Pipeline {
    /// Fetches, processes and stores one entry; never throws.
    func processArticle(_ item: FeedItem, source: SourceConfig, local: LocalSite?, dryRun: Bool, logger: Logger) async -> ArticleResult {
        var log = logger
        log[metadataKey: "article.url"] = "\(item.link)"
        do {
            let resource = try await get(item.link, source: source, local: local)
            let processed = try process(resource, source: source, item: item)
            if processed.replacements > 0 {
                log.info("invalid bytes replaced", metadata: ["decode.replacements": "\(processed.replacements)",
                                                              "decode.charset": "\(processed.sourceCharset)"])
            }
            if let w = processed.warning { log.warning("mis-decoded page", metadata: ["warning": "\(w)"]) }
            if dryRun {
                log.debug("would store")
                return ArticleResult(url: item.link, itemID: item.id, outcome: .stored, warning: processed.warning)
            }
            let outcome = try await store.save(processed.draft, mode: .ingest)
            switch outcome {
            case .inserted(let id):
                log.info("stored", metadata: ["article.id": "\(id)", "section": "\(processed.draft.classification.section)"])
                return ArticleResult(url: item.link, itemID: item.id, outcome: .stored, warning: processed.warning)
            case .linked(let id, let match):
                log.info("linked to a stored article", metadata: ["article.id": "\(id)", "match": "\(match)"])
                return ArticleResult(url: item.link, itemID: item.id, outcome: .linked, warning: processed.warning)
            case .unchanged, .revised:
                return ArticleResult(url: item.link, itemID: item.id, outcome: .linked, warning: processed.warning)
            }
        } catch let e as StageFailure {
            log.warning("article failed", metadata: ["stage": "\(e.stage)", "error": "\(e.message)"])
            return ArticleResult(url: item.link, itemID: item.id, outcome: .failed(stage: e.stage, message: e.message, permanent: e.permanent))
        } catch {
            log.warning("article failed", metadata: ["error": "\(error)"])
            return ArticleResult(url: item.link, itemID: item.id, outcome: .failed(stage: "store", message: "\(error)", permanent: false))
        }
    }

    /// Reads an article page: from the local folder when a `path:` source's link maps there, else through the fetcher.
    func get(_ url: String, source: SourceConfig, local: LocalSite?) async throws(StageFailure) -> FetchedResource {
        if let local {
            let file: String?
            do { file = try local.file(for: url) } catch { throw StageFailure(stage: "fetch", message: error.description) }
            if let file {
                do { return try LocalSite.read(file, url: url, etag: nil, maxBytes: config.defaults.maxBodyBytes) } catch {
                    throw StageFailure(stage: "fetch", message: error.description)
                }
            }
        }
        do {
            return try await fetcher.fetch(FetchRequest(url: url, source: source))
        } catch {
            let status = Self.failureInfo(error).status
            // 410 Gone is final; a 404 may be a page not yet published everywhere, so it only counts as an attempt.
            throw StageFailure(stage: "fetch", message: error.description, permanent: status == 410)
        }
    }

    /// decode (only HTML becomes an article) → extract → sanitize → classify, filling gaps from the feed entry.
    func process(_ resource: FetchedResource, source: SourceConfig, item: FeedItem?, pin: String? = nil) throws(StageFailure) -> ProcessedPage {
        let page: DecodedPage
        do { page = try CharsetDecoder.decode(resource, as: .article, override: source.charset) } catch {
            throw StageFailure(stage: "decode", message: error.description)
        }
        var extracted: ExtractedArticle
        do {
            let own = source.site.map { site in sourceExtractors[source.id] ?? Extractor(rules: [site] + config.sites, images: sanitizer) }
            extracted = try (own ?? extractor).extract(page)
        } catch {
            throw StageFailure(stage: "extract", message: error.description)
        }
        if let item {
            if extracted.title.trimmed.isEmpty { extracted.title = item.title }
            if extracted.published == nil { extracted.published = item.published }
            if extracted.updated == nil { extracted.updated = item.updated }
            if extracted.leadImage == nil { extracted.leadImage = item.imageURL }
            if extracted.description == nil { extracted.description = item.summary }
            if extracted.sectionHints.isEmpty { extracted.sectionHints = item.categories }
        }
        let clean = sanitizer.sanitize(html: extracted.bodyHTML, baseURL: resource.finalURL)
        guard clean.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw StageFailure(stage: "extract", message: "no article text found on \(resource.finalURL) (check the site rule for this host)")
        }
        let classification = classify(extracted, text: clean.text, url: resource.finalURL, source: source)
        let seen = ([item?.link, resource.requestedURL].compactMap { $0 }).filter { $0 != resource.finalURL }
        let draft = ArticleDraft(sourceID: source.id, url: resource.finalURL, seenURLs: seen, feedItemID: item?.id, extracted: extracted,
                                 html: clean.html, text: clean.text, imageCount: Self.imageCount(clean.html), classification: classification,
                                 fetchedAt: Date())
        return ProcessedPage(draft: draft, replacements: page.replacements, sourceCharset: page.sourceCharset,
                             warning: page.misdecodingWarning)
    }

    /// Decode → extract → sanitize → classify one fetched page exactly as ingest does, without storing it
    /// (`classify eval --pipeline`). Throws the stage failure ingest would record ("extract: no article text …").
    public func preview(_ resource: FetchedResource, source: SourceConfig) throws -> ArticleDraft {
        try process(resource, source: source, item: nil).draft
    }

    /// The classifier's decision, or without one the source's section (and the reason says so).
    func classify(_ a: ExtractedArticle, text: String, url: String, source: SourceConfig) -> Classification {
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

/// A stage failure for one page or article: recorded, never fatal to the run.
struct StageFailure: Error, Sendable, CustomStringConvertible {
    var stage: String
    var message: String
    /// The page is gone for good (HTTP 410): the entry is given up at once.
    var permanent = false

    var description: String { "\(stage): \(message)" }
}
