import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink: a file written atomically (`AtomicFile`) or standard output (`StandardOutput`).
protocol ByteSink: AnyObject {
    /// Where the bytes go, for messages.
    var path: String { get }
    func write(_ bytes: [UInt8]) throws(ExportError)
    func write(_ text: String) throws(ExportError)
}

/// A file written through a temporary file in the same folder, fsynced and renamed into place on `commit()`.
///
/// Readers see the old file or the complete new one, never a torn one. Until `commit()` nothing is visible;
/// a crash leaves only a hidden temporary file (`.<name>.<pid>.newsdesk-tmp`), which the next export into the
/// folder removes. Not Sendable: one writer per file.
final class AtomicFile: ByteSink {
    let path: String
    let tempPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var done = false
    private static let bufferSize = 1 << 16
    /// The suffix of temporary files, used by `sweepTemporaryFiles`.
    static let tempSuffix = ".newsdesk-tmp"

    init(path: String) throws(ExportError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        tempPath = dir + "/." + url.lastPathComponent + "." + String(getpid()) + Self.tempSuffix
        _ = unlink(tempPath)
        fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: tempPath, reason: Self.errnoText()) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !done {
            close(fd)
            unlink(tempPath)
        }
    }

    func write(_ bytes: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(ExportError) {
        do { try Self.writeAll(fd, buffer) } catch { throw .writeFailed(path: tempPath, reason: error.reason) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, fsyncs, renames the temporary file over `path` (or `target`, in the same folder) and fsyncs
    /// the folder.
    func commit(as target: String? = nil) throws(ExportError) {
        let path = target ?? self.path
        guard !done else { return }
        try flush()
        guard fsync(fd) == 0 else { throw .writeFailed(path: tempPath, reason: "fsync: " + Self.errnoText()) }
        guard close(fd) == 0 else { done = true; unlink(tempPath); throw .writeFailed(path: tempPath, reason: "close: " + Self.errnoText()) }
        done = true
        guard rename(tempPath, path) == 0 else {
            let why = Self.errnoText()
            unlink(tempPath)
            throw .writeFailed(path: path, reason: "rename: " + why)
        }
        Self.syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Drops the temporary file; `path` keeps its old content.
    func abort() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(tempPath)
    }

    /// Fsyncs a folder so a rename in it survives a power cut (best effort: some file systems refuse).
    static func syncDirectory(_ dir: String) {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        _ = fsync(dfd)
        close(dfd)
    }

    /// Removes temporary files left in `dir` by exports that are no longer running (a crash or a kill).
    static func sweepTemporaryFiles(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(tempSuffix) {
            let parts = name.dropLast(tempSuffix.count).split(separator: ".")
            guard let pidText = parts.last, let pid = Int32(pidText) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    struct SystemError: Error { let reason: String }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError(reason: errnoText())
            }
            offset += n
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Standard output with a large buffer; `finish()` flushes and reports a failed write (a closed pipe, a full disk).
final class StandardOutput: ByteSink {
    let path = "standard output"
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    func write(_ bytes: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try finish() }
    }

    func write(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try finish() }
    }

    /// Writes out everything buffered.
    func finish() throws(ExportError) {
        do { try AtomicFile.writeAll(STDOUT_FILENO, buffer) } catch { throw .writeFailed(path: path, reason: error.reason) }
        buffer.removeAll(keepingCapacity: true)
    }
}
