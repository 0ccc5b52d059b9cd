import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server on raw sockets for the tests: loopback only, port chosen by the kernel.
///
/// Each connection is served on its own thread, one request per connection (`Connection: close`).
/// Routes are scriptable (`TestResponse`): status, headers, body, delay, slow drip, redirects, gzip,
/// conditional GET. Every request is logged (`requests`), and the server counts concurrent connections
/// (`maxConcurrentConnections`). Unknown paths answer 404. Thread-safe; `stop()` (or releasing the server) closes it.
public final class TestServer: Sendable {
    private let core: ServerCore

    /// Starts a server on `host` (a loopback literal) with a kernel-chosen port.
    public init(host: String = "127.0.0.1") throws(TestServerError) { core = try ServerCore(host: host) }

    deinit { core.stop() }

    /// The address the server listens on: `127.0.0.1`, `127.0.0.2`, `::1`, …
    public var host: String { core.host }
    /// The kernel-chosen port.
    public var port: Int { core.port }
    /// `http://127.0.0.1:PORT` (IPv6 hosts in brackets).
    public var baseURL: String { core.baseURL }
    /// The absolute URL of `path` (which starts with `/`).
    public func url(_ path: String) -> String { core.url(path) }
    /// Sets (or replaces) the response for `path` (the request target including any query).
    public func route(_ path: String, _ response: TestResponse) { core.route(path, response) }
    /// Sets a handler that builds the response for `path` from the request (called on the connection's thread).
    public func route(_ path: String, handler: @escaping @Sendable (RecordedRequest) -> TestResponse) { core.route(path, handler: handler) }
    /// Replaces the body of a fixed route at runtime (other fields stay); adds a 200 route if there is none.
    public func setBody(_ path: String, _ body: [UInt8]) { core.setBody(path, body) }
    /// Removes a route (it answers 404 again).
    public func removeRoute(_ path: String) { core.removeRoute(path) }
    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { core.requests }
    /// The requests for one path (the full target, with the query).
    public func requests(for path: String) -> [RecordedRequest] { core.requests(for: path) }
    /// The most connections in progress at the same time (a connection stops counting right before its last bytes are sent).
    public var maxConcurrentConnections: Int { core.maxConcurrentConnections }
    /// How many connections were accepted.
    public var connectionCount: Int { core.connectionCount }
    /// Forgets the request log and the connection counters.
    public func resetLog() { core.resetLog() }
    /// Stops accepting connections. Connections in progress finish or fail.
    public func stop() { core.stop() }
}

/// The listening socket, routes and log; owned by `TestServer` and by the threads that serve it.
/// A small HTTP/1.1 server on raw sockets for the tests: loopback only, port chosen by the kernel.
///
/// Each connection is served on its own thread, one request per connection (`Connection: close`).
/// Routes are scriptable (`TestResponse`): status, headers, body, delay, slow drip, redirects, gzip,
/// conditional GET. Every request is logged (`requests`), and the server counts concurrent connections
/// (`maxConcurrentConnections`). Unknown paths answer 404. Thread-safe; `stop()` (or deinit) closes it.
final class ServerCore: Sendable {
    /// The address the server listens on: `127.0.0.1`, `127.0.0.2`, `::1`, …
    public let host: String
    /// The kernel-chosen port.
    public let port: Int
    private let listenFD: Int32
    private let state = Mutex(State())
    private let stopped = Atomic<Bool>(false)

    private struct State {
        var routes: [String: Route] = [:]
        var log: [RecordedRequest] = []
        var active = 0
        var maxActive = 0
        var connections = 0
    }

    private enum Route {
        case fixed(TestResponse)
        case dynamic(@Sendable (RecordedRequest) -> TestResponse)
    }

