import Foundation
import Testing
import TestSupport

@Suite struct TestServerTests {
    @Test func servesRoutesAndLogsRequests() throws {
        let server = try TestServer()
        defer { server.stop() }
        server.route("/a", .text("hello"))
        let raw = String(decoding: RawHTTP.get(server, "/a", headers: ["X-Test: 1"]), as: UTF8.self)
        #expect(raw.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(raw.hasSuffix("\r\n\r\nhello"))
        #expect(server.requests(for: "/a").first?.header("x-test") == "1")
        let missing = String(decoding: RawHTTP.get(server, "/nope"), as: UTF8.self)
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        server.setBody("/a", Array("changed".utf8))
        #expect(String(decoding: RawHTTP.get(server, "/a"), as: UTF8.self).hasSuffix("changed"))
    }

    @Test func conditionalGetAnswers304() throws {
        let server = try TestServer(host: "127.0.0.2")
        defer { server.stop() }
        server.route("/f", TestResponse(body: Array("x".utf8), etag: "\"v1\""))
        let raw = String(decoding: RawHTTP.get(server, "/f", headers: ["If-None-Match: \"v1\""]), as: UTF8.self)
        #expect(raw.hasPrefix("HTTP/1.1 304"))
    }

    @Test func ipv6Loopback() throws {
        let server = try TestServer(host: "::1")
        defer { server.stop() }
        server.route("/", .text("six"))
        #expect(String(decoding: RawHTTP.get(server, "/"), as: UTF8.self).hasSuffix("six"))
        #expect(server.baseURL.hasPrefix("http://[::1]:"))
    }

    @Test func gzipRoundTripsThroughSystemGzip() throws {
        let input = Array("abc".utf8) + [UInt8](repeating: 0x41, count: 100_000) + Array("한국어 끝".utf8)
        let compressed = Gzip.compress(input)
        #expect(compressed.count < 2_000)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(compressed))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect([UInt8](out) == input)
    }
}
