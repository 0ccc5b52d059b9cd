import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A hidden temporary file for content whose header is only known at the end (an Atom feed's `updated`):
/// entries are spooled here, then copied behind the header. Memory stays bounded by the buffer.
final class ScratchFile: ByteSink {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    init(directory: String, name: String) throws(ExportError) {
        path = directory + "/." + name + "." + String(getpid()) + AtomicFile.tempSuffix
        _ = unlink(path)
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: AtomicFile.errnoText()) }
    }

    deinit {
        close(fd)
        unlink(path)
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
        do { try AtomicFile.writeAll(fd, buffer) } catch { throw .writeFailed(path: path, reason: error.reason) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies everything written so far into `sink`, in chunks.
    func copy(into sink: any ByteSink) throws(ExportError) {
        try flush()
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .writeFailed(path: path, reason: "seek: " + AtomicFile.errnoText()) }
        var chunk = [UInt8](repeating: 0, count: Self.bufferSize)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.bufferSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: "read: " + AtomicFile.errnoText())
            }
            if n == 0 { break }
            try sink.write(Array(chunk[0..<n]))
        }
    }
}
