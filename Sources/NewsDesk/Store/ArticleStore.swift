import Foundation
import GRDB
import Logging

/// NewsDesk's SQLite store (GRDB `DatabasePool`, WAL): articles with their URLs, revisions and search index,
/// sources with their fetch state, runs, and export cursors.
///
/// Thread-safety: one instance may be shared by any number of tasks; reads run concurrently, writes are
/// serialized by SQLite. Every article is written in one transaction (`save`), so a killed process never
/// leaves half an article. Methods are synchronous and short; call them from tasks freely.
public final class ArticleStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let logger: Logger?
    /// Applied to URLs before identity keys are built: `URLCleaner` (tracking parameters) unless a test passes another.
    let urlCleaner: @Sendable (String) -> String

    /// Migrations this NewsDesk knows that a read-only store has not had (empty when opened read-write, which
    /// applies them). Read what you can and tell the operator: the next `newsdesk ingest` upgrades the file.
    public let pendingMigrations: [String]
    /// How the store was opened.
    public let access: StoreAccess

    /// Opens the store at `path`. `.readWrite` creates and migrates it as needed (ingest, reimport); `.readOnly`
    /// needs an existing store and never writes to it (see `StoreAccess`).
    public init(path: String, logger: Logger? = nil, urlCleaner: @escaping @Sendable (String) -> String = { URLCleaner.clean($0) },
                access: StoreAccess = .readWrite) throws(StoreError) {
        self.path = path
        self.logger = logger
        self.urlCleaner = urlCleaner
        self.access = access
        if access == .readOnly {
            (pool, pendingMigrations) = try Self.openReadOnly(path: path)
            return
        }
        pendingMigrations = []
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // WAL + NORMAL: a committed transaction survives a killed process (not necessarily a power cut).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoint every ~16 MB of WAL instead of SQLite's 4 MB: each checkpoint syncs the database file inside
            // some article's write transaction (a tenth of an ingest's write time at the default); the WAL file is
            // cut back to 64 MB after a checkpoint.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        pool = try Self.openPool(path: path, configuration: config)
        do {
            let migrator = StoreSchema.migrator
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let known = Set(migrator.migrations)
                let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                throw StoreError.unknownMigrations(path: path, names: applied.subtracting(known).sorted())
            }
            try Self.migrate(pool, with: migrator)
        } catch let e as StoreError {
            throw e
        } catch {
            throw .open(path: path, reason: "migration failed: \(error)")
        }
    }

    /// Opens the pool. Switching a brand-new file to WAL takes an exclusive lock that SQLite does not wait for
    /// (no busy handler runs for `PRAGMA journal_mode`), so two processes creating the same store at once would see
    /// SQLITE_BUSY: retry for up to 10 s before giving up.
    private static func openPool(path: String, configuration: Configuration) throws(StoreError) -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let e as DatabaseError where (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) && attempt < 100 {
                attempt += 1
                usleep(100_000)
            } catch {
                throw .open(path: path, reason: String(describing: error))
            }
        }
    }

    /// Applies pending migrations. Two processes opening a new store at once both see "not applied" and race to
    /// create the schema; the loser's CREATE fails once the winner commits. Each migration is one transaction, so on
    /// failure we look again: if another process completed them, we are done; otherwise retry the rest.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                if try pool.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                if attempt >= 20 { throw error }
                usleep(100_000)
            }
        }
    }

    /// Runs a read, mapping SQLite errors to `StoreError.database`.
    func reading<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch let e as StoreError { throw e } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// Runs a write transaction, mapping SQLite errors to `StoreError.database`.
    func writing<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch let e as StoreError { throw e } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// `writing` for tasks: suspends until GRDB's writer has run the transaction (no blocked thread).
    func writingAsync<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.write(body) } catch let e as StoreError { throw e } catch {
            throw .database(operation: operation, reason: String(describing: error))
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try reading("integrity check") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// The identity key of a URL (see `ArticleURL.key`), with this store's cleaner.
    public func key(for url: String) -> String? { ArticleURL.key(url, cleaner: urlCleaner) }

    /// The cleaned URL to store and show for `url` (see `ArticleURL.display`).
    public func display(for url: String) -> String? { ArticleURL.display(url, cleaner: urlCleaner) }

    /// The number of stored articles.
    public func articleCount() throws -> Int {
        try reading("count articles") { db in try ArticleRecord.fetchCount(db) }
    }
}

extension ArticleStore {
    /// Opens a store whose URL identity uses `cleaner`: pass `Policy.urlCleaner`, the one the sanitizer uses
    /// (standard tracking parameters plus `sanitize.extra_tracking_parameters`), so a parameter the operator added
    /// never splits one article into two identities.
    public convenience init(path: String, logger: Logger? = nil, cleaner: URLCleaner, access: StoreAccess = .readWrite) throws(StoreError) {
        try self.init(path: path, logger: logger, urlCleaner: { cleaner.clean($0) }, access: access)
    }
}
