import Foundation
import Logging
import Testing
@testable import NewsDesk
#if canImport(Glibc)
import Glibc
#endif

/// HTTPS through the fetcher against `openssl s_server` on loopback, with a certificate made for the test: it is
/// fetched when its CA is the configured bundle (`defaults.ca_bundle`), and refused (not silently accepted) when it is
/// not. Skipped where the `openssl` command is missing.
private let opensslCommand: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.serialized, .enabled(if: opensslCommand != nil, "needs the openssl command"))
struct TLSFetchTests {
    static let openssl = opensslCommand

    /// A self-signed certificate for 127.0.0.1 and a server using it; stopped when the test ends.
    final class TLSServer {
        let dir: URL
        let port: Int
        let process: Process
        var certificate: String { dir.appendingPathComponent("cert.pem").path }

        init() throws {
            let openssl = try #require(TLSFetchTests.openssl)
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let make = Process()
            make.executableURL = URL(fileURLWithPath: openssl)
            make.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                              "-subj", "/CN=newsdesk-test", "-addext", "subjectAltName=IP:127.0.0.1",
                              "-keyout", dir.appendingPathComponent("key.pem").path, "-out", dir.appendingPathComponent("cert.pem").path]
            make.standardOutput = FileHandle.nullDevice
            make.standardError = FileHandle.nullDevice
            try make.run()
            let deadline = Date().addingTimeInterval(30)
            while make.isRunning && Date() < deadline { usleep(20_000) }  // (waitUntilExit can hang under test tasks)
            try #require(!make.isRunning && make.terminationStatus == 0, "openssl req failed")
            port = try Self.freePort()
            process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", dir.appendingPathComponent("cert.pem").path,
                                 "-key", dir.appendingPathComponent("key.pem").path, "-www", "-quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try Self.waitUntilListening(port)
        }

        deinit {
            // SIGKILL, not waitUntilExit: Foundation reaps the child itself, and waiting on its run loop from a
            // test task hung here.
            kill(process.processIdentifier, SIGKILL)
            try? FileManager.default.removeItem(at: dir)
        }

        /// A port the kernel had free a moment ago (bound and released).
        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &addr) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
            }
            try #require(ok, "could not get a free port")
            return Int(UInt16(bigEndian: addr.sin_port))
        }

        static func waitUntilListening(_ port: Int) throws {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var addr = sockaddr_in()
                addr.sin_family = sa_family_t(AF_INET)
                addr.sin_port = UInt16(port).bigEndian
                addr.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &addr) { p in
                    p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
                }
                close(fd)
                if connected { return }
                usleep(50_000)
            }
            Issue.record("openssl s_server did not start listening on \(port)")
        }
    }

    static func fetcher(caBundle: String?) -> Fetcher {
        var d = FetchDefaults.standard
        d.connectTimeout = 5
        d.totalTimeout = 20
        d.obeyRobots = false
        d.caBundle = caBundle
        return Fetcher(defaults: d, logger: Logger(label: "test"))
    }

    @Test func httpsIsFetchedWhenTheCAIsTrustedAndRefusedWhenNot() async throws {
        let server = try TLSServer()
        let url = "https://127.0.0.1:\(server.port)/"
        let got = try await Self.fetcher(caBundle: server.certificate).fetch(FetchRequest(url: url, allowNetworks: .cidrs("127.0.0.1/32")))
        #expect(got.status == 200)
        #expect(String(decoding: got.body, as: UTF8.self).contains("s_server"), "the -www status page")

        do {
            _ = try await Self.fetcher(caBundle: nil).fetch(FetchRequest(url: url, allowNetworks: .cidrs("127.0.0.1/32")))
            Issue.record("a certificate no CA vouches for must be refused")
        } catch {
            guard case .network(_, let code, let message) = error else { Issue.record("unexpected error: \(error)"); return }
            #expect(code == 60, "CURLE_PEER_FAILED_VERIFICATION, got \(code): \(message)")
            #expect(message.lowercased().contains("certificate"))
        }
    }
}
