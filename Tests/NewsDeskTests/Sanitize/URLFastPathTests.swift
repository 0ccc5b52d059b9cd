import Testing
@testable import NewsDesk

/// The byte-level URL fast path must give exactly what the String path gives, or decline.
@Suite("URLFastPath", .serialized)
struct URLFastPathTests {
    /// One URL: whether the fast path must take it (true), must decline it (false) or may do either (nil).
    struct Row: Sendable, CustomTestStringConvertible {
        let raw: String
        let fast: Bool?
        var testDescription: String { raw }
    }

    static let bases: [String?] = [nil, "https://news.example.com/", "http://News.Example.com:8080/a/b.html?x=1",
                                   "https://user@example.com/", "ftp://example.com/", "https://news.example.com",
                                   "https://WWW.Example.com/x", "https://뉴스.example.com/"]

    static let rows: [Row] = [
        // Common cases: taken by the fast path.
        Row(raw: "https://example.com/a/b.html", fast: true),
        Row(raw: "https://example.com", fast: true),
        Row(raw: "https://example.com?x=1", fast: true),
        Row(raw: "https://example.com#top", fast: true),
        Row(raw: "http://example.com:8080/a", fast: true),
        Row(raw: "HTTPS://Example.COM/Path/UPPER?Q=1", fast: true),
        Row(raw: "hTtP://EXAMPLE.com/", fast: true),
        Row(raw: "https://news.example.com/전했다?utm_source=gnb", fast: true),
        Row(raw: "https://www.example-partner.co.kr/news/1?utm_source=newsdesk&utm_medium=article&fbclid=IwAR1", fast: true),
        Row(raw: "https://example.com/a?utm_source=x", fast: true),
        Row(raw: "https://example.com/a?id=1&utm_source=x&b=2", fast: true),
        Row(raw: "https://example.com/a?id=1&b=2&UTM_MEDIUM=y", fast: true),
        Row(raw: "https://example.com/a?FBCLID=1&gclid=2&id=3", fast: true),
        Row(raw: "https://example.com/a?&&x=1&", fast: true),
        Row(raw: "https://example.com/a?", fast: true),
        Row(raw: "https://example.com/a?&", fast: true),
        Row(raw: "https://example.com/a?#f", fast: true),
        Row(raw: "https://example.com/a?utm_source=1#frag?x=1&utm_medium=2", fast: true),
        Row(raw: "https://example.com/a#frag?utm_source=1", fast: true),
        Row(raw: "https://example.com/a?amp&fbclid=1", fast: true),
        Row(raw: "https://example.com/a?utmx=1&fbclidx=2&utm_=3", fast: true),
        Row(raw: "https://example.com/a?=1&=&x", fast: true),
        Row(raw: "https://example.com/a?ref", fast: true),
        Row(raw: "https://example.com/a?referrer=x&reference=y", fast: true),
        Row(raw: "https://example.com/a?q=%ED%95%9C&utm_source=%20", fast: true),
        Row(raw: "https://example.com/a?q=한글&utm_source=x", fast: true),
        Row(raw: "https://example.com/a?x=1&amp;y=2", fast: true),
        Row(raw: "https://example.com/a%2e%2e/b", fast: true),
        Row(raw: "https://example.com/a/b.c/d.", fast: true),
        Row(raw: "https://cdn.example.com/photo/1.jpg", fast: true),
        Row(raw: "https://t1.daumcdn.net/news/202412/04/newsdesk/1.jpg", fast: true),
        Row(raw: "https://imgnews.pstatic.net/image/1.jpg?type=w647&x=1&utm_source=2", fast: true),
        Row(raw: "https://imgnews.pstatic.net/image/1.jpg?TYPE=w647", fast: true),
        Row(raw: "https://imgnews.pstatic.net/image/1.jpg?type=w647", fast: true),
        Row(raw: "https://example.com/image/1.jpg?type=w647", fast: true),
        Row(raw: "https://notpstatic.net/image/1.jpg?type=w647", fast: true),
        Row(raw: "https://img4.daumcdn.net/other/?fname=https%3A%2F%2Fa.com%2Fx.jpg", fast: true),
        Row(raw: "https://wp.com/a.jpg", fast: true),
        Row(raw: "/v/123", fast: nil),
        Row(raw: "/v/123?utm_source=x&id=2#c", fast: nil),
        Row(raw: "/", fast: nil),
        // The String path's business.
        Row(raw: "", fast: false),
        Row(raw: " https://example.com/a", fast: false),
        Row(raw: "https://example.com/a ", fast: false),
        Row(raw: "https://exa mple.com/a", fast: false),
        Row(raw: "https://example.com/a\tb", fast: false),
        Row(raw: "https://example.com/a\nb", fast: false),
        Row(raw: "https://example.com/a\u{7F}", fast: false),
        Row(raw: "https://example.com/a\\b", fast: false),
        Row(raw: "https:\\\\example.com/a", fast: false),
        Row(raw: "jav&#x09;ascript:alert(1)", fast: false),
        Row(raw: "javascript:alert(1)", fast: false),
        Row(raw: "JAVASCRIPT:alert(1)", fast: false),
        Row(raw: "jav\tascript:alert(1)", fast: false),
        Row(raw: "htt&#x70;s://example.com/", fast: false),
        Row(raw: "http&#58;//example.com/", fast: false),
        Row(raw: "https&colon;//example.com/", fast: false),
        Row(raw: "data:image/png;base64,AAAA", fast: false),
        Row(raw: "mailto:a@example.com", fast: false),
        Row(raw: "ftp://example.com/a", fast: false),
        Row(raw: "https:example.com/a", fast: false),
        Row(raw: "https:/example.com/a", fast: false),
        Row(raw: "https:///a", fast: false),
        Row(raw: "https://:80/a", fast: false),
        Row(raw: "https://user:pw@Example.com/a", fast: false),
        Row(raw: "https://[::1]:8080/a", fast: false),
        Row(raw: "https://Ünïcode.example/a", fast: false),
        Row(raw: "https://example.com/a/./b", fast: false),
        Row(raw: "https://example.com/a/../b", fast: false),
        Row(raw: "https://example.com/.well-known/x", fast: false),
        Row(raw: "//cdn.example.com/x.png", fast: false),
        Row(raw: "x.png", fast: false),
        Row(raw: "?page=2", fast: false),
        Row(raw: "#note", fast: false),
        Row(raw: "https://example.com/a?ref=example.com&id=1", fast: true),
        Row(raw: "https://www.example.com/a?REF=www.example.com", fast: true),
        Row(raw: "https://example.com/a?ref=other.org", fast: true),
        Row(raw: "https://example.com/a?ref=news.example.com", fast: true),
        Row(raw: "https://example.com/a?ref=WWW.News.Example.com/path", fast: true),
        Row(raw: "/v/1?ref=news.example.com&x=1", fast: true),
        Row(raw: "/v/1?id=2&ref=www.news.example.com", fast: true),
        Row(raw: "https://example.com/a?ref=", fast: false),
        Row(raw: "https://example.com/a?ref=/news.example.com", fast: false),
        Row(raw: "https://example.com/a?ref=https://news.example.com/", fast: false),
        Row(raw: "https://example.com/a?ref=https%3A%2F%2Fnews.example.com%2F", fast: false),
        Row(raw: "https://example.com/a?ref=news.example.com:443", fast: true),
        Row(raw: "https://example.com/a?ref=news.example.com?x", fast: true),
        Row(raw: "https://example.com/a?ref=뉴스.example.com", fast: false),
        Row(raw: "https://example.com/a?한=1", fast: false),
        Row(raw: "https://example.com/a?\u{212A}=1", fast: false),
        Row(raw: "httpsx://example.com/", fast: false),
        Row(raw: "http", fast: false),
        Row(raw: "https://", fast: false),
        Row(raw: "https://#x", fast: false),
        Row(raw: "https://?x", fast: false),
        Row(raw: "https://a#b.com/x", fast: true),
        Row(raw: "https://a?b/c", fast: true),
        // Proxies and beacons (images): the String path unwraps or refuses them.
        Row(raw: "https://img4.daumcdn.net/thumb/R658x0.q70/?fname=https%3A%2F%2Ft1.daumcdn.net%2Fnews%2Fa.jpg", fast: nil),
        Row(raw: "https://IMG1.daumcdn.net/thumb/R658x0.q70/?fname=https://t1.daumcdn.net/news/b.jpg", fast: nil),
        Row(raw: "https://t1.daumcdn.net/thumb/R1/?fname=http%253A%252F%252Fa.com%252Fx.jpg", fast: nil),
        Row(raw: "https://t1.daumcdn.net", fast: nil),
        Row(raw: "https://t1.daumcdn.net/뉴스/a.jpg", fast: nil),
        Row(raw: "https://dthumb-phinf.pstatic.net/?src=\"https://a.com/b.jpg\"&type=ff500_300", fast: nil),
        Row(raw: "https://i0.wp.com/example.com/wp-content/a.jpg?ssl=1&w=640", fast: nil),
        Row(raw: "https://stat.tiara.daum.net/track?x=1", fast: nil),
        Row(raw: "https://lcs.naver.com/m?u=1", fast: nil),
        Row(raw: "https://www.google-analytics.com/collect", fast: nil),
    ]

