import Foundation
import Glibc

/// A minimal blocking HTTP client on raw sockets, for checking the test server without the fetcher.
public enum RawHTTP {
    /// Sends `GET path` to `server` with extra header lines and returns the whole raw response (head and body).
    public static func get(_ server: TestServer, _ path: String, headers: [String] = []) -> [UInt8] {
        let v6 = server.host.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var rc: Int32 = -1
        if v6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_port = UInt16(server.port).bigEndian
            inet_pton(AF_INET6, server.host, &a.sin6_addr)
            rc = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_port = UInt16(server.port).bigEndian
            inet_pton(AF_INET, server.host, &a.sin_addr)
            rc = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard rc == 0 else { return [] }
        let req = "GET \(path) HTTP/1.1\r\nHost: \(server.host)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
        _ = Array(req.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }
}
