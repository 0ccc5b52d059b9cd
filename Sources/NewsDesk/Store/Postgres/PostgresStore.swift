import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// NewsDesk's store on PostgreSQL (`--db postgres://USER@HOST:PORT/DB`): the same contract as the SQLite
/// `ArticleStore` (`ArticleStoring`), for several `newsdesk ingest` processes sharing one database.
///
/// Thread-safety: one instance may be shared by any number of tasks and threads; each call takes a connection of
/// its own. Every article is written in one transaction; concurrent writers of the same article serialize on
/// advisory locks keyed by its URLs and text hash, and the unique constraints (`ON CONFLICT`) hold either way.
public final class PostgresStore: Sendable {
    /// The URL without its password.
    public let path: String
    let url: PostgresURL
    let connections: PostgresConnections
    let logger: Logger?
    let urlCleaner: @Sendable (String) -> String
    public let pendingMigrations: [String]
    public let access: StoreAccess

    /// Connects; `.readWrite` applies pending migrations (creating the schema in an empty database), `.readOnly`
    /// needs the schema and writes nothing.
    public init(url: PostgresURL, logger: Logger? = nil, urlCleaner: @escaping @Sendable (String) -> String = { URLCleaner.clean($0) },
                access: StoreAccess = .readWrite) throws(StoreError) {
        self.url = url
        self.path = url.description
        self.logger = logger
        self.urlCleaner = urlCleaner
        self.access = access
        var nioLogger = Logger(label: "newsdesk.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        nioLogger.logLevel = .critical
        connections = PostgresConnections(url: url, logger: nioLogger)
        let path = url.description
        do {
            pendingMigrations = try connections.with { s throws -> [String] in
                if access == .readOnly {
                    let applied = try Self.appliedMigrations(s)
                    guard let applied else { throw StoreError.notAStore(path: path) }
                    let unknown = applied.subtracting(PostgresSchema.names)
                    if !unknown.isEmpty { throw StoreError.unknownMigrations(path: path, names: unknown.sorted()) }
                    return PostgresSchema.names.filter { !applied.contains($0) }
                }
                try Self.migrate(s, path: path)
                return []
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .open(path: path, reason: "migration failed: \(error)")
        }
    }

    deinit { connections.closeAll() }

    /// The names in `newsdesk_migrations`, or nil when the table is missing (not a NewsDesk database).
    static func appliedMigrations(_ s: PostgresSession) throws -> Set<String>? {
        let exists = try s.query("SELECT to_regclass('newsdesk_migrations') IS NOT NULL AS present")
        guard try exists.first?.get("present", Bool.self) == true else { return nil }
        return Set(try s.query("SELECT name FROM newsdesk_migrations").map { try $0.get("name", String.self) })
    }

    /// Applies the missing migrations, each in its own transaction, under the migration advisory lock.
    static func migrate(_ s: PostgresSession, path: String) throws {
        try s.query("SELECT pg_advisory_lock(\(PostgresSchema.migrationLock))")
        defer { _ = try? s.query("SELECT pg_advisory_unlock(\(PostgresSchema.migrationLock))") }
        try s.execute("""
            SET client_min_messages = warning;
            CREATE TABLE IF NOT EXISTS newsdesk_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        let applied = try appliedMigrations(s) ?? []
        let unknown = applied.subtracting(PostgresSchema.names)
        if !unknown.isEmpty { throw StoreError.unknownMigrations(path: path, names: unknown.sorted()) }
        for m in PostgresSchema.migrations where !applied.contains(m.name) {
            try s.execute("BEGIN; \(m.sql); INSERT INTO newsdesk_migrations (name) VALUES ('\(m.name)'); COMMIT")
        }
    }

    // MARK: - running statements

    /// Runs `body` on a connection, mapping failures to `StoreError.database`.
    @discardableResult
    func run<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        do { return try connections.with(body) } catch let e as StoreError { throw e } catch {
            throw .server(operation: operation, reason: "\(error)")
        }
    }

    /// Runs `body` in one transaction (retried when a concurrent writer forced a rollback).
    @discardableResult
    /// A task working under a lease (`SourceLease.current`, or `lease` handed over from one) is fenced: the
    /// transaction first checks that the lease is still its own (`StoreError.leaseLost` otherwise).
    func write<T>(_ operation: String, lease: SourceLease? = SourceLease.current, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        try write(lease: lease, operation, body)
    }

    /// `write` with the fence given explicitly (nil: the leasing and host bookkeeping itself, never fenced).
    @discardableResult
    func write<T>(lease: SourceLease?, _ operation: String, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        if access == .readOnly { throw .readOnly(path: path, operation: operation) }
        return try run(operation) { s in
            try s.transaction { s in
                if let lease { try Self.checkFence(lease, s) }
                return try body(s)
            }
        }
    }

    public func key(for url: String) -> String? { ArticleURL.key(url, cleaner: urlCleaner) }
    public func display(for url: String) -> String? { ArticleURL.display(url, cleaner: urlCleaner) }

    public func articleCount() throws -> Int {
        try run("count articles") { s in try s.query("SELECT count(*) AS n FROM articles").first?.get("n", Int.self) ?? 0 }
    }

    /// Drops every NewsDesk table of the database (tests and benchmarks start from an empty schema).
    public static func dropSchema(url: PostgresURL) throws(StoreError) {
        let c = PostgresConnections(url: url, logger: Logger(label: "newsdesk.postgres", factory: { _ in SwiftLogNoOpLogHandler() }))
        defer { c.closeAll() }
        do {
            try c.with { s in
                try s.execute("""
                    SET client_min_messages = warning;
                    DROP TABLE IF EXISTS newsdesk_migrations, sources, articles, article_urls, article_bands, feed_items, revisions, runs,
                        run_sources, run_errors, export_cursors, entry_failures, hosts, host_slots CASCADE;
                    DROP TEXT SEARCH CONFIGURATION IF EXISTS newsdesk;
                    DROP TEXT SEARCH DICTIONARY IF EXISTS newsdesk_stem
                    """)
            }
        } catch { throw .server(operation: "drop schema", reason: "\(error)") }
    }
}

/// The ingest lock on PostgreSQL: a session advisory lock held by a connection of its own; closing the connection
/// (or the process dying) releases it.
final class PostgresSessionLock {
    private let connection: PostgresConnection
    init(connection: PostgresConnection) { self.connection = connection }
    deinit { PostgresConnections.close(connection) }
}

extension PostgresStore: ArticleStoring {
    public func serverIngestLock(shared: Bool) throws(StoreError) -> AnyObject? {
        let name = "advisory lock \(PostgresSchema.ingestLock) on \(path)"
        let conn = try connections.connect()
        let session = PostgresSession(connection: conn, logger: connections.logger)
        do {
            let rows = shared
                ? try session.query("SELECT pg_try_advisory_lock_shared(\(PostgresSchema.ingestLock)) AS ok")
                : try session.query("SELECT pg_try_advisory_lock(\(PostgresSchema.ingestLock)) AS ok")
            if try rows.first?.get("ok", Bool.self) != true {
                let holder = try? session.query("""
                    SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = \(Int64(PostgresSchema.ingestLock & 0xFFFF_FFFF))
                    AND pid <> pg_backend_pid() LIMIT 1
                    """).first?.get("pid", Int.self)
                PostgresConnections.close(conn)
                throw StoreError.lockHeld(lock: name, holder: holder.map { "server pid \($0)" })
            }
        } catch let e as StoreError { throw e } catch {
            PostgresConnections.close(conn)
            throw .server(operation: "take \(name)", reason: "\(error)")
        }
        return PostgresSessionLock(connection: conn)
    }
}
