import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on `<db>.lock`, held for the whole ingest so two overlapping cron runs cannot both
/// ingest into one store. The kernel drops the lock when the process exits, however it exits (even SIGKILL),
/// so a stale lock file never blocks the next run. The file holds the holder's pid for the message.
///
/// Not Sendable: it owns a file descriptor; keep it in the task that runs the ingest.
public final class IngestLock {
    /// The lock file.
    public let path: String
    private let fd: Int32

    /// Takes the lock at once or throws `PipelineError.lockHeld` (no waiting).
    public init(path: String) throws(PipelineError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .lockFailed(lockFile: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = errno
            var holder: String?
            var buf = [UInt8](repeating: 0, count: 64)
            let n = pread(fd, &buf, buf.count, 0)
            if n > 0 { holder = "pid " + String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            close(fd)
            if err == EWOULDBLOCK { throw .lockHeld(lockFile: path, holder: holder) }
            throw .lockFailed(lockFile: path, reason: String(cString: strerror(err)))
        }
        self.fd = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The lock file used for a store file: beside the store's real path (symlinks and `..` resolved), so a
    /// symlinked `--db` and the direct path take the same lock. A store not created yet resolves its folder.
    public static func path(forStore db: String) -> String { realPath(db) + ".lock" }

    /// `realpath(3)` of `path`, or of its folder plus its name when the file does not exist yet; `path` itself when
    /// neither resolves (the open then reports the real problem).
    static func realPath(_ path: String) -> String {
        if let resolved = resolve(path) { return resolved }
        var url = URL(fileURLWithPath: path)
        // A symlink to a store not created yet: follow the link by hand (realpath needs the target to exist).
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { break }
            url = target.hasPrefix("/") ? URL(fileURLWithPath: target) : url.deletingLastPathComponent().appendingPathComponent(target)
        }
        if let folder = resolve(url.deletingLastPathComponent().path) {
            return (folder == "/" ? "" : folder) + "/" + url.lastPathComponent
        }
        return path
    }

    private static func resolve(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}

@available(*, unavailable)
extension IngestLock: Sendable {}
