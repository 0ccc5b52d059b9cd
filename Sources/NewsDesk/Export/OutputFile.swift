import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink: a file written atomically (`AtomicFile`), a hidden spool file (`ScratchFile`) or standard
/// output (`StandardOutput`). Each holds one `BufferedOutput`; `write` is the same for all of them.
protocol ByteSink: AnyObject {
    /// Where the bytes go, for messages.
    var path: String { get }
    /// The descriptor and its buffer.
    var output: BufferedOutput { get set }
}

extension ByteSink {
    func write(_ bytes: [UInt8]) throws(ExportError) { try output.append(bytes) }
    func write(_ text: String) throws(ExportError) { try output.append(text.utf8) }
}

/// The one buffered writer of the export stage: bytes collect in a 64 KiB buffer and go to the descriptor with
/// `write(2)` (retried on EINTR) when it fills or on `flush()`.
struct BufferedOutput {
    let fd: Int32
    /// Named in errors.
    let label: String
    private var buffer: [UInt8] = []
    static let size = 1 << 16

    init(fd: Int32, label: String) {
        self.fd = fd
        self.label = label
        buffer.reserveCapacity(Self.size)
    }

    mutating func append(_ bytes: some Sequence<UInt8>) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.size { try flush() }
    }

    mutating func flush() throws(ExportError) {
        do { try AtomicFile.writeAll(fd, buffer) } catch { throw .writeFailed(path: label, reason: error.reason) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A file written through a temporary file in the same folder, fsynced and renamed into place on `commit()`.
///
/// Readers see the old file or the complete new one, never a torn one. Until `commit()` nothing is visible;
/// a crash leaves only a hidden temporary file (`.<name>.<pid>.newsdesk-tmp`), which the next export into the
/// folder removes. Not Sendable: one writer per file.
final class AtomicFile: ByteSink {
    let path: String
    let tempPath: String
    private let fd: Int32
    var output: BufferedOutput
    private var done = false
    /// Whether `commit()` fsyncs the file and its folder. Per-article files skip it and are made durable by one
    /// `syncFileSystem` before the cursor moves (a crash before that re-exports them anyway).
    private let durable: Bool
    /// The suffix of temporary files, used by `sweepTemporaryFiles`.
    static let tempSuffix = ".newsdesk-tmp"

    init(path: String, durable: Bool = true) throws(ExportError) {
        self.path = path
        self.durable = durable
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        tempPath = dir + "/." + url.lastPathComponent + "." + String(getpid()) + Self.tempSuffix
        _ = unlink(tempPath)
        fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: tempPath, reason: Self.errnoText()) }
        output = BufferedOutput(fd: fd, label: tempPath)
    }

    deinit {
        if !done {
            close(fd)
            unlink(tempPath)
        }
    }

    /// Flushes, fsyncs, renames the temporary file over `path` (or `target`, in the same folder) and fsyncs
    /// the folder.
    func commit(as target: String? = nil) throws(ExportError) {
        let path = target ?? self.path
        guard !done else { return }
        try output.flush()
        if durable {
            guard fsync(fd) == 0 else { throw .writeFailed(path: tempPath, reason: "fsync: " + Self.errnoText()) }
        }
        guard close(fd) == 0 else { done = true; unlink(tempPath); throw .writeFailed(path: tempPath, reason: "close: " + Self.errnoText()) }
        done = true
        guard rename(tempPath, path) == 0 else {
            let why = Self.errnoText()
            unlink(tempPath)
            throw .writeFailed(path: path, reason: "rename: " + why)
        }
        if durable { Self.syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    }

    /// Flushes everything written on the file system holding `dir` to disk (`syncfs`): one call instead of an
    /// fsync per file and folder for formats that write a file per article.
    static func syncFileSystem(of dir: String) throws(ExportError) {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw .writeFailed(path: dir, reason: "open: " + errnoText()) }
        defer { close(dfd) }
        if let syncfs = Self.syncfsFunction {
            guard syncfs(dfd) == 0 else { throw .writeFailed(path: dir, reason: "syncfs: " + errnoText()) }
        } else {
            sync()  // no syncfs (not Linux/glibc): flush every file system
        }
    }

    /// glibc's `syncfs`, looked up at run time: Swift's Glibc module does not declare it (a GNU extension).
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "syncfs") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (Int32) -> Int32).self)
    }()

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
    var output = BufferedOutput(fd: STDOUT_FILENO, label: "standard output")

    /// Writes out everything buffered.
    func finish() throws(ExportError) { try output.flush() }
}

/// A hidden temporary file for content whose header is only known at the end (an Atom feed's `updated`):
/// entries are spooled here, then copied behind the header. Memory stays bounded by the buffer.
final class ScratchFile: ByteSink {
    let path: String
    private let fd: Int32
    var output: BufferedOutput

    init(directory: String, name: String) throws(ExportError) {
        path = directory + "/." + name + "." + String(getpid()) + AtomicFile.tempSuffix
        _ = unlink(path)
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: AtomicFile.errnoText()) }
        output = BufferedOutput(fd: fd, label: path)
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Copies everything written so far into `sink`, in chunks.
    func copy(into sink: any ByteSink) throws(ExportError) {
        try output.flush()
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .writeFailed(path: path, reason: "seek: " + AtomicFile.errnoText()) }
        var chunk = [UInt8](repeating: 0, count: BufferedOutput.size)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, BufferedOutput.size) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: "read: " + AtomicFile.errnoText())
            }
            if n == 0 { break }
            try sink.write(Array(chunk[0..<n]))
        }
    }
}
