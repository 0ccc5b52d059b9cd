/// What stops a pipeline operation (as opposed to per-source/per-article failures, which a run records and
/// survives). Each message says what to do.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Another ingest holds the lock on this store.
    case lockHeld(lockFile: String, holder: String?)
    /// The lock file could not be created or locked.
    case lockFailed(lockFile: String, reason: String)
    /// `--source` named ids the config does not have.
    case unknownSources([String], known: [String])
    /// A `path:` source or a link in it points outside the folder it may read.
    case pathOutsideRoot(path: String, root: String)
    /// A `path:` source's file could not be read.
    case unreadable(path: String, reason: String)
    /// A link in a local (`path:`) feed uses a scheme NewsDesk never reads (file:, data:, …).
    case refusedLink(url: String, reason: String)
    /// `reimport` could not find or read what to re-import.
    case reimport(String)
    /// The store failed in a way the run cannot survive (opening, migrating, a full disk).
    case store(StoreError)
    /// `ingest --workers/--loop` on a store that cannot lease sources (SQLite).
    case leasingUnsupported(store: String)

    public var description: String {
        switch self {
        case .lockHeld(let file, let holder):
            return "ingest: another run holds the lock \(file)\(holder.map { " (\($0))" } ?? ""); it will finish on its own — try again later, or check that the other process is alive"
        case .lockFailed(let file, let reason):
            return "ingest: cannot lock \(file): \(reason) (check that the store's folder is writable)"
        case .unknownSources(let ids, let known):
            return "ingest: no source \(ids.joined(separator: ", ")) in the config (known: \(known.joined(separator: ", ")))"
        case .pathOutsideRoot(let path, let root):
            return "ingest: \(path) is outside \(root); local sources may only read files inside the config file's folder"
        case .unreadable(let path, let reason):
            return "ingest: cannot read \(path): \(reason) (check the source's path: in feeds.yaml)"
        case .refusedLink(let url, let reason):
            return "ingest: refused link \(url): \(reason)"
        case .reimport(let message):
            return "reimport: \(message)"
        case .leasingUnsupported(let store):
            return "ingest: --workers and --loop lease sources in a shared database; \(store) is a SQLite file (use --db postgres://USER@HOST:PORT/DB, see README \"More than one machine\")"
        case .store(let e):
            return e.description
        }
    }
}
