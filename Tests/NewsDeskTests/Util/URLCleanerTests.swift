import Testing
@testable import NewsDesk

/// One URL case: input, optional base/page host, expected output.
struct URLCase: Sendable, CustomTestStringConvertible {
    let id: String
    let input: String
    var base: String? = nil
    var pageHost: String? = nil
    let expected: String?
    var testDescription: String { id }
}

@Suite("URLCleaner")
struct URLCleanerTests {
    static let cleanCases: [URLCase] = [
        URLCase(id: "utm parameters go", input: "https://example.com/page?id=123&utm_source=newsletter&utm_medium=email", expected: "https://example.com/page?id=123"),
        URLCase(id: "fbclid goes", input: "https://example.com/a?fbclid=IwAR0abc", expected: "https://example.com/a"),
        URLCase(id: "gclid and dclid go", input: "https://example.com/a?gclid=1&x=2&dclid=3", expected: "https://example.com/a?x=2"),
        URLCase(id: "yclid goes", input: "https://example.com/a?yclid=99&q=news", expected: "https://example.com/a?q=news"),
        URLCase(id: "mailchimp ids go", input: "https://example.com/a?mc_eid=1&mc_cid=2", expected: "https://example.com/a"),
        URLCase(id: "igshid goes", input: "https://example.com/p/abc/?igshid=xyz", expected: "https://example.com/p/abc/"),
        URLCase(id: "hubspot goes", input: "https://example.com/?_hsenc=p2&_hsmi=7&page=2", expected: "https://example.com/?page=2"),
        URLCase(id: "msclkid goes", input: "https://example.com/a?msclkid=abc", expected: "https://example.com/a"),
        URLCase(id: "uppercase UTM goes", input: "https://example.com/a?UTM_Source=x&b=1", expected: "https://example.com/a?b=1"),
        URLCase(id: "order of kept parameters", input: "https://example.com/a?z=1&utm_term=k&a=2&m=3", expected: "https://example.com/a?z=1&a=2&m=3"),
        URLCase(id: "fragment kept", input: "https://example.com/a?utm_source=x#section-2", expected: "https://example.com/a#section-2"),
        URLCase(id: "ref to own host goes", input: "https://example.com/a?ref=example.com&id=1", expected: "https://example.com/a?id=1"),
        URLCase(id: "ref to own host with www goes", input: "https://www.example.com/a?ref=www.example.com", expected: "https://www.example.com/a"),
        URLCase(id: "ref as URL of own host goes", input: "https://example.com/a?ref=https%3A%2F%2Fexample.com%2F", expected: "https://example.com/a"),
        URLCase(id: "ref to page host goes", input: "https://cdn.example.org/a?ref=news.example.com", pageHost: "news.example.com", expected: "https://cdn.example.org/a"),
        URLCase(id: "ref to other host stays", input: "https://example.com/a?ref=other.org", expected: "https://example.com/a?ref=other.org"),
        URLCase(id: "ref meaning something else stays", input: "https://github.com/x/y/tree?ref=main", expected: "https://github.com/x/y/tree?ref=main"),
        URLCase(id: "no query untouched", input: "https://example.com/news/2024/01/01/story.html", expected: "https://example.com/news/2024/01/01/story.html"),
        URLCase(id: "host lowercased", input: "HTTPS://News.Example.COM/Path?Q=1", expected: "https://news.example.com/Path?Q=1"),
        URLCase(id: "naver article params kept", input: "https://n.news.naver.com/mnews/article/001/0000000001?sid=105&utm_source=naver", expected: "https://n.news.naver.com/mnews/article/001/0000000001?sid=105"),
        URLCase(id: "korean path kept", input: "https://example.com/뉴스/기사?utm_campaign=봄", expected: "https://example.com/뉴스/기사"),
        URLCase(id: "valueless parameter kept", input: "https://example.com/a?amp&fbclid=1", expected: "https://example.com/a?amp"),
        URLCase(id: "empty pairs dropped", input: "https://example.com/a?&&x=1&", expected: "https://example.com/a?x=1"),
        URLCase(id: "similar names kept", input: "https://example.com/a?utmx=1&fbclidx=2", expected: "https://example.com/a?utmx=1&fbclidx=2"),
    ]

    @Test(arguments: cleanCases)
    func clean(_ c: URLCase) {
        #expect(URLCleaner.clean(c.input, pageHost: c.pageHost) == c.expected)
    }

