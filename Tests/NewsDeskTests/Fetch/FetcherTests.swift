import Foundation
import Logging
import Testing
import TestSupport
@testable import NewsDesk

/// Fetcher tests against the loopback test server only.
@Suite struct FetcherTests {
    static func defaults(perHost: Int = 4, total: Double = 20, robots: Bool = false, delay: Double = 0,
                         lowSpeedLimit: Int = 1, lowSpeedTime: Double = 5) -> FetchDefaults {
        var d = FetchDefaults.standard
        d.connectTimeout = 2
        d.totalTimeout = total
        d.perHostConcurrency = perHost
        d.politenessDelay = delay
        d.obeyRobots = robots
        d.lowSpeedLimit = lowSpeedLimit
        d.lowSpeedTime = lowSpeedTime
        d.userAgent = "NewsDeskTest/1.0 (+loopback)"
        return d
    }

    static func fetcher(_ d: FetchDefaults = defaults()) -> Fetcher { Fetcher(defaults: d, logger: Logger(label: "test")) }

    static let loop1: [IPNetwork] = .cidrs("127.0.0.1/32")

    func expectError(_ f: Fetcher, _ r: FetchRequest, _ check: (FetchError) -> Bool) async {
        do {
            let got = try await f.fetch(r)
            Issue.record("expected an error, got status \(got.status)")
        } catch {
            #expect(check(error), "unexpected error: \(error)")
            #expect(error.description.contains(error.url))
        }
    }

