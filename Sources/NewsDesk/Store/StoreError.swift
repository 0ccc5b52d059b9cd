/// What can go wrong in the store (SQLite or PostgreSQL). Each message names the store file or object and says what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case open(path: String, reason: String)
    /// A read or write failed inside SQLite.
    case database(operation: String, reason: String)
    /// An article to be saved is missing something the schema requires.
    case invalidArticle(url: String, reason: String)
    /// The article named by an id or URL is not in the store.
    case notFound(String)
    /// The store file was written by a newer NewsDesk.
    case unknownMigrations(path: String, names: [String])
    /// No store at this path (a read command never creates one).
    case missing(path: String)
    /// The file is not a NewsDesk store (not SQLite, or no NewsDesk schema in it).
    case notAStore(path: String)
    /// The operation must write, and the store (or its folder) is read-only.
    case readOnly(path: String, operation: String)
    /// A statement failed on the PostgreSQL server (or the connection to it broke).
    case server(operation: String, reason: String)
    /// This worker's lease on a source expired and another worker took it: nothing more is written for the source.
    case leaseLost(source: String)
    /// Another process holds the store's ingest lock (PostgreSQL's advisory lock).
    case lockHeld(lock: String, holder: String?)

    public var description: String {
        switch self {
        case .open(let path, let reason):
            return "store: cannot open \(path): \(reason) (check the path and its permissions, or pass --db FILE)"
        case .database(let operation, let reason):
            return "store: \(operation) failed: \(reason) (run `sqlite3 FILE 'PRAGMA integrity_check'`; if the disk is full, free space and rerun)"
        case .invalidArticle(let url, let reason):
            return "store: article \(url) not saved: \(reason) (the page probably has no extractable body; check it with `newsdesk extract`)"
        case .notFound(let what):
            return "store: no article \(what) (list stored articles with `newsdesk list` or search with `newsdesk search`)"
        case .unknownMigrations(let path, let names):
            return "store: \(path) has migrations this NewsDesk does not know (\(names.joined(separator: ", "))); use a newer NewsDesk or another --db file"
        case .missing(let path):
            return "store: no store at \(path) (check --db FILE; `newsdesk ingest` creates one, read commands never do)"
        case .notAStore(let path):
            return "store: \(path) is not a NewsDesk store (no NewsDesk schema in it; check --db FILE)"
        case .server(let operation, let reason):
            return "store: \(operation) failed on PostgreSQL: \(reason) (check that the server runs and the server log; if its disk is full, free space and rerun)"
        case .leaseLost(let source):
            return "store: the lease on source \(source) was lost (it expired and another worker took the source); this worker writes nothing more for it (if it happens often, raise store.lease_seconds)"
        case .lockHeld(let lock, let holder):
            return "store: another ingest holds the \(lock)\(holder.map { " (\($0))" } ?? ""); nothing was done (wait for it to finish, or run workers with --workers/--loop, which share the store)"
        case .readOnly(let path, let operation):
            return "store: \(path) is read-only, and \(operation) writes to it (make the file and its folder writable, or run it without that option)"
        }
    }
}
