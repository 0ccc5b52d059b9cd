import Foundation
import Logging

/// What happened to one feed entry.
struct ArticleResult: Sendable {
    enum Outcome: Sendable {
        case stored, linked
        case failed(stage: Stage, message: String, permanent: Bool)
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
            return ArticleResult(url: item.link, itemID: item.id, outcome: .failed(stage: .store, message: "\(error)", permanent: false))
        }
    }

    /// Reads an article page: from the local folder when a `path:` source's link maps there, else through the fetcher.
    func get(_ url: String, source: SourceConfig, local: LocalSite?) async throws(StageFailure) -> FetchedResource {
        if let local {
            let file: String?
            do { file = try local.file(for: url) } catch { throw StageFailure(stage: .fetch, message: error.description) }
            if let file {
                do { return try LocalSite.read(file, url: url, etag: nil, maxBytes: config.defaults.maxBodyBytes) } catch {
                    throw StageFailure(stage: .fetch, message: error.description)
                }
            }
        }
        do {
            return try await fetcher.fetch(FetchRequest(url: url, source: source))
        } catch {
            let status = Self.failureInfo(error).status
            // 410 Gone is final; a 404 may be a page not yet published everywhere, so it only counts as an attempt.
            throw StageFailure(stage: .fetch, message: error.description, permanent: status == 410)
        }
    }

    /// decode → extract → sanitize → classify, through the one entry point every command uses.
    func process(_ resource: FetchedResource, source: SourceConfig, item: FeedItem?) throws(StageFailure) -> ProcessedPage {
        try processor.process(resource, source: source, item: item)
    }

    /// Decode → extract → sanitize → classify one fetched page exactly as ingest does, without storing it
    /// (`classify eval --pipeline`). Throws the stage failure ingest would record ("extract: no article text …").
    public func preview(_ resource: FetchedResource, source: SourceConfig) throws -> ArticleDraft {
        try process(resource, source: source, item: nil).draft
    }
}

