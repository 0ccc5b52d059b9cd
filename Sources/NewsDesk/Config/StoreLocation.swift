import Foundation

/// Where the store is: a SQLite file (the default, `newsdesk.sqlite`) or a PostgreSQL database.
///
/// Chosen by, first to last: `--db`, the `NEWSDESK_DB` environment variable, `store.url` in feeds.yaml, the default
/// file (`resolve`). A value starting `postgres://` or `postgresql://` is PostgreSQL; anything else is a file path.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The file used when nothing else names a store (the README's commands).
    public static let defaultPath = "newsdesk.sqlite"
    /// The environment variable read when `--db` is not given.
    public static let environmentVariable = "NEWSDESK_DB"

    /// Reads `--db`, `NEWSDESK_DB` or `store.url`.
    public init(_ text: String) throws(StoreLocationError) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(text))
        } else if lower.contains("://") {
            throw StoreLocationError(text: text, reason: "unknown store scheme (use a SQLite file path or postgres://USER@HOST:PORT/DB)")
        } else if text.isEmpty {
            throw StoreLocationError(text: text, reason: "empty (give a SQLite file path or postgres://USER@HOST:PORT/DB)")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The store to use: `flag` (`--db`) > `environment["NEWSDESK_DB"]` > `config` (`store.url`) > `newsdesk.sqlite`.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               config: StoreLocation?) throws(StoreLocationError) -> StoreLocation {
        if let flag { return try StoreLocation(flag) }
        if let env = environment[environmentVariable], !env.isEmpty { return try StoreLocation(env) }
        return config ?? .sqlite(path: defaultPath)
    }

    public var isPostgres: Bool { if case .postgres = self { return true } else { return false } }

    /// The path or the URL without its password (for messages and summaries).
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url.description
        }
    }
}

/// A `postgres://USER[:PASSWORD]@HOST[:PORT]/DB` URL (also `postgresql://`). The password may instead come from
/// `PGPASSWORD`. TLS is not used (a loopback or private-network server; put a TLS proxy in front otherwise).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public init(_ text: String) throws(StoreLocationError) {
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw StoreLocationError(text: text, reason: "not a postgres:// URL (write postgres://USER@HOST:PORT/DB)")
        }
        guard let host = c.host, !host.isEmpty else { throw StoreLocationError(text: text, reason: "no host (write postgres://USER@HOST:PORT/DB)") }
        guard let user = c.user, !user.isEmpty else { throw StoreLocationError(text: text, reason: "no user (write postgres://USER@HOST:PORT/DB)") }
        let db = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        guard !db.isEmpty, !db.contains("/") else { throw StoreLocationError(text: text, reason: "no database name (write postgres://USER@HOST:PORT/DB)") }
        if let port = c.port, !(1...65535).contains(port) { throw StoreLocationError(text: text, reason: "port \(port) out of range") }
        self.user = user.removingPercentEncoding ?? user
        self.password = c.password.map { $0.removingPercentEncoding ?? $0 } ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        self.host = host
        self.port = c.port ?? 5432
        self.database = db.removingPercentEncoding ?? db
    }

    /// Without the password.
    public var description: String { "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }
}

/// A `--db`, `NEWSDESK_DB` or `store.url` value that names no store.
public struct StoreLocationError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "store: \(text.isEmpty ? "(empty)" : text): \(reason)" }
}
