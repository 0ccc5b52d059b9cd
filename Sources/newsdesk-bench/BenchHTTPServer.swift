import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small loopback HTTP/1.1 server for `newsdesk-bench ingest` (keep-alive, GET only, one thread per connection).
/// The test server in Tests/TestSupport cannot be imported by an executable target, so the benchmark keeps its own.
/// Bodies come from `respond(path)`, which returns nil for 404.
final class BenchHTTPServer: @unchecked Sendable {
    let port: Int
    /// The loopback address it listens on (127.0.0.1, or another 127.x address to stand for another host).
    let host: String
    private let listenFD: Int32
    private let respond: @Sendable (String) -> (contentType: String, body: [UInt8])?

    init(host: String = "127.0.0.1", respond: @escaping @Sendable (String) -> (contentType: String, body: [UInt8])?) throws {
        guard host.hasPrefix("127.") else { throw BenchError("bench servers listen on loopback only, not \(host)") }
        self.host = host
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr(host)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 128) == 0 else { close(fd); throw BenchError("bind/listen: \(String(cString: strerror(errno)))") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listenFD = fd
        let t = Thread { [self] in self.acceptLoop() }
        t.stackSize = 1 << 20
        t.start()
    }

    var baseURL: String { "http://\(host):\(port)" }

    func stop() { shutdown(listenFD, Int32(SHUT_RDWR)); close(listenFD) }

    private func acceptLoop() {
        while true {
            let c = accept(listenFD, nil, nil)
            if c < 0 { if errno == EINTR { continue }; return }
            let t = Thread { [self] in self.serve(c) }
            t.stackSize = 1 << 20
            t.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            // Read until the end of the request head.
            var headEnd: Int?
            while headEnd == nil {
                if let r = Self.find(buffer) { headEnd = r; break }
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
            }
            guard let end = headEnd else { return }
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            buffer.removeFirst(end + 4)
            let requestLine = head.split(separator: "\r\n").first.map(String.init) ?? ""
            let parts = requestLine.split(separator: " ")
            let path = parts.count > 1 ? String(parts[1]) : "/"
            let close = head.lowercased().contains("connection: close")
            var response: [UInt8]
            if let (type, body) = respond(path) {
                response = Array("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
                response.append(contentsOf: body)
            } else {
                response = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".utf8)
            }
            var off = 0
            while off < response.count {
                let n = response[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                off += n
            }
            if close { return }
        }
    }

    private static func find(_ b: [UInt8]) -> Int? {
        guard b.count >= 4 else { return nil }
        for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i }
        return nil
    }
}

/// A benchmark setup failure.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