    static let resolveCases: [URLCase] = [
        URLCase(id: "relative file", input: "b.jpg", base: "https://example.com/news/a.html", expected: "https://example.com/news/b.jpg"),
        URLCase(id: "root relative", input: "/img/b.jpg", base: "https://example.com/news/a.html", expected: "https://example.com/img/b.jpg"),
        URLCase(id: "scheme relative", input: "//t1.daumcdn.net/x.png", base: "https://v.daum.net/v/1", expected: "https://t1.daumcdn.net/x.png"),
        URLCase(id: "scheme relative on http", input: "//cdn.example.com/x.png", base: "http://example.com/", expected: "http://cdn.example.com/x.png"),
        URLCase(id: "dot dot", input: "../../c/d.png", base: "https://example.com/a/b/e/f.html", expected: "https://example.com/a/c/d.png"),
        URLCase(id: "too many dot dots", input: "../../../../x", base: "https://example.com/a/b", expected: "https://example.com/x"),
        URLCase(id: "query only", input: "?page=2", base: "https://example.com/list?page=1", expected: "https://example.com/list?page=2"),
        URLCase(id: "fragment only", input: "#note1", base: "https://example.com/a?x=1", expected: "https://example.com/a?x=1#note1"),
        URLCase(id: "absolute stays", input: "https://other.org/x", base: "https://example.com/", expected: "https://other.org/x"),
        URLCase(id: "absolute host lowercased", input: "https://Other.ORG", base: nil, expected: "https://other.org/"),
        URLCase(id: "no base keeps relative", input: "img/a.png", base: nil, expected: "img/a.png"),
        URLCase(id: "non-http base ignored", input: "img/a.png", base: "file:///etc/passwd", expected: "img/a.png"),
        URLCase(id: "surrounding whitespace trimmed", input: "  \n /a.png \t", base: "https://example.com/x/", expected: "https://example.com/a.png"),
        URLCase(id: "inner newline removed", input: "/a\n.png", base: "https://example.com/", expected: "https://example.com/a.png"),
        URLCase(id: "inner space encoded", input: "/a b.png", base: "https://example.com/", expected: "https://example.com/a%20b.png"),
        URLCase(id: "backslash is slash", input: "\\\\evil.example\\x", base: "https://example.com/", expected: "https://evil.example/x"),
        URLCase(id: "base directory", input: "c.png", base: "https://example.com/a/", expected: "https://example.com/a/c.png"),
        URLCase(id: "base without path", input: "c.png", base: "https://example.com", expected: "https://example.com/c.png"),
        URLCase(id: "korean relative path", input: "사진/1.jpg", base: "https://example.com/기사/", expected: "https://example.com/기사/사진/1.jpg"),
        URLCase(id: "mailto stays", input: "mailto:desk@example.com", base: "https://example.com/", expected: "mailto:desk@example.com"),
    ]

    @Test(arguments: resolveCases)
    func resolve(_ c: URLCase) {
        #expect(URLCleaner.resolve(c.input, against: c.base) == c.expected)
    }

    static let schemeCases: [URLCase] = [
        URLCase(id: "plain javascript", input: "javascript:alert(1)", expected: "javascript"),
        URLCase(id: "mixed case", input: "JaVaScRiPt:alert(1)", expected: "javascript"),
        URLCase(id: "hex tab entity", input: "jav&#x09;ascript:alert(1)", expected: "javascript"),
        URLCase(id: "decimal entity", input: "&#106;avascript:alert(1)", expected: "javascript"),
        URLCase(id: "entity without semicolon", input: "&#0000106&#0000097vascript:alert(1)", expected: "javascript"),
        URLCase(id: "named colon", input: "javascript&colon;alert(1)", expected: "javascript"),
        URLCase(id: "named tab and newline", input: "java&Tab;scr&NewLine;ipt:alert(1)", expected: "javascript"),
        URLCase(id: "leading control chars", input: "\u{01}\u{0B} javascript:alert(1)", expected: "javascript"),
        URLCase(id: "raw tab inside", input: "java\tscript:x", expected: "javascript"),
        URLCase(id: "vbscript", input: "vbscript:msgbox", expected: "vbscript"),
        URLCase(id: "data", input: " data:text/html;base64,PHNjcmlwdD4=", expected: "data"),
        URLCase(id: "https", input: "https://example.com/", expected: "https"),
        URLCase(id: "relative path", input: "/a:b", expected: nil),
        URLCase(id: "relative with colon later", input: "a/b:c", expected: nil),
        URLCase(id: "query colon", input: "?x=javascript:1", expected: nil),
        URLCase(id: "digit first is not a scheme", input: "1javascript:x", expected: nil),
    ]

    @Test(arguments: schemeCases)
    func scheme(_ c: URLCase) {
        #expect(URLCleaner.scheme(of: c.input) == c.expected)
    }

    @Test func extraParametersFromConfig() {
        let cleaner = URLCleaner(extraParameters: ["from", "nv_*"])
        #expect(cleaner.clean("https://example.com/a?from=rss&nv_ad=1&id=3") == "https://example.com/a?id=3")
        #expect(URLCleaner.clean("https://example.com/a?from=rss") == "https://example.com/a?from=rss")
    }

    @Test func tablesAreSorted() {
        #expect(URLCleaner.defaultTrackingParameters == URLCleaner.defaultTrackingParameters.sorted())
        #expect(URLCleaner.defaultTrackingParameterPrefixes == URLCleaner.defaultTrackingParameterPrefixes.sorted())
    }

    @Test func hostOf() {
        #expect(URLCleaner.host(of: "https://user@News.Example.com:8443/x") == "news.example.com")
        #expect(URLCleaner.host(of: "//cdn.example.com/a") == "cdn.example.com")
        #expect(URLCleaner.host(of: "/relative") == nil)
    }
}
