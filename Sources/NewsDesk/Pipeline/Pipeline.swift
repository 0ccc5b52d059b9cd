import Foundation
import Synchronization
import Logging

/// NewsDesk's run: for each due source, fetch (conditionally), parse, skip known entries, fetch new article pages,
/// decode → extract → sanitize → classify → store, one transaction per article.
///
/// One bad source, page or article never stops the run: it is recorded (source health, run errors) and the run
/// goes on. Sources run concurrently (`defaults.concurrency`), articles of a source in a bounded window, and the
/// fetcher enforces per-host limits; at most `concurrency × window` pages are in memory at once.
/// Sendable: share one pipeline between tasks; it holds only immutable configuration and shared services.
public struct Pipeline: Sendable {
    /// The built feeds.yaml every stage reads (`Policy.load`).
    public let policy: Policy
    public var config: FeedsConfig { policy.config }
    public let store: any ArticleStoring
    let fetcher: Fetcher
    let classifier: Classifier?
    let logger: Logger
    /// decode → extract → sanitize → classify, the entry point every command shares.
    public let processor: ArticleProcessor
    /// Article pages of one source processed at once.
    let window: Int

    /// Builds a pipeline from a built policy; `classifier` nil files articles by the source's section (the reason
    /// says so). Nothing here can fail: every check was made by `Policy.load`.
    public init(policy: Policy, store: any ArticleStoring, fetcher: Fetcher, classifier: Classifier?, logger: Logger) {
        self.policy = policy
        self.store = store
        self.fetcher = fetcher
        self.classifier = classifier
        self.logger = logger
        self.processor = ArticleProcessor(policy: policy, classifier: classifier)
        self.window = max(2, policy.config.defaults.perHostConcurrency * 2)
    }

    /// Builds the policy of `config` (`Policy(config)`, the checks `feeds check` makes), then the pipeline.
    /// - Throws: `ConfigError` when the config's sanitizer overrides contradict the policy.
    public init(config: FeedsConfig, store: any ArticleStoring, fetcher: Fetcher, classifier: Classifier?, logger: Logger) throws(ConfigError) {
        self.init(policy: try Policy(config), store: store, fetcher: fetcher, classifier: classifier, logger: logger)
    }

    /// Runs an ingest: takes the store's lock (or throws `.lockHeld` at once), records the run, processes every due
    /// source and returns the summary. Throws only for what stops the whole run (lock, store).
    public func ingest(_ options: IngestOptions, progress: (@Sendable (IngestProgress) -> Void)? = nil) async throws(PipelineError) -> RunSummary {
        let lock = try Self.ingestLock(store, shared: false)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        let selected = try selectedSources(options.sourceIDs)

        var runID: Int64?
        do {
            if !options.dryRun {
                try store.syncSources(config.sources)
                runID = try store.beginRun(dryRun: false, at: started)
            }
        } catch let e as StoreError { throw .store(e) } catch { throw .store(.database(operation: "begin run", reason: "\(error)")) }

        let errors = ErrorLog(limit: 20)
        var results: [SourceRunSummary] = []
        let limit = max(1, config.defaults.concurrency)
        let run = runID
        await withTaskGroup(of: SourceRunSummary.self) { group in
            var next = 0
            while next < selected.count || !group.isEmpty {
                while next < selected.count && next - results.count < limit {
                    let source = selected[next]
                    next += 1
                    group.addTask { await self.runSource(source, runID: run, options: options, errors: errors, progress: progress) }
                }
                guard let r = await group.next() else { break }
                results.append(r)
                progress?(.sourceFinished(r))
            }
        }
        results.sort { a, b in (selected.firstIndex { $0.id == a.id } ?? 0) < (selected.firstIndex { $0.id == b.id } ?? 0) }

        let checked = results.filter { $0.status != .notDue }
        let anyFailure = results.contains { $0.status == .failed || $0.failed > 0 || $0.warnings > 0 }
        let allFailed = !checked.isEmpty && checked.allSatisfy { $0.status == .failed }
        let status: RunStatus = allFailed ? .failed : anyFailure ? .partial : .ok
        let finished = Date()
        if let runID {
            do {
                try store.finishRun(runID, status: status.rawValue, sourcesChecked: checked.count, articlesNew: results.reduce(0) { $0 + $1.new },
                                    articlesLinked: results.reduce(0) { $0 + $1.linked }, articlesSkipped: results.reduce(0) { $0 + $1.known },
                                    errors: results.reduce(0) { $0 + $1.failed + $1.warnings } + results.filter { $0.status == .failed }.count,
                                    at: finished)
            } catch { throw .store(error as? StoreError ?? .database(operation: "finish run", reason: "\(error)")) }
        }
        return RunSummary(status: status, runID: runID, dryRun: options.dryRun, startedAt: started, finishedAt: finished,
                          database: store.path, sources: results, errors: errors.messages)
    }
}

extension Pipeline {
    /// Takes the store's ingest lock: the server's advisory lock for PostgreSQL, else the `flock` beside the file.
    /// `shared`: leasing workers, which may run side by side (an exclusive holder keeps them out, and they it).
    public static func ingestLock(_ store: any ArticleStoring, shared: Bool) throws(PipelineError) -> AnyObject {
        do {
            if let lock = try store.serverIngestLock(shared: shared) { return lock }
        } catch {
            if case .lockHeld(let lock, let holder) = error { throw .lockHeld(lockFile: lock, holder: holder) }
            throw .store(error)
        }
        return try IngestLock(path: IngestLock.path(forStore: store.path))
    }
}

/// The first few error messages of a run, for the summary (all of them go to the store).
final class ErrorLog: Sendable {
    private let state: Mutex<[String]>
    let limit: Int
    init(limit: Int) { self.limit = limit; state = Mutex([]) }
    func add(_ message: String) { state.withLock { if $0.count < limit { $0.append(message) } } }
    var messages: [String] { state.withLock { $0 } }
}

extension Pipeline {
    /// The sources named on the command line, in feeds.yaml's order (all of them when none is named); an unknown
    /// name stops the run before anything is fetched.
    func selectedSources(_ ids: [String]) throws(PipelineError) -> [SourceConfig] {
        let known = config.sources.map(\.id)
        let unknown = ids.filter { !known.contains($0) }
        if !unknown.isEmpty { throw .unknownSources(unknown, known: known) }
        return ids.isEmpty ? config.sources : config.sources.filter { ids.contains($0.id) }
    }
}