    /// Query parts and paths combined into many more URLs: the fast path, when it answers, agrees.
    static var generated: [String] {
        let prefixes = ["https://Example.com", "http://a.b.c:81", "HTTPS://IMGNEWS.PSTATIC.NET", "https://img2.daumcdn.net",
                        "https://t1.daumcdn.net", "/", "https://pixel.wp.com"]
        let paths = ["", "/", "/a/b", "/thumb/R1/", "/기사/1", "/a/./b", "/.x", "/a.b/c"]
        let queries = ["", "?", "?utm_source=a", "?a=1&utm_campaign=x&b=2", "?type=w1&x=y", "?fname=https%3A%2F%2Fa.com%2Fb.jpg",
                       "?ref=example.com", "?Ref", "?ref=www.a.b.c&x=1", "?x=1&REF=imgnews.pstatic.net/a", "?ref=news.example.com", "?x=1&&fbclid=2&", "?mc_eid=1&mc_cid=2", "?_ga=1"]
        let fragments = ["", "#a?utm_source=x"]
        var all: [String] = []
        for p in prefixes { for path in paths { for q in queries { for f in fragments { all.append(p + path + q + f) } } } }
        return all
    }

    static let policies: [(String, URLRules)] = {
        var noHTTP = SanitizePolicy.default
        noHTTP.linkSchemes = ["https"]
        noHTTP.imageSchemes = ["https", "data"]
        var extra = SanitizePolicy.default
        extra.urlCleaner = URLCleaner(extraParameters: ["from", "x*", "Type"])
        var upperRule = SanitizePolicy.default
        upperRule.imageParameterRules = [ImageParameterRule(name: "upper", hosts: ["example.com"], parameters: ["Type", "x"])]
        return [("default", URLRules(policy: .default)), ("no http", URLRules(policy: noHTTP)),
                ("extra parameters", URLRules(policy: extra)), ("upper-case rule", URLRules(policy: upperRule))]
    }()

