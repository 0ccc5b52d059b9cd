import Testing
@testable import NewsDesk

@Suite struct HTMLDocumentTests {
    @Test func parsesKoreanAndSerializesUTF8() throws {
        let doc = try HTMLDocument(html: "<html><body><p class=a>광화문 <b>똠햏</b></p></body></html>")
        let p = try #require(doc.body?.firstChild(named: "p"))
        #expect(p.textContent == "광화문 똠햏")
        #expect(p.outerHTML == "<p class=\"a\">광화문 <b>똠햏</b></p>")
    }

    @Test func cp949BytesDecodeWithExplicitCharset() throws {
        // "똠" in CP949 is 0x8C 0x63 (outside EUC-KR).
        let bytes: [UInt8] = Array("<p>".utf8) + [0x8C, 0x63] + Array(" ok</p>".utf8)
        let doc = try HTMLDocument(bytes: bytes, encoding: "CP949")
        #expect(doc.body?.textContent == "똠 ok")
    }

    @Test func unknownEncodingIsAnError() {
        #expect(throws: HTMLError.unknownEncoding("no-such-charset")) {
            try HTMLDocument(bytes: Array("x".utf8), encoding: "no-such-charset")
        }
    }

    @Test func unwrapKeepsChildren() throws {
        let doc = try HTMLDocument(html: "<div><span>a<i>b</i></span>c</div>")
        let span = try #require(doc.select(xpath: "//span").first)
        span.unwrap()
        #expect(doc.body?.innerHTML == "<div>a<i>b</i>c</div>")
    }

    struct SelectorCase: Sendable, CustomTestStringConvertible {
        let css: String; let html: String; let expected: [String]
        var testDescription: String { css }
    }
    static let selectorCases: [SelectorCase] = [
        .init(css: "div.article_view section", html: "<div class='x article_view'><section>A</section></div><section>B</section>", expected: ["A"]),
        .init(css: "#dic_area", html: "<div id=dic_area>N</div><div id=other>O</div>", expected: ["N"]),
        .init(css: "ul > li", html: "<ul><li>1</li><li><ol><li>2</li></ol></li></ul>", expected: ["1", "2"]),
        .init(css: "a[href^='/v/']", html: "<a href='/v/1'>x</a><a href='/w/2'>y</a>", expected: ["x"]),
        .init(css: "h1, h2", html: "<h2>b</h2><h1>a</h1>", expected: ["b", "a"]),
        .init(css: "//p[@data-x]", html: "<p data-x=1>p</p><p>q</p>", expected: ["p"]),
    ]

    @Test(arguments: selectorCases)
    func cssSelectors(_ c: SelectorCase) throws {
        let doc = try HTMLDocument(html: c.html)
        let sel = try Selector(c.css)
        #expect(try doc.select(xpath: sel.xpath).map(\.textContent) == c.expected)
    }

    @Test func badSelectorsAreErrors() {
        #expect(throws: Selector.ParseError.self) { try Selector("div[") }
        #expect(throws: Selector.ParseError.self) { try Selector("a:hover") }
        #expect(throws: Selector.ParseError.self) { try Selector("") }
    }
}
