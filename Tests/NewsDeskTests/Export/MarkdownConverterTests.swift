import Testing
@testable import NewsDesk

@Suite struct MarkdownConverterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String; let html: String; let markdown: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "paragraphs", html: "<p>첫 문단.</p><p>둘째   문단\n이어짐.</p>", markdown: "첫 문단.\n\n둘째 문단 이어짐."),
        .init(name: "headings", html: "<h2>소제목</h2><h3>작은 <em>제목</em></h3>", markdown: "## 소제목\n\n### 작은 *제목*"),
        .init(name: "emphasis", html: "<p><strong>굵게</strong>와 <em>기울임</em>, <b>b</b> <i>i</i></p>", markdown: "**굵게**와 *기울임*, **b** *i*"),
        .init(name: "emphasis spaces move outside", html: "<p>a<b> bold </b>c</p>", markdown: "a **bold** c"),
        .init(name: "emphasis ending in punctuation before Korean uses tags", html: "<p><b>“인용”</b>이라고</p>", markdown: "<strong>“인용”</strong>이라고"),
        .init(name: "strikethrough", html: "<p><del>old</del> new</p>", markdown: "~~old~~ new"),
        .init(name: "escaping specials", html: "<p>a*b_c [d] #e `f` \\g |h ~i &lt;j&gt;</p>", markdown: "a\\*b\\_c \\[d\\] \\#e \\`f\\` \\\\g \\|h \\~i \\<j>"),
        .init(name: "escaping line-start list markers", html: "<p>- 목록 아님</p><p>+ plus</p><p>2026. 11. 29 기사</p><p>1) 하나</p>", markdown: "\\- 목록 아님\n\n\\+ plus\n\n2026\\. 11. 29 기사\n\n1\\) 하나"),
        .init(name: "escaping blockquote marker and heading marker", html: "<p>&gt; not a quote</p><p># not a heading</p>", markdown: "\\> not a quote\n\n\\# not a heading"),
        .init(name: "entity-like text stays text", html: "<p>AT&amp;amp;T &amp;copy;</p>", markdown: "AT\\&amp;T \\&copy;"),
        .init(name: "link", html: "<p>see <a href=\"https://example.com/a\">기사</a>.</p>", markdown: "see [기사](https://example.com/a)."),
        .init(name: "link with parentheses", html: "<p><a href=\"https://en.wikipedia.org/wiki/Seoul_(city)\">Seoul</a></p>", markdown: "[Seoul](https://en.wikipedia.org/wiki/Seoul_\\(city\\))"),
        .init(name: "link with title and space", html: "<p><a href=\"https://x.test/a b\" title='say \"hi\"'>x</a></p>", markdown: "[x](https://x.test/a%20b \"say \\\"hi\\\"\")"),
        .init(name: "link text with brackets", html: "<p><a href=\"https://x.test/\">[속보] 제목</a></p>", markdown: "[\\[속보\\] 제목](https://x.test/)"),
        .init(name: "bang before link", html: "<p>와!<a href=\"https://x.test/\">링크</a></p>", markdown: "와\\![링크](https://x.test/)"),
        .init(name: "link without href is text", html: "<p><a>그냥</a> 글</p>", markdown: "그냥 글"),
        .init(name: "image", html: "<p><img src=\"https://img.test/a.jpg\" alt=\"광화문 [사진]\"></p>", markdown: "![광화문 \\[사진\\]](https://img.test/a.jpg)"),
        .init(name: "figure with caption", html: "<figure><img src=\"https://img.test/b.png\" alt=\"\"><figcaption>사진=<em>연합뉴스</em></figcaption></figure>", markdown: "![](https://img.test/b.png)\n\n사진=*연합뉴스*"),
        .init(name: "line breaks", html: "<p>첫 줄<br>둘째 줄<br></p>", markdown: "첫 줄\\\n둘째 줄"),
        .init(name: "blockquote", html: "<blockquote><p>인용 1</p><p>인용 2</p></blockquote>", markdown: "> 인용 1\n>\n> 인용 2"),
        .init(name: "unordered list", html: "<ul><li>하나</li><li>둘</li></ul>", markdown: "- 하나\n- 둘"),
        .init(name: "ordered list with start", html: "<ol start=\"3\"><li>셋</li><li>넷</li></ol>", markdown: "3. 셋\n4. 넷"),
        .init(name: "nested lists", html: "<ul><li>과일<ul><li>사과</li><li>배<ol><li>신고</li></ol></li></ul></li><li>채소</li></ul>",
              markdown: "- 과일\n  - 사과\n  - 배\n    1. 신고\n- 채소"),
        .init(name: "list item with paragraphs", html: "<ol><li><p>첫째</p><p>설명</p></li></ol>", markdown: "1. 첫째\n\n   설명"),
        .init(name: "list in blockquote", html: "<blockquote><ul><li>a</li><li>b</li></ul></blockquote>", markdown: "> - a\n> - b"),
        .init(name: "table with header", html: "<table><thead><tr><th>팀</th><th align=\"right\">승</th></tr></thead><tbody><tr><td>LG</td><td>86</td></tr><tr><td>KT | 위즈</td><td>72</td></tr></tbody></table>",
              markdown: "| 팀 | 승 |\n| --- | ---: |\n| LG | 86 |\n| KT \\| 위즈 | 72 |"),
        .init(name: "table without header and ragged rows", html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
              markdown: "|   |   |\n| --- | --- |\n| a | b |\n| c |   |"),
        .init(name: "table cell with break", html: "<table><tr><th>x</th></tr><tr><td>1<br>2</td></tr></table>", markdown: "| x |\n| --- |\n| 1<br>2 |"),
        .init(name: "pre code with language", html: "<pre><code class=\"language-swift\">let a = 1 * 2\nprint(a)</code></pre>", markdown: "```swift\nlet a = 1 * 2\nprint(a)\n```"),
        .init(name: "pre with backticks", html: "<pre>a ``` b</pre>", markdown: "````\na ``` b\n````"),
        .init(name: "inline code", html: "<p>run <code>a*b</code> and <code>x`y</code></p>", markdown: "run `a*b` and ``x`y``"),
        .init(name: "horizontal rule", html: "<p>a</p><hr><p>b</p>", markdown: "a\n\n* * *\n\nb"),
        .init(name: "divs and spans flatten", html: "<div><span>가</span> <span>나</span><div><p>다</p></div></div>", markdown: "가 나\n\n다"),
        .init(name: "korean untouched", html: "<p>서울=연합뉴스) 홍길동 기자 = 「한글」·『책』 ‘따옴표’ … 끝.</p>", markdown: "서울=연합뉴스) 홍길동 기자 = 「한글」·『책』 ‘따옴표’ … 끝."),
        .init(name: "nbsp kept as text", html: "<p>a&nbsp;b</p>", markdown: "a\u{00A0}b"),
        .init(name: "sup keeps html", html: "<p>E=mc<sup>2</sup></p>", markdown: "E=mc<sup>2</sup>"),
        .init(name: "empty elements vanish", html: "<p></p><p> </p><b></b><p>x</p>", markdown: "x"),
        .init(name: "video becomes a link", html: "<video src=\"https://v.test/a.mp4\"></video>", markdown: "[video](https://v.test/a.mp4)"),
    ]

    @Test(arguments: cases)
    func converts(_ c: Case) throws {
        let got = try MarkdownConverter().convert(html: c.html)
        #expect(got == c.markdown, "got: \(got.debugDescription)")
    }
}