    /// Starts a server on `host` (a loopback literal) with a kernel-chosen port.
    public init(host: String = "127.0.0.1") throws(TestServerError) {
        self.host = host
        let v6 = host.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socket("socket: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32 = -1
        var chosen = 0
        if v6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_port = 0
            guard inet_pton(AF_INET6, host, &a.sin6_addr) == 1 else { close(fd); throw .socket("not an IPv6 literal: \(host)") }
            bound = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
            var out = sockaddr_in6()
            var len = socklen_t(MemoryLayout<sockaddr_in6>.size)
            _ = withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
            chosen = Int(UInt16(bigEndian: out.sin6_port))
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_port = 0
            guard inet_pton(AF_INET, host, &a.sin_addr) == 1 else { close(fd); throw .socket("not an IPv4 literal: \(host)") }
            bound = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            var out = sockaddr_in()
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
            chosen = Int(UInt16(bigEndian: out.sin_port))
        }
        guard bound == 0 else { close(fd); throw .socket("bind \(host): errno \(errno)") }
        guard listen(fd, 128) == 0 else { close(fd); throw .socket("listen: errno \(errno)") }
        listenFD = fd
        port = chosen
        let t = Thread { [self] in acceptLoop() }
        t.name = "TestServer \(host):\(chosen)"
        t.start()
    }

    /// `http://127.0.0.1:PORT` (IPv6 hosts in brackets).
    public var baseURL: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// The absolute URL of `path` (which starts with `/`).
    public func url(_ path: String) -> String { baseURL + path }

    /// Sets (or replaces) the response for `path` (the request target including any query).
    public func route(_ path: String, _ response: TestResponse) {
        state.withLock { $0.routes[path] = .fixed(response) }
    }

    /// Sets a handler that builds the response for `path` from the request (called on the connection's thread).
    public func route(_ path: String, handler: @escaping @Sendable (RecordedRequest) -> TestResponse) {
        state.withLock { $0.routes[path] = .dynamic(handler) }
    }

    /// Replaces the body of a fixed route at runtime (other fields stay); adds a 200 route if there is none.
    public func setBody(_ path: String, _ body: [UInt8]) {
        state.withLock {
            if case .fixed(var r)? = $0.routes[path] {
                r.body = body
                $0.routes[path] = .fixed(r)
            } else {
                $0.routes[path] = .fixed(TestResponse(body: body))
            }
        }
    }

    /// Removes a route (it answers 404 again).
    public func removeRoute(_ path: String) { state.withLock { _ = $0.routes.removeValue(forKey: path) } }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { state.withLock { $0.log } }

    /// The requests for one path.
    public func requests(for path: String) -> [RecordedRequest] { requests.filter { $0.path == path } }

    /// The most connections in progress at the same time (a connection stops counting right before its last bytes are sent).
    public var maxConcurrentConnections: Int { state.withLock { $0.maxActive } }

    /// How many connections were accepted.
    public var connectionCount: Int { state.withLock { $0.connections } }

    /// Forgets the request log and the connection counters.
    public func resetLog() { state.withLock { $0.log = []; $0.maxActive = $0.active; $0.connections = 0 } }