    @Test func okWithHeadersAndUserAgent() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/page", .text("<title>안녕</title>", contentType: "text/html; charset=utf-8"))
        let r = try await Self.fetcher().fetch(FetchRequest(url: s.url("/page"), allowNetworks: Self.loop1))
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "<title>안녕</title>")
        #expect(r.contentType == "text/html; charset=utf-8")
        #expect(r.finalURL == s.url("/page"))
        let seen = try #require(s.requests(for: "/page").first)
        #expect(seen.header("user-agent") == "NewsDeskTest/1.0 (+loopback)")
        #expect(seen.header("accept-encoding")?.contains("gzip") == true)
    }

    @Test func headerInjectionIsDropped() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/h", .text("ok"))
        let r = FetchRequest(url: s.url("/h"), headers: ["X-Ok": "1", "X-Bad": "v\r\nX-Injected: 1"], allowNetworks: Self.loop1)
        _ = try await Self.fetcher().fetch(r)
        let seen = try #require(s.requests(for: "/h").first)
        #expect(seen.header("x-ok") == "1")
        #expect(seen.header("x-bad") == nil)
        #expect(seen.header("x-injected") == nil)
    }

    @Test func conditionalGetGives304() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/feed", TestResponse(body: Array("x".utf8), etag: "\"v1\"", lastModified: "Sun, 29 Nov 2026 04:00:00 GMT"))
        let f = Self.fetcher()
        let first = try await f.fetch(FetchRequest(url: s.url("/feed"), allowNetworks: Self.loop1))
        #expect(first.status == 200 && first.etag == "\"v1\"")
        let second = try await f.fetch(FetchRequest(url: s.url("/feed"), etag: first.etag, lastModified: first.lastModified, allowNetworks: Self.loop1))
        #expect(second.notModified)
        #expect(second.body.isEmpty)
        #expect(s.requests(for: "/feed").last?.header("if-none-match") == "\"v1\"")
        #expect(s.requests(for: "/feed").last?.header("if-modified-since") == "Sun, 29 Nov 2026 04:00:00 GMT")
    }

    @Test(arguments: [404, 500])
    func errorStatusThrows(_ status: Int) async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/e", TestResponse(status: status, body: Array("nope".utf8)))
        await expectError(Self.fetcher(), FetchRequest(url: s.url("/e"), allowNetworks: Self.loop1)) {
            $0 == .httpStatus(url: s.url("/e"), status: status, retryAfter: nil)
        }
    }

    @Test func followsRedirectsIncludingRelative() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/a", .redirect(to: s.url("/b"), status: 301))
        s.route("/b", .redirect(to: "/c?x=1", status: 302))
        s.route("/c?x=1", .text("done"))
        let r = try await Self.fetcher().fetch(FetchRequest(url: s.url("/a"), allowNetworks: Self.loop1))
        #expect(r.status == 200)
        #expect(r.finalURL == s.url("/c?x=1"))
        #expect(r.requestedURL == s.url("/a"))
    }

    @Test func redirectLoopAndTooMany() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/loop1", .redirect(to: "/loop2"))
        s.route("/loop2", .redirect(to: "/loop1"))
        for i in 0..<7 { s.route("/r\(i)", .redirect(to: "/r\(i + 1)")) }
        s.route("/r7", .text("end"))
        let f = Self.fetcher()
        await expectError(f, FetchRequest(url: s.url("/loop1"), allowNetworks: Self.loop1)) {
            if case .redirectLoop = $0 { return true } else { return false }
        }
        await expectError(f, FetchRequest(url: s.url("/r0"), allowNetworks: Self.loop1)) {
            $0 == .tooManyRedirects(url: s.url("/r0"), limit: 5)
        }
        #expect(s.requests(for: "/r5").count == 1)
        #expect(s.requests(for: "/r6").isEmpty)
    }

    @Test func redirectToFileIsRefused() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/f", .redirect(to: "file:///etc/passwd"))
        await expectError(Self.fetcher(), FetchRequest(url: s.url("/f"), allowNetworks: Self.loop1)) {
            if case .redirectRefused(_, let target, _) = $0 { return target.hasPrefix("file:") } else { return false }
        }
    }

    @Test func redirectOutsideAllowanceIsRefused() async throws {
        let one = try TestServer(host: "127.0.0.1")
        let two = try TestServer(host: "127.0.0.2")
        defer { one.stop(); two.stop() }
        two.route("/secret", .text("internal"))
        one.route("/go", .redirect(to: two.url("/secret")))
        var req = FetchRequest(url: one.url("/go"), allowNetworks: .cidrs("127.0.0.1/32"), sourceID: "demo")
        await expectError(Self.fetcher(), req) {
            guard case .addressRefused(let url, let address, let kind, let nets, let source) = $0 else { return false }
            return url == two.url("/secret") && address == "127.0.0.2" && kind == "loopback" && nets == ["127.0.0.1/32"] && source == "demo"
                && $0.description == "fetch: \(two.url("/secret")) refused: resolves to loopback address 127.0.0.2, outside allow_networks [127.0.0.1/32] of source \"demo\""
        }
        #expect(two.requests.isEmpty)
        req.allowNetworks = .cidrs("127.0.0.0/8")
        let ok = try await Self.fetcher().fetch(req)
        #expect(String(decoding: ok.body, as: UTF8.self) == "internal")
    }

    @Test func ipv6LoopbackWithAllowance() async throws {
        let s = try TestServer(host: "::1")
        defer { s.stop() }
        s.route("/six", .text("six"))
        let r = try await Self.fetcher().fetch(FetchRequest(url: s.url("/six"), allowNetworks: .cidrs("::1/128")))
        #expect(String(decoding: r.body, as: UTF8.self) == "six")
    }

    @Test func credentialsAreNotForwardedToAnotherHost() async throws {
        let one = try TestServer(host: "127.0.0.1")
        let two = try TestServer(host: "127.0.0.2")
        defer { one.stop(); two.stop() }
        one.route("/go", .redirect(to: two.url("/land")))
        two.route("/land", .text("landed"))
        let r = FetchRequest(url: one.url("/go"), headers: ["Authorization": "Bearer t", "X-Keep": "1"], allowNetworks: .cidrs("127.0.0.0/8"))
        _ = try await Self.fetcher().fetch(r)
        #expect(one.requests(for: "/go").first?.header("authorization") == "Bearer t")
        let landed = try #require(two.requests(for: "/land").first)
        #expect(landed.header("authorization") == nil)
        #expect(landed.header("x-keep") == "1")
    }

    @Test(arguments: ["127.0.0.1", "::1"])
    func loopbackWithoutAllowanceIsRefused(_ host: String) async throws {
        let s = try TestServer(host: host)
        defer { s.stop() }
        s.route("/", .text("hi"))
        await expectError(Self.fetcher(), FetchRequest(url: s.url("/"))) {
            if case .addressRefused(_, let address, "loopback", [], nil) = $0 { return address == host } else { return false }
        }
        #expect(s.connectionCount == 0)
    }

    @Test func slowDripHitsLowSpeedLimit() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/drip", TestResponse(body: [UInt8](repeating: 0x61, count: 4000), drip: (chunk: 10, interval: 0.25)))
        let start = Date()
        await expectError(Self.fetcher(Self.defaults(total: 10, lowSpeedLimit: 1000, lowSpeedTime: 1)), FetchRequest(url: s.url("/drip"), allowNetworks: Self.loop1)) {
            if case .timedOut(_, let detail) = $0 { return detail.lowercased().contains("too slow") } else { return false }
        }
        #expect(Date().timeIntervalSince(start) < 60)  // the whole drip would take 100 s (loose: a loaded 2-core machine can stall a task for seconds)
    }

    @Test func stallHitsTotalTimeout() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/stall", TestResponse(body: Array("late".utf8), delay: 120))
        let start = Date()
        await expectError(Self.fetcher(Self.defaults(total: 1)), FetchRequest(url: s.url("/stall"), allowNetworks: Self.loop1)) {
            if case .timedOut = $0 { return true } else { return false }
        }
        #expect(Date().timeIntervalSince(start) < 60)  // well before the server would answer (120 s), even on a loaded machine
    }

    @Test func bodyOverCapIsRefused() async throws {
        let s = try TestServer()
        defer { s.stop() }
        let big = [UInt8](repeating: 0x62, count: 50_000)
        s.route("/announced", TestResponse(body: big))
        s.route("/unannounced", TestResponse(body: big, sendContentLength: false))
        let f = Self.fetcher()
        for path in ["/announced", "/unannounced"] {
            await expectError(f, FetchRequest(url: s.url(path), allowNetworks: Self.loop1, maxBytes: 10_000)) {
                $0 == .tooLarge(url: s.url(path), limit: 10_000)
            }
        }
        let ok = try await f.fetch(FetchRequest(url: s.url("/announced"), allowNetworks: Self.loop1, maxBytes: 50_000))
        #expect(ok.body.count == 50_000)
    }

    @Test func gzipIsDecodedAndBombIsCapped() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/small", TestResponse(headers: [("Content-Type", "text/plain")], body: Array("압축된 본문 ".utf8) + [UInt8](repeating: 0x2E, count: 1000), gzip: true))
        let bomb = Gzip.bomb(decodedSize: 8 * 1024 * 1024)
        s.route("/bomb", TestResponse(headers: [("Content-Encoding", "gzip")], body: bomb))
        let f = Self.fetcher()
        let small = try await f.fetch(FetchRequest(url: s.url("/small"), allowNetworks: Self.loop1))
        #expect(small.body == Array("압축된 본문 ".utf8) + [UInt8](repeating: 0x2E, count: 1000))
        #expect(bomb.count < 60_000)  // the wire size is far below the cap: only the decoded count can stop it
        await expectError(f, FetchRequest(url: s.url("/bomb"), allowNetworks: Self.loop1, maxBytes: 1_000_000)) {
            $0 == .tooLarge(url: s.url("/bomb"), limit: 1_000_000)
        }
        let whole = try await f.fetch(FetchRequest(url: s.url("/bomb"), allowNetworks: Self.loop1, maxBytes: 9_000_000))
        #expect(whole.body.count == 8 * 1024 * 1024)
    }

    @Test func retryAfterIsReportedAndHonoured() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/busy", TestResponse(status: 429, headers: [("Retry-After", "120")]))
        s.route("/other", .text("ok"))
        let f = Self.fetcher()
        await expectError(f, FetchRequest(url: s.url("/busy"), allowNetworks: Self.loop1)) {
            $0 == .httpStatus(url: s.url("/busy"), status: 429, retryAfter: 120)
        }
        await expectError(f, FetchRequest(url: s.url("/other"), allowNetworks: Self.loop1)) {
            if case .backingOff(_, let host, let until) = $0 { return host == "127.0.0.1:\(s.port)" && until > Date().addingTimeInterval(100) }
            return false
        }
        #expect(s.requests(for: "/other").isEmpty)
    }

    @Test func retryAfterFormats() {
        #expect(Fetcher.parseRetryAfter("30") == 30)
        #expect(Fetcher.parseRetryAfter("999999") == 86_400)
        let inAMinute = Date().addingTimeInterval(60)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let parsed = Fetcher.parseRetryAfter(f.string(from: inAMinute))
        #expect(parsed.map { abs($0 - 60) < 2 } == true)
        #expect(Fetcher.parseRetryAfter("soon") == nil)
    }

    @Test func robotsDisallowIsObeyedAndFetchedOnce() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/robots.txt", .text("User-agent: *\nDisallow: /private\n\nUser-agent: OtherBot\nDisallow: /\n", contentType: "text/plain"))
        s.route("/private/a", .text("secret"))
        s.route("/public", .text("open"))
        let f = Self.fetcher(Self.defaults(robots: true))
        await expectError(f, FetchRequest(url: s.url("/private/a"), allowNetworks: Self.loop1)) {
            $0 == .robotsDisallowed(url: s.url("/private/a"), rule: "Disallow: /private")
        }
        async let a = f.fetch(FetchRequest(url: s.url("/public"), allowNetworks: Self.loop1))
        async let b = f.fetch(FetchRequest(url: s.url("/public"), allowNetworks: Self.loop1))
        let (ra, rb) = try await (a, b)
        #expect(ra.status == 200 && rb.status == 200)
        #expect(s.requests(for: "/private/a").isEmpty)
        #expect(s.requests(for: "/robots.txt").count == 1)
        // A source may opt out.
        let ignored = try await f.fetch(FetchRequest(url: s.url("/private/a"), allowNetworks: Self.loop1, obeyRobots: false))
        #expect(ignored.status == 200)
    }

    @Test func robotsStatusesDecide() async throws {
        let missing = try TestServer(host: "127.0.0.1")
        let broken = try TestServer(host: "127.0.0.2")
        defer { missing.stop(); broken.stop() }
        missing.route("/page", .text("ok"))  // /robots.txt answers 404: everything allowed
        broken.route("/robots.txt", TestResponse(status: 503))
        broken.route("/page", .text("ok"))
        let f = Self.fetcher(Self.defaults(robots: true))
        let ok = try await f.fetch(FetchRequest(url: missing.url("/page"), allowNetworks: .cidrs("127.0.0.0/8")))
        #expect(ok.status == 200)
        await expectError(f, FetchRequest(url: broken.url("/page"), allowNetworks: .cidrs("127.0.0.0/8"))) {
            if case .robotsDisallowed = $0 { return true } else { return false }
        }
        #expect(broken.requests(for: "/page").isEmpty)
    }

    @Test func cancellationStopsATransfer() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/slow", TestResponse(body: Array("x".utf8), delay: 120))
        let f = Self.fetcher(Self.defaults(total: 150))
        let start = Date()
        let task = Task { () -> FetchError? in
            do throws(FetchError) {
                _ = try await f.fetch(FetchRequest(url: s.url("/slow"), allowNetworks: Self.loop1))
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let error = await task.value
        #expect(error == .cancelled(url: s.url("/slow")))
        // The response would only come after 120 s: finishing well before proves the transfer was aborted (a loaded
        // 2-core machine took 16 s to schedule the cancellation once, so the bound is loose).
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func perHostLimitIsObserved() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/slow", TestResponse(body: Array("x".utf8), delay: 0.2))
        let f = Self.fetcher(Self.defaults(perHost: 2))
        try await withThrowingTaskGroup(of: Int.self) { g in
            for _ in 0..<8 { g.addTask { try await f.fetch(FetchRequest(url: s.url("/slow"), allowNetworks: Self.loop1)).status } }
            for try await status in g { #expect(status == 200) }
        }
        #expect(s.requests(for: "/slow").count == 8)
        #expect(s.maxConcurrentConnections == 2)
    }

    @Test func queueingForAHostDoesNotCountAgainstTheTimeout() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/q", .text("x"))
        // One at a time, 0.4 s apart: the fifth starts ≈ 1.6 s after the first, beyond the 1 s total timeout.
        let f = Self.fetcher(Self.defaults(perHost: 1, total: 1, delay: 0.4))
        try await withThrowingTaskGroup(of: Int.self) { g in
            for _ in 0..<5 { g.addTask { try await f.fetch(FetchRequest(url: s.url("/q"), allowNetworks: Self.loop1)).status } }
            for try await status in g { #expect(status == 200) }
        }
        #expect(s.requests(for: "/q").count == 5)
    }

    @Test func politenessDelaySpacesRequests() async throws {
        let s = try TestServer()
        defer { s.stop() }
        s.route("/p", .text("x"))
        let f = Self.fetcher(Self.defaults(perHost: 4, delay: 0.5))
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { g in
            for _ in 0..<3 { g.addTask { _ = try await f.fetch(FetchRequest(url: s.url("/p"), allowNetworks: Self.loop1)) } }
            try await g.waitForAll()
        }
        #expect(s.requests(for: "/p").count == 3)
        // Starts are spaced 0.5 s apart, so three requests take at least 1 s end to end; load can only add to that
        // (server-side arrival stamps were too jittery on a busy machine). Without the delay this takes milliseconds.
        #expect(Date().timeIntervalSince(start) >= 0.98)
    }

    @Test func fiftyParallelFetches() async throws {
        let s = try TestServer()
        defer { s.stop() }
        let page = [UInt8](repeating: 0x63, count: 100_000)
        for i in 0..<50 { s.route("/p\(i)", TestResponse(body: page)) }
        let f = Self.fetcher(Self.defaults(perHost: 8))
        let start = Date()
        let total = try await withThrowingTaskGroup(of: Int.self) { g in
            for i in 0..<50 { g.addTask { try await f.fetch(FetchRequest(url: s.url("/p\(i)"), allowNetworks: Self.loop1)).body.count } }
            return try await g.reduce(0, +)
        }
        #expect(total == 50 * 100_000)
        #expect(s.maxConcurrentConnections <= 8)
        print("fetch: 50 parallel 100 KB fetches in \(String(format: "%.3f", Date().timeIntervalSince(start))) s, max \(s.maxConcurrentConnections) connections")
    }

    @Test func invalidInputs() async throws {
        let f = Self.fetcher()
        await expectError(f, FetchRequest(url: "ftp://example.com/x")) { if case .invalidURL = $0 { return true } else { return false } }
        await expectError(f, FetchRequest(url: "not a url")) { if case .invalidURL = $0 { return true } else { return false } }
        // A CIDR that does not parse never reaches the fetcher: feeds.yaml's are parsed at load (PolicyBuildTests),
        // `--allow` by the command.
        #expect(throws: CIDRError.self) { try IPNetwork("127.0.0.1/99") }
    }
}
