import Testing
@testable import NewsDesk

/// Extractor inputs the fuzzer (docs/fuzzing.md) found; the raw inputs are in fixtures/fuzz/extract.
@Suite("Extractor fuzz findings")
struct ExtractFuzzFindingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let head: String
        let body: String
        var testDescription: String { name }
    }

    static let body = "<article><p>본문 첫 문단입니다. 충분히 긴 문장으로 기사의 내용을 담고 있습니다.</p><p>둘째 문단입니다.</p></article>"

    /// Canonical and original URLs are stored and exported as links: only http(s) URLs with a host are kept.
    static let urls: [Case] = [
        Case(name: "fuzz: og:url without a host", head: "<meta property=\"og:url\" content=\"t:\">", body: body),
        Case(name: "javascript canonical", head: "<link rel=\"canonical\" href=\"javascript:alert(1)\">", body: body),
        Case(name: "data og:url", head: "<meta property=\"og:url\" content=\"data:text/html,<script>alert(1)</script>\">", body: body),
        Case(name: "hostless canonical", head: "<link rel=\"canonical\" href=\"https:///a\">", body: body),
        Case(name: "javascript original link", head: "",
             body: "<a class=\"media_end_head_origin_link\" href=\"javascript:alert(1)\">기사원문</a>" + body),
        Case(name: "vbscript original link", head: "", body: "<a href=\" VBScript:msgbox(1)\">원문보기</a>" + body),
    ]

    @Test(arguments: urls)
    func onlyHTTPURLsAreKept(_ c: Case) throws {
        let html = "<html><head><title>제목</title>\(c.head)</head><body>\(c.body)</body></html>"
        let page = DecodedPage(url: "https://news.example.com/2026/03/19/a.html", bytes: Array(html.utf8), charset: "UTF-8",
                               charsetSource: .override)
        let a = try Extractor().extract(page)
        #expect(a.canonicalURL == nil, "\(c.name): canonical \(a.canonicalURL ?? "")")
        #expect(a.originalURL == nil, "\(c.name): original \(a.originalURL ?? "")")
    }

    @Test func httpURLsStillKept() throws {
        let html = "<html><head><link rel=\"canonical\" href=\"/2026/03/19/a.html?utm_source=x\"></head><body>"
            + "<a class=\"media_end_head_origin_link\" href=\"https://origin.example.com/n/1\">기사원문</a>\(Self.body)</body></html>"
        let page = DecodedPage(url: "https://news.example.com/x", bytes: Array(html.utf8), charset: "UTF-8", charsetSource: .override)
        let a = try Extractor().extract(page)
        #expect(a.canonicalURL == "https://news.example.com/2026/03/19/a.html")
        #expect(a.originalURL == "https://origin.example.com/n/1")
    }
}