    /// Stops accepting connections. Connections in progress finish or fail.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listenFD, Int32(SHUT_RDWR))
        close(listenFD)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .acquiring) {
            let c = accept(listenFD, nil, nil)
            if c < 0 {
                if errno == EINTR { continue }
                return
            }
            state.withLock {
                $0.active += 1
                $0.connections += 1
                $0.maxActive = max($0.maxActive, $0.active)
            }
            let t = Thread { [self] in
                let ended = Atomic<Bool>(false)
                let end = {
                    if !ended.exchange(true, ordering: .relaxed) { self.state.withLock { $0.active -= 1 } }
                }
                serve(c, end: end)
                end()
                close(c)
            }
            t.start()
        }
    }

    /// Serves one request. `end` is called right before the last bytes go out, so a client that has read
    /// the whole response never sees its connection still counted as active.
    private func serve(_ fd: Int32, end: () -> Void) {
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(fd) else { return }
        let route = state.withLock { s -> Route? in
            s.log.append(request)
            return s.routes[request.path] ?? s.routes[request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path]
        }
        var response: TestResponse
        switch route {
        case .fixed(let r)?: response = r
        case .dynamic(let h)?: response = h(request)
        case nil: response = TestResponse(status: 404, body: Array("no route for \(request.path)\n".utf8))
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        if response.closeWithoutResponse { return }
        var status = response.status
        var body = response.body
        var headers = response.headers
        if isNotModified(request, response) {
            status = 304
            body = []
        } else if response.gzip {
            body = Gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        }
        if let etag = response.etag { headers.append(("ETag", etag)) }
        if let lm = response.lastModified { headers.append(("Last-Modified", lm)) }
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if response.sendContentLength && status != 304 { head += "Content-Length: \(response.contentLengthOverride ?? body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        if request.method == "HEAD" || status == 304 { body = [] }
        if let drip = response.drip, !body.isEmpty {
            guard writeAll(fd, Array(head.utf8)) else { return }
            var i = 0
            while i < body.count, !stopped.load(ordering: .relaxed) {
                let stop = min(i + drip.chunk, body.count)
                if stop == body.count { end() }
                guard writeAll(fd, Array(body[i..<stop])) else { return }
                i = stop
                if i < body.count { Thread.sleep(forTimeInterval: drip.interval) }
            }
        } else {
            end()
            _ = writeAll(fd, Array(head.utf8) + body)
        }
    }

    private func isNotModified(_ request: RecordedRequest, _ response: TestResponse) -> Bool {
        if let etag = response.etag, let inm = request.header("if-none-match") {
            return inm.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }
        }
        if let lm = response.lastModified, let ims = request.header("if-modified-since") { return ims == lm }
        return false
    }

    private func readRequest(_ fd: Int32) -> RecordedRequest? {
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while true {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            data += buf[0..<n]
            if data.count > 64 * 1024 { return nil }
            if let r = firstRange(of: terminator, in: data) {
                data = Array(data[..<r])
                break
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return RecordedRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, time: Date())
    }

    private func firstRange(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress?.advanced(by: off), bytes.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// What a `TestServer` route answers.
public struct TestResponse: Sendable {
    public var status: Int
    /// Extra headers, in order (Content-Length and Connection are added by the server).
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait before sending anything.
    public var delay: Double
    /// Send the body in chunks of `chunk` bytes every `interval` seconds.
    public var drip: (chunk: Int, interval: Double)?
    /// Gzip the body and send `Content-Encoding: gzip`.
    public var gzip: Bool
    /// When set, sent as `ETag`; a matching `If-None-Match` gets 304.
    public var etag: String?
    /// When set, sent as `Last-Modified`; an equal `If-Modified-Since` gets 304.
    public var lastModified: String?
    /// Whether to send `Content-Length` (false: the body ends when the connection closes).
    public var sendContentLength: Bool
    /// A `Content-Length` value to announce instead of the real one.
    public var contentLengthOverride: Int?
    /// Accept and read the request, then close without answering.
    public var closeWithoutResponse: Bool

    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delay: Double = 0,
                drip: (chunk: Int, interval: Double)? = nil, gzip: Bool = false, etag: String? = nil, lastModified: String? = nil,
                sendContentLength: Bool = true, contentLengthOverride: Int? = nil, closeWithoutResponse: Bool = false) {
        self.status = status; self.headers = headers; self.body = body; self.delay = delay; self.drip = drip
        self.gzip = gzip; self.etag = etag; self.lastModified = lastModified; self.sendContentLength = sendContentLength
        self.contentLengthOverride = contentLengthOverride; self.closeWithoutResponse = closeWithoutResponse
    }

    /// A 200 with a UTF-8 body and a content type.
    public static func text(_ body: String, contentType: String = "text/html; charset=utf-8", status: Int = 200) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
    }

    /// A redirect to `location` (absolute or relative).
    public static func redirect(to location: String, status: Int = 302) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)])
    }
}

/// One request as the server saw it.
public struct RecordedRequest: Sendable {
    public let method: String
    /// The request target, with the query.
    public let path: String
    /// Header names lowercased, in order.
    public let headers: [(name: String, value: String)]
    public let time: Date

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name == n }?.value
    }
}

/// Why the test server could not start.
public enum TestServerError: Error, CustomStringConvertible {
    case socket(String)
    public var description: String {
        switch self { case .socket(let m): "test server: \(m)" }
    }
}
