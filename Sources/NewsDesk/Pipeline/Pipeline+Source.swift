import Foundation
import Logging

extension Pipeline {
    /// Fetches one source and processes its new entries; never throws: failures are recorded and summarized.
    func runSource(_ source: SourceConfig, runID: Int64?, options: IngestOptions, errors: ErrorLog,
                   progress: (@Sendable (IngestProgress) -> Void)?) async -> SourceRunSummary {
        var log = logger
        log[metadataKey: "source.id"] = "\(source.id)"
        var summary = SourceRunSummary(id: source.id, status: .ok)
        let interval = source.interval ?? config.defaults.interval
        let state = try? store.source(id: source.id)
        let now = Date()
        if !options.force, let due = state?.nextDue, due > now {
            summary.status = .notDue
            summary.nextDue = due
            log.debug("not due", metadata: ["source.next_due": "\(due)"])
            return summary
        }
        progress?(.sourceStarted(id: source.id))

        func fail(_ f: SourceFailure) -> SourceRunSummary {
            summary.status = .failed
            summary.error = f.message
            log.warning("source failed", metadata: ["stage": "\(f.stage.rawValue)", "source.url": "\(f.url ?? "-")", "error": "\(f.message)"])
            errors.add("\(source.id): \(f.message)")
            if !options.dryRun {
                if let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: f.url, stage: f.stage.rawValue, message: f.message) }
                let r = try? store.recordFetch(sourceID: source.id, SourceFetchResult(outcome: .failed(message: f.message, retryAfter: f.retryAfter), status: f.status),
                                               interval: interval)
                summary.nextDue = r?.nextDue
                recordRunSource(summary, runID: runID)
            }
            return summary
        }

        // 1. The feed (conditional: stored ETag / Last-Modified).
        let local: LocalSite?
        let resource: FetchedResource
        let feedURL: String
        do throws(SourceFailure) {
            local = try localSite(of: source)
            (resource, feedURL) = try await fetchFeed(source, local: local, state: state)
        } catch {
            return fail(error)
        }
        log[metadataKey: "source.url"] = "\(feedURL)"
        if resource.notModified {
            summary.status = .notModified
            log.info("not modified")
            if !options.dryRun {
                summary.nextDue = (try? store.recordFetch(sourceID: source.id, SourceFetchResult(outcome: .notModified, status: 304), interval: interval))??.nextDue
                recordRunSource(summary, runID: runID)
            }
            return summary
        }

        // 2. Decode (a feed must not be an image or a binary) and parse.
        let parsed: ParsedFeed
        do throws(SourceFailure) {
            let (feed, warning) = try parseFeed(resource, source: source, feedURL: feedURL)
            parsed = feed
            if let warning {
                summary.warnings += 1
                recordWarning(warning, url: feedURL, source: source, runID: runID, options: options, errors: errors, log: log)
            }
        } catch {
            return fail(error)
        }
        let maxItems = source.maxItems ?? config.defaults.maxItemsPerRun
        let items = Array(parsed.items.prefix(maxItems))
        summary.itemsSeen = items.count
        let known = (try? store.knownItems(sourceID: source.id, items: items)) ?? []
        summary.known = known.count
        let givenUp = options.dryRun ? [] : ((try? store.givenUpEntries(sourceID: source.id, items: items.filter { !known.contains($0.id) },
                                                                          maxAttempts: config.defaults.maxEntryAttempts)) ?? [])
        summary.givenUp = givenUp.count
        let fresh = items.filter { !known.contains($0.id) && !givenUp.contains($0.id) }
        log.info("feed parsed", metadata: ["items": "\(items.count)", "new": "\(fresh.count)", "given_up": "\(givenUp.count)"])

        // 3. Articles, in a bounded window.
        await processEntries(fresh, source: source, local: local, runID: runID, options: options, errors: errors, log: log,
                             progress: progress, summary: &summary)

        // 4. Source state. Validators are kept only when every new entry was handled, so a failed page is retried by
        //    the next run (which would otherwise get a 304 and never see the entry again).
        if !options.dryRun {
            let outcome: SourceFetchResult.Outcome = summary.failed == 0
                ? .fetched(etag: resource.etag, lastModified: resource.lastModified)
                : .fetched(etag: nil, lastModified: nil)
            summary.nextDue = (try? store.recordFetch(sourceID: source.id, SourceFetchResult(outcome: outcome, status: resource.status), interval: interval))??.nextDue
            recordRunSource(summary, runID: runID)
        }
        return summary
    }

    /// The local folder of a `path:` source (nil for a `url:` source).
    func localSite(of source: SourceConfig) throws(SourceFailure) -> LocalSite? {
        guard source.path != nil else { return nil }
        do throws(PipelineError) { return try LocalSite(source: source, configFile: config.file) } catch {
            throw SourceFailure(stage: .config, url: source.path, message: error.description)
        }
    }

    /// Step 1: the feed, from the local folder or through the fetcher (conditional on the stored validators).
    func fetchFeed(_ source: SourceConfig, local: LocalSite?, state: SourceRecord?) async throws(SourceFailure) -> (FetchedResource, String) {
        if let local {
            do throws(PipelineError) {
                let r = try LocalSite.read(local.feedFile, url: local.feedURL, etag: state?.etag, maxBytes: config.defaults.maxBodyBytes)
                return (r, local.feedURL)
            } catch { throw SourceFailure(stage: .fetch, url: source.path, message: error.description) }
        }
        guard let url = source.url else {
            throw SourceFailure(stage: .config, url: nil, message: "source \(source.id) has neither url: nor path:")
        }
        do {
            return (try await fetcher.fetch(FetchRequest(url: url, source: source, etag: state?.etag, lastModified: state?.lastModified)), url)
        } catch {
            let info = Self.failureInfo(error)
            throw SourceFailure(stage: .fetch, url: url, message: error.description, retryAfter: info.retryAfter, status: info.status)
        }
    }

    /// Step 2: decode (only a feed or a page, never a binary) and parse; a mis-decoding warning comes back with it.
    func parseFeed(_ resource: FetchedResource, source: SourceConfig, feedURL: String) throws(SourceFailure) -> (ParsedFeed, String?) {
        let page: DecodedPage
        do { page = try CharsetDecoder.decode(resource, as: .feed, override: source.charset) } catch {
            throw SourceFailure(stage: .decode, url: feedURL, message: error.description, status: resource.status)
        }
        do {
            // The selector compiled once by `Policy`; a source made in code (not in the config) compiles its own.
            var links = policy.linkSelectors[source.id]
            if links == nil, let l = source.site?.links { links = try Selector(l) }
            return (try FeedParser.parse(page, type: source.type, links: links), page.misdecodingWarning)
        } catch {
            throw SourceFailure(stage: .feed, url: feedURL, message: "\(error)", status: resource.status)
        }
    }

    /// Step 3: the new entries, a bounded window of article pages at a time; counts go into `summary`.
    func processEntries(_ fresh: [FeedItem], source: SourceConfig, local: LocalSite?, runID: Int64?, options: IngestOptions,
                        errors: ErrorLog, log: Logger, progress: (@Sendable (IngestProgress) -> Void)?,
                        summary: inout SourceRunSummary) async {
        let articleLogger = log
        await withTaskGroup(of: ArticleResult.self) { group in
            var next = 0
            var running = 0
            while next < fresh.count || running > 0 {
                while running < window && next < fresh.count {
                    let item = fresh[next]
                    next += 1
                    running += 1
                    group.addTask { await self.processArticle(item, source: source, local: local, dryRun: options.dryRun, logger: articleLogger) }
                }
                guard let r = await group.next() else { break }
                running -= 1
                if let w = r.warning {
                    summary.warnings += 1
                    recordWarning(w, url: r.url, source: source, runID: runID, options: options, errors: errors, log: log)
                }
                switch r.outcome {
                case .stored: summary.new += 1
                case .linked: summary.linked += 1
                case .failed(let stage, let message, let permanent):
                    summary.failed += 1
                    errors.add("\(source.id): \(r.url): \(message)")
                    if !options.dryRun {
                        if let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: r.url, stage: stage.rawValue, message: message) }
                        let attempts = (try? store.recordEntryFailure(sourceID: source.id, itemID: r.itemID, url: r.url, stage: stage.rawValue,
                                                                      error: message, permanent: permanent, at: Date())) ?? 0
                        if permanent || attempts >= config.defaults.maxEntryAttempts {
                            log.warning("entry given up", metadata: ["article.url": "\(r.url)", "attempts": "\(attempts)",
                                                                     "reason": "\(permanent ? "gone (410)" : "failed \(attempts) runs in a row")"])
                        }
                    }
                }
                progress?(.article(sourceID: source.id, url: r.url, outcome: r.outcome.label))
            }
        }
    }

    /// A problem that did not stop the source or article (a mis-decoded page): logged, recorded with the run, and
    /// the run is partial.
    func recordWarning(_ message: String, url: String, source: SourceConfig, runID: Int64?, options: IngestOptions, errors: ErrorLog, log: Logger) {
        log.warning("decode warning", metadata: ["source.url": "\(url)", "warning": "\(message)"])
        errors.add("\(source.id): \(message)")
        if !options.dryRun, let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: url, stage: Stage.decode.rawValue, message: message) }
    }

    /// The HTTP status and Retry-After time a fetch failure carries, if any.
    static func failureInfo(_ error: FetchError) -> (status: Int?, retryAfter: Date?) {
        switch error {
        case .httpStatus(_, let status, let retryAfter): return (status, retryAfter.map { Date().addingTimeInterval($0) })
        case .backingOff(_, _, let until): return (nil, until)
        default: return (nil, nil)
        }
    }

    func recordRunSource(_ s: SourceRunSummary, runID: Int64?) {
        guard let runID else { return }
        try? store.recordRunSource(runID: runID, sourceID: s.id, status: s.status.rawValue, itemsSeen: s.itemsSeen, new: s.new,
                                   linked: s.linked, skipped: s.known, errors: s.failed + s.warnings, error: s.error)
    }
}

/// Why a source stopped before its entries: recorded as the source's failure (health, run errors, backoff).
struct SourceFailure: Error {
    var stage: Stage
    var url: String?
    var message: String
    var retryAfter: Date? = nil
    var status: Int? = nil
}
