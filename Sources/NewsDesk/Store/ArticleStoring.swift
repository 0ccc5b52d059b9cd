import Foundation

/// The store contract every backend keeps: the SQLite file (`ArticleStore`) and PostgreSQL (`PostgresStore`).
///
/// `Pipeline`, the read commands (`list`, `show`, `search`, `sources`, `export`, `reimport`, `classify --from-store`)
/// and the exporters use only this. Methods are synchronous (the read commands and exporters are), except `save`'s
/// async twin, which the pipeline awaits so a write never blocks a thread of the cooperative pool.
/// `StoreContractTests` runs one table of cases against both backends.
public protocol ArticleStoring: AnyObject, Sendable, ExportArticleSource {
    /// Where the store is: the SQLite file path, or the PostgreSQL URL without its password.
    var path: String { get }
    /// Migrations this NewsDesk knows that a read-only store has not had (empty when opened read-write).
    var pendingMigrations: [String] { get }

    /// The identity key of a URL (see `ArticleURL.key`), with this store's cleaner.
    func key(for url: String) -> String?
    /// The cleaned URL to store and show for `url`.
    func display(for url: String) -> String?
    /// The number of stored articles.
    func articleCount() throws -> Int

    // MARK: writing articles
    /// Stores one article in one transaction (insert, link to a duplicate, or revise on reimport).
    @discardableResult
    func save(_ draft: ArticleDraft, mode: SaveMode) throws(StoreError) -> SaveOutcome
    /// `save` for tasks: suspends instead of blocking a thread of the cooperative pool.
    @discardableResult
    func save(_ draft: ArticleDraft, mode: SaveMode) async throws(StoreError) -> SaveOutcome
    /// Entries of a feed already handled, by feed id or (any variant of) link.
    func knownItems(sourceID: String, items: [FeedItem]) throws -> Set<String>

    // MARK: entry failures
    /// Counts one more failed run for a feed entry; returns its attempts.
    @discardableResult
    func recordEntryFailure(sourceID: String, itemID: String, url: String, stage: String, error: String,
                            permanent: Bool, at now: Date) throws(StoreError) -> Int
    /// The entries of `items` that have been given up.
    func givenUpEntries(sourceID: String, items: [FeedItem], maxAttempts: Int) throws -> Set<String>
    /// Failing entries, most recent first.
    func entryFailures(sourceID: String?) throws -> [EntryFailure]

    // MARK: reading
    func article(id: Int64) throws -> StoredArticle?
    func article(url: String) throws -> StoredArticle?
    func revisions(articleID: Int64) throws -> [RevisionRecord]
    func list(_ filter: ArticleFilter) throws -> [ArticleSummary]
    func search(_ query: String, filter: ArticleFilter) throws -> [ArticleSummary]
    func labelledExamples() throws -> [(text: String, section: String)]

    // MARK: sources
    func syncSources(_ sources: [SourceConfig]) throws
    func ensureSource(id: String, name: String, location: String, section: String?) throws
    func sources() throws -> [SourceRecord]
    func source(id: String) throws -> SourceRecord?
    @discardableResult
    func recordFetch(sourceID: String, _ result: SourceFetchResult, interval: Int) throws -> SourceRecord?

    // MARK: runs
    func beginRun(dryRun: Bool, at start: Date) throws -> Int64
    func recordRunSource(runID: Int64, sourceID: String, status: String, itemsSeen: Int, new: Int, linked: Int, skipped: Int,
                         errors: Int, error: String?) throws
    func recordRunError(runID: Int64, sourceID: String?, url: String?, stage: String, message: String) throws
    func finishRun(_ id: Int64, status: String, sourcesChecked: Int, articlesNew: Int, articlesLinked: Int,
                   articlesSkipped: Int, errors: Int, at end: Date) throws

    /// The ingest lock when the database server holds it (PostgreSQL: a session advisory lock, held for the life of
    /// the returned object; `shared` for leasing workers, which may run side by side, exclusive for a plain ingest
    /// or a reimport), or nil for a file store, whose caller takes the `flock` beside `path` (`IngestLock`).
    /// - Throws: `StoreError.lockHeld` at once when another holder excludes this one.
    func serverIngestLock(shared: Bool) throws(StoreError) -> AnyObject?
}

/// Run history, for tests and diagnostics (the records are internal).
protocol RunHistory {
    func runs(limit: Int) throws -> [RunRecord]
    func runErrors(runID: Int64) throws -> [RunErrorRecord]
}

extension ArticleStore: RunHistory {}
extension PostgresStore: RunHistory {}

extension ArticleStore: ArticleStoring {
    public func serverIngestLock(shared: Bool) throws(StoreError) -> AnyObject? { nil }

    public func recordRunSource(runID: Int64, sourceID: String, status: String, itemsSeen: Int, new: Int, linked: Int, skipped: Int,
                                errors: Int, error: String?) throws {
        try recordRunSource(RunSourceRecord(runId: runID, sourceId: sourceID, status: status, itemsSeen: itemsSeen, articlesNew: new,
                                            articlesLinked: linked, articlesSkipped: skipped, errors: errors, error: error))
    }
}

extension ArticleStoring {
    /// `search(_:filter:)` with no filter (20 best matches).
    public func search(_ query: String) throws -> [ArticleSummary] { try search(query, filter: ArticleFilter()) }
    /// Every failing entry, most recent first.
    public func entryFailures() throws -> [EntryFailure] { try entryFailures(sourceID: nil) }
}

extension ArticleStoring {
    /// The most recent runs, newest first (both backends keep them; see `RunHistory`).
    func runs(limit: Int = 10) throws -> [RunRecord] { try (self as? any RunHistory)?.runs(limit: limit) ?? [] }
    /// The errors of one run.
    func runErrors(runID: Int64) throws -> [RunErrorRecord] { try (self as? any RunHistory)?.runErrors(runID: runID) ?? [] }
}
