import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `ArticleStore` opens its file.
public enum StoreAccess: Sendable, Equatable {
    /// Read and write: the file is created when missing and migrated (ingest, reimport, `export --cursor`).
    case readWrite
    /// Read only (`list`, `show`, `search`, `sources`, `classify ID`, `export`): the file must exist, and nothing is
    /// created, migrated or written — not even SQLite's `-wal`/`-shm` companions when the store is read-only to us.
    ///
    /// SQLite cannot open a WAL database read-only unless its `-wal` and `-shm` files exist or can be created
    /// (sqlite.org/wal.html, "Read-Only Databases"). So, when the file or its folder is not writable (by
    /// permission, or by mode bits, which root does not need but an operator's `chmod 444` means): if a `-wal`
    /// with content exists (a writer is running or was killed) it is opened `mode=ro` and read through it;
    /// otherwise everything is in the main file and it is opened `immutable=1`, which creates nothing.
    /// A writable store is opened with `SQLITE_OPEN_READONLY` like any WAL reader.
    case readOnly
}

extension ArticleStore {
    /// Whether the store at `path` exists but cannot be written by this process: the file or its folder is not
    /// writable (by permission or by its mode bits). A command that must write (`export --cursor`) says so up front.
    public static func isReadOnly(path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return !(isWritable(path) && isWritable(directory.isEmpty ? "." : directory))
    }

    /// Opens an existing store read-only; returns the pool and the migrations it lacks.
    static func openReadOnly(path: String) throws(StoreError) -> (DatabasePool, [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        guard !isDirectory.boolValue else { throw .open(path: path, reason: "it is a folder, not a store file") }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        let writable = !isReadOnly(path: path)
        var location = path
        if !writable && !walHasContent(path) && uriFilenamesEnabled { location = immutableURI(path) }
        let pool: DatabasePool
        do { pool = try DatabasePool(path: location, configuration: config) } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path: path)
        } catch {
            throw .open(path: path, reason: "\(error) (opened read-only\(writable ? "" : ": the store or its folder is not writable"))")
        }
        let migrator = StoreSchema.migrator
        do {
            return try pool.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    let applied = try migrator.appliedIdentifiers(db)
                    throw StoreError.unknownMigrations(path: path, names: applied.subtracting(migrator.migrations).sorted())
                }
                let applied = try migrator.appliedIdentifiers(db)
                guard !applied.isEmpty else { throw StoreError.notAStore(path: path) }
                return (pool, migrator.migrations.filter { !applied.contains($0) })
            }
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path: path)
        } catch {
            throw .open(path: path, reason: "\(error)")
        }
    }

    /// Writable by this process and not marked read-only by its mode bits (root may write a 0444 file; an operator
    /// who made it 0444 meant "do not write").
    static func isWritable(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return isWritableByPermission(path) && (st.st_mode & 0o222) != 0
    }

    /// Whether `<path>-wal` holds frames (a running or killed writer's commits not yet in the main file).
    static func walHasContent(_ path: String) -> Bool {
        var st = stat()
        return stat(path + "-wal", &st) == 0 && st.st_size > 0
    }

    /// `file:` URI for SQLite with `immutable=1` (no locks, no `-shm`/`-wal`).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Whether this SQLite reads `file:` names as URIs (GRDB does not pass SQLITE_OPEN_URI; Debian's build enables
    /// URIs globally with SQLITE_USE_URI). Without it a read-only store with no WAL is opened plainly.
    static let uriFilenamesEnabled: Bool = {
        guard let q = try? DatabaseQueue(),
              let options = try? q.read({ db in try String.fetchAll(db, sql: "PRAGMA compile_options") }) else { return false }
        return options.contains("USE_URI=1") || options.contains("USE_URI")
    }()
}

/// `access(2)` with W_OK (outside `ArticleStore`, whose `access` property would shadow the C function).
private func isWritableByPermission(_ path: String) -> Bool { access(path, W_OK) == 0 }