    static let defaultRules = URLRules(policy: .default)

    /// Runs one URL through both paths for both kinds and every base; returns whether the fast path answered.
    @discardableResult
    static func compare(_ raw: String, rules: URLRules, base: String?, sourceLocation: SourceLocation = #_sourceLocation) -> [Bool] {
        let origin = URLFastPath.Origin(base: base)
        let pageHost = base.flatMap(URLCleaner.host(of:))
        var taken: [Bool] = []
        for kind in [URLFastPath.Kind.link, .image] {
            var counts = URLRules.Counts()
            let slow = kind == .link ? rules.link(raw, base: base, pageHost: pageHost, counts: &counts)
                : rules.image(raw, base: base, pageHost: pageHost, counts: &counts)
            var buf: [UInt8] = []
            var bytes = Array(raw.utf8)
            let fast = bytes.withUnsafeMutableBufferPointer {
                rules.fast.rewrite(UnsafeBufferPointer($0), kind: kind, origin: origin, refHost: .init(pageHost: pageHost), into: &buf)
            }
            taken.append(fast != nil)
            if let removed = fast {
                #expect(slow == .url(String(decoding: buf, as: UTF8.self)), "\(kind) \(raw) base \(base ?? "nil")", sourceLocation: sourceLocation)
                #expect(removed == counts.parametersRemoved, "\(kind) \(raw) count", sourceLocation: sourceLocation)
                #expect(counts.proxiesUnwrapped == 0, sourceLocation: sourceLocation)
            }
        }
        return taken
    }

