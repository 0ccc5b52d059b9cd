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

        func fail(_ stage: Stage, _ url: String?, _ message: String, retryAfter: Date? = nil, status: Int? = nil) -> SourceRunSummary {
            summary.status = .failed
            summary.error = message
            log.warning("source failed", metadata: ["stage": "\(stage)", "source.url": "\(url ?? "-")", "error": "\(message)"])
            errors.add("\(source.id): \(message)")
            if !options.dryRun {
                if let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: url, stage: stage.rawValue, message: message) }
                let r = try? store.recordFetch(sourceID: source.id, SourceFetchResult(outcome: .failed(message: message, retryAfter: retryAfter), status: status), interval: interval)
                summary.nextDue = r?.nextDue
                recordRunSource(summary, runID: runID)
            }
            return summary
        }

        /// A problem that did not stop the source or article: logged, recorded with the run, and the run is partial.
        func warn(_ message: String, url: String) {
            summary.warnings += 1
            log.warning("decode warning", metadata: ["source.url": "\(url)", "warning": "\(message)"])
            errors.add("\(source.id): \(message)")
            if !options.dryRun, let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: url, stage: Stage.decode.rawValue, message: message) }
        }

        // 1. The feed (conditional: stored ETag / Last-Modified).
        let local: LocalSite?
        let resource: FetchedResource
        let feedURL: String
        do throws(PipelineError) {
            local = source.path != nil ? try LocalSite(source: source, configFile: config.file) : nil
        } catch {
            return fail(.config, source.path, error.description)
        }
        if let local {
            feedURL = local.feedURL
            do throws(PipelineError) {
                resource = try LocalSite.read(local.feedFile, url: feedURL, etag: state?.etag, maxBytes: config.defaults.maxBodyBytes)
            } catch { return fail(.fetch, source.path, error.description) }
        } else if let url = source.url {
            feedURL = url
            do {
                resource = try await fetcher.fetch(FetchRequest(url: url, source: source, etag: state?.etag, lastModified: state?.lastModified))
            } catch {
                let info = Self.failureInfo(error)
                return fail(.fetch, url, error.description, retryAfter: info.retryAfter, status: info.status)
            }
        } else {
            return fail(.config, nil, "source \(source.id) has neither url: nor path:")
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
        let page: DecodedPage
        do { page = try CharsetDecoder.decode(resource, as: .feed, override: source.charset) } catch {
            return fail(.decode, feedURL, error.description, status: resource.status)
        }
        if let w = page.misdecodingWarning { warn(w, url: feedURL) }
        let parsed: ParsedFeed
        do {
            var links: Selector?
            if let l = source.site?.links { links = try Selector(l) }
            parsed = try FeedParser.parse(page, type: source.type, links: links)
        } catch {
            return fail(.feed, feedURL, "\(error)", status: resource.status)
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
                if let w = r.warning { warn(w, url: r.url) }
                switch r.outcome {
                case .stored: summary.new += 1
                case .linked: summary.linked += 1
                case .failed(let stage, let message, let permanent):
                    summary.failed += 1
                    errors.add("\(source.id): \(r.url): \(message)")
                    if !options.dryRun {
                        if let runID { try? store.recordRunError(runID: runID, sourceID: source.id, url: r.url, stage: stage.rawValue, message: message) }
                        let attempts = (try? store.recordEntryFailure(sourceID: source.id, itemID: r.itemID, url: r.url, stage: stage.rawValue,
                                                                      error: message, permanent: permanent)) ?? 0
                        if permanent || attempts >= config.defaults.maxEntryAttempts {
                            log.warning("entry given up", metadata: ["article.url": "\(r.url)", "attempts": "\(attempts)",
                                                                     "reason": "\(permanent ? "gone (410)" : "failed \(attempts) runs in a row")"])
                        }
                    }
                }
                progress?(.article(sourceID: source.id, url: r.url, outcome: r.outcome.label))
            }
        }

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
        try? store.recordRunSource(RunSourceRecord(runId: runID, sourceId: s.id, status: s.status.rawValue, itemsSeen: s.itemsSeen, articlesNew: s.new,
                                                   articlesLinked: s.linked, articlesSkipped: s.known, errors: s.failed + s.warnings, error: s.error))
    }
}
