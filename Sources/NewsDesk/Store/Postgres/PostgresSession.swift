import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Synchronous access to PostgreSQL over PostgresNIO: the store's contract is synchronous (the read commands and
/// exporters are), so each query runs on NIO's own event loop threads and the caller waits for its future.
///
/// No deadlock on the cooperative pool: the waiting thread (a command's main thread, or a thread of
/// `NIOThreadPool` for `save` from a task, see `PostgresStore.save(_:mode:) async`) never is a thread the query
/// needs; the event loops are `MultiThreadedEventLoopGroup.singleton`, not Swift's executor.
final class PostgresConnections: Sendable {
    let url: PostgresURL
    let logger: Logger
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    /// Connections kept open between uses (more are opened while many threads query at once, then closed).
    static let keepIdle = 8

    init(url: PostgresURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    deinit { closeAll() }

    var configuration: PostgresConnection.Configuration {
        var c = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                 database: url.database, tls: .disable)
        c.options.connectTimeout = .seconds(10)
        return c
    }

    /// A new connection, outside the idle list (the ingest lock's session, for instance).
    func connect() throws(StoreError) -> PostgresConnection {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        do {
            return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                  id: id, logger: logger).wait()
        } catch {
            throw .open(path: url.description, reason: "cannot connect: \(PostgresSession.describe(error)) "
                + "(is the server running and does it accept \(url.user) from here? check the URL and pg_hba.conf)")
        }
    }

    /// Runs `body` with a connection of its own (taken from the idle list or opened); a connection whose session
    /// broke is dropped, not returned.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let conn = try idle.withLock { $0.popLast() } ?? connect()
        let session = PostgresSession(connection: conn, logger: logger)
        defer {
            if conn.isClosed {
                // dropped
            } else {
                let kept = idle.withLock { list -> Bool in
                    guard list.count < Self.keepIdle else { return false }
                    list.append(conn)
                    return true
                }
                if !kept { PostgresConnections.close(conn) }
            }
        }
        return try body(session)
    }

    /// Closes a connection without waiting (the future-returning `close`, not the async one); the connection is kept
    /// alive until the close completes (PostgresNIO asserts that a connection is closed before it is released).
    static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    func closeAll() {
        let all = idle.withLock { list -> [PostgresConnection] in defer { list.removeAll() }; return list }
        for c in all { PostgresConnections.close(c) }
    }
}

/// One connection, queried synchronously.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns its rows (random access by column name).
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows.map { $0.makeRandomAccess() }
        } catch {
            throw PostgresSessionError(sql: query.sql, message: Self.describe(error), sqlState: (error as? PSQLError)?.serverInfo?[.sqlState])
        }
    }

    /// Runs statements without parameters, separated by `;` (a migration); none may contain `;` inside a literal.
    func execute(_ sql: String) throws {
        for statement in sql.split(separator: ";") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            try query(PostgresQuery(unsafeSQL: text))
        }
    }

    /// `body` inside BEGIN … COMMIT (ROLLBACK when it throws). A serialization failure, deadlock or unique violation
    /// raced with another writer is retried (the next attempt sees the other transaction's rows).
    func transaction<T>(retries: Int = 5, _ body: (PostgresSession) throws -> T) throws -> T {
        var attempt = 0
        while true {
            try query("BEGIN")
            do {
                let value = try body(self)
                try query("COMMIT")
                return value
            } catch {
                _ = try? query("ROLLBACK")
                if let e = error as? PostgresSessionError, e.isRetryable, attempt < retries {
                    attempt += 1
                    usleep(UInt32(1000 * attempt))
                    continue
                }
                throw error
            }
        }
    }

    /// The server's message for a PostgresNIO error (PSQLError's description hides it in release builds).
    static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] {
                let detail = e.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return message + detail
            }
            return "\(e.code)"
        }
        return String(describing: error)
    }
}

/// A statement PostgreSQL refused, with its SQLSTATE.
struct PostgresSessionError: Error, CustomStringConvertible {
    var sql: String
    var message: String
    var sqlState: String?
    /// 40001 serialization failure, 40P01 deadlock, 23505 unique violation (a concurrent insert won).
    var isRetryable: Bool { ["40001", "40P01", "23505"].contains(sqlState ?? "") }
    var description: String { "\(message) [\(sqlState ?? "?")] in \(sql.prefix(120))" }
}

extension PostgresRandomAccessRow {
    /// The column's value; a NULL or mismatched type is a store error naming the column.
    func get<T: PostgresDecodable>(_ column: String, _ type: T.Type = T.self) throws -> T {
        do { return try self[column].decode(T.self) } catch {
            throw StoreError.server(operation: "read column \(column)", reason: "\(error)")
        }
    }
}

/// Builds a statement with `$n` parameters (the filter clauses are assembled at run time).
struct SQLBuilder {
    var sql = ""
    var binds = PostgresBindings()
    private var count = 0

    /// Appends a parameter and returns its placeholder.
    mutating func bind<T: PostgresDynamicTypeEncodable>(_ value: T) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    mutating func bind<T: PostgresDynamicTypeEncodable>(_ value: T?) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