    @Test(arguments: rows)
    func agreesWithStringPath(_ row: Row) async {
        // Every base under the default policy, two under the others (the suite stays light: it shares the
        // machine with timing-bound tests).
        for (i, (_, rules)) in Self.policies.enumerated() {
            for base in i == 0 ? Self.bases[...] : Self.bases.prefix(2) { Self.compare(row.raw, rules: rules, base: base) }
            await Task.yield()
        }
        guard let expectFast = row.fast else { return }
        // Taken (or not) as a link under the default policy and an https base.
        let taken = Self.compare(row.raw, rules: Self.defaultRules, base: "https://news.example.com/")
        #expect(taken[0] == expectFast, "link fast path taken")
        if !expectFast { #expect(!taken[1], "image fast path declined") }
    }

    @Test func pathAbsoluteReferencesUseTheBase() {
        #expect(Self.compare("/v/1?utm_source=x", rules: Self.defaultRules, base: "https://news.example.com/") == [true, true])
        #expect(Self.compare("/v/1", rules: Self.defaultRules, base: "http://News.Example.com:8080/a/b.html?x=1") == [true, true])
        #expect(Self.compare("/v/1", rules: Self.defaultRules, base: nil) == [false, false])
        #expect(Self.compare("/v/1", rules: Self.defaultRules, base: "https://user@example.com/") == [false, false])
    }

    @Test func proxiesAndBeaconsTakeTheStringPath() {
        for raw in ["https://img4.daumcdn.net/thumb/R658x0.q70/?fname=https%3A%2F%2Ft1.daumcdn.net%2Fa.jpg",
                    "https://stat.tiara.daum.net/track?x=1", "https://i0.wp.com/example.com/a.jpg",
                    "https://dthumb-phinf.pstatic.net/?src=%22https://a.com/b.jpg%22"] {
            #expect(Self.compare(raw, rules: Self.defaultRules, base: "https://news.example.com/") == [true, false], "\(raw)")
        }
    }

    @Test func signedProxyDisablesImages() throws {
        var p = SanitizePolicy.default
        p.signedProxy = try SignedImageProxy(template: "https://proxy.example/{sig}/{url_b64}", key: [1, 2, 3])
        #expect(Self.compare("https://example.com/a.jpg", rules: URLRules(policy: p), base: nil) == [true, false])
    }

    @Test func nonASCIITablesDisableTheFastPath() {
        var p = SanitizePolicy.default
        p.urlCleaner = URLCleaner(extraParameters: ["추적"])
        #expect(Self.compare("https://example.com/a?x=1", rules: URLRules(policy: p), base: nil) == [false, false])
    }

    /// Async and yielding: a long synchronous loop would hold a cooperative thread that timing-bound tests
    /// (FetcherTests) need on a 2-core machine.
    @Test func generatedURLsAgree() async {
        var taken = 0
        let all = Self.generated
        for (k, raw) in all.enumerated() {
            if k % 50 == 0 { await Task.yield() }
            for base in Self.bases.prefix(2) { taken += Self.compare(raw, rules: Self.defaultRules, base: base).filter { $0 }.count }
        }
        #expect(taken > all.count)  // the fast path is exercised, not only declined
    }

    /// The engine's output does not depend on which path a URL took: the same page with the fast path's URLs
    /// disguised (a leading space sends them down the String path) sanitizes to the same HTML.
    @Test func engineOutputIndependentOfPath() {
        let urls = Self.rows.map(\.raw).filter { !$0.contains("\"") && !$0.isEmpty && !$0.hasPrefix(" ") }
        func page(_ pad: String) -> String {
            urls.map { "<p><a href=\"\(pad)\($0.replacingAll("&", with: "&amp;"))\">l</a>"
                + "<img src=\"\(pad)\($0.replacingAll("&", with: "&amp;"))\" alt=\"a\"></p>" }.joined()
        }
        let s = Sanitizer()
        for base in ["https://news.example.com/", nil] {
            let fast = s.sanitize(html: page(""), baseURL: base)
            let slow = s.sanitize(html: page(" "), baseURL: base)
            #expect(fast.html == slow.html)
            #expect(fast.text == slow.text)
            #expect(fast.report.trackingParametersRemoved == slow.report.trackingParametersRemoved)
            #expect(fast.report.proxiesUnwrapped == slow.report.proxiesUnwrapped)
            #expect(fast.report.trackingPixelsRemoved == slow.report.trackingPixelsRemoved)
        }
    }
}
