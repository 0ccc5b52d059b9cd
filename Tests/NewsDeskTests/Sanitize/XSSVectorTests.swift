import Testing
@testable import NewsDesk

/// The classic XSS families, one named row each (OWASP filter-evasion cheat sheet, DOMPurify and bleach tests).
@Suite("Sanitizer XSS vectors")
struct XSSVectorTests {
    static let handlers = ["<script", "onerror", "onload", "onclick", "onmouseover", "javascript:", "vbscript:", "alert("]

    static let cases: [SanitizeCase] = [
        // script
        SanitizeCase("script tag", "<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>"),
        SanitizeCase("script uppercase", "<SCRIPT SRC=//xss.example/x.js></SCRIPT><p>ok</p>", "<p>ok</p>"),
        SanitizeCase("script with closing div inside", "<div><script>var s='</div>';alert(1)</script>x</div>", "<div>x</div>"),
        SanitizeCase("script in attribute-less p", "<p><script>alert(1)</script>text</p>", "<p>text</p>"),
        SanitizeCase("escaped script text stays text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        SanitizeCase("half open script", "<p>x</p><script src=https://xss.example/a.js?<b>", excludes: ["<script", "xss.example"]),
        SanitizeCase("nested script tags", "<scr<script>ipt>alert(1)</script><p>z</p>", excludes: ["<script"]),
        // handlers
        SanitizeCase("img onerror", "<img src=x onerror=alert(1)>", excludes: handlers),
        SanitizeCase("body onload", "<body onload=alert(1)><p>t</p></body>", "<p>t</p>"),
        SanitizeCase("p onclick", "<p onclick=\"alert(1)\">t</p>", "<p>t</p>"),
        SanitizeCase("uppercase handler", "<p ONMOUSEOVER=alert(1)>t</p>", "<p>t</p>"),
        SanitizeCase("handler on unwrapped div", "<span onfocus=alert(1) tabindex=0>t</span>", "<span>t</span>"),
        SanitizeCase("svg onload", "<svg onload=alert(1)><p>x</p></svg><p>y</p>", excludes: handlers + ["<svg"]),
        SanitizeCase("details ontoggle", "<details open ontoggle=alert(1)><summary>s</summary>d</details>", excludes: handlers + ["<details"]),
        SanitizeCase("marquee onstart", "<marquee onstart=alert(1)>m</marquee>", "<p>m</p>"),
        SanitizeCase("video source onerror", "<video><source onerror=alert(1)></video><p>v</p>", "<p>v</p>"),
        SanitizeCase("input autofocus onfocus", "<input autofocus onfocus=alert(1)><p>i</p>", "<p>i</p>"),
        // javascript: in every obfuscation
        SanitizeCase("javascript href", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript mixed case", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript tab entity", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript newline entity", "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript CR entity", "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript decimal entities", "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript padded decimal no semicolon", "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript hex no semicolon", "<a href=\"&#x6A&#x61vascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript leading space and control", "<a href=\" &#14;  javascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript html5 colon entity", "<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript html5 tab entity", "<a href=\"java&Tab;script:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript raw tab", "<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript in img src", "<img src=\"javascript:alert(1)\">", ""),
        SanitizeCase("javascript in lazy src", "<img data-src=\"javascript:alert(1)\">", ""),
        SanitizeCase("vbscript href", "<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("livescript href", "<a href=\"livescript:x\">x</a>", "<a>x</a>"),
        SanitizeCase("javascript in blockquote cite", "<blockquote cite=\"javascript:alert(1)\">q</blockquote>", "<blockquote>q</blockquote>"),
        SanitizeCase("javascript in form action", "<form action=\"javascript:alert(1)\"><p>f</p></form><p>ok</p>", "<p>ok</p>"),
        SanitizeCase("formaction on button", "<button formaction=javascript:alert(1)>b</button><p>ok</p>", "<p>ok</p>"),
        // data: URLs
        SanitizeCase("data html link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a>x</a>"),
        SanitizeCase("data image dropped", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a\">", ""),
        SanitizeCase("data svg image", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">", ""),
        SanitizeCase("object data", "<object data=\"data:text/html,<script>alert(1)</script>\"></object><p>o</p>", "<p>o</p>"),
        SanitizeCase("embed src", "<embed src=\"javascript:alert(1)\"><p>e</p>", "<p>e</p>"),
        SanitizeCase("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>i</p>", "<p>i</p>"),
        SanitizeCase("iframe src javascript", "<iframe src=\"javascript:alert(1)\"></iframe>", ""),
        // namespace confusion
        SanitizeCase("svg script", "<svg><script>alert(1)</script></svg>", ""),
        SanitizeCase("svg animate href", "<svg><a><animate attributeName=href values=javascript:alert(1) /><text>x</text></a></svg>", ""),
        SanitizeCase("math mglyph style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", excludes: handlers + ["<math", "<style"]),
        SanitizeCase("math annotation-xml", "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>", excludes: handlers),
        SanitizeCase("svg foreignObject", "<svg><foreignObject><p onclick=alert(1)>x</p></foreignObject></svg>", ""),
        SanitizeCase("form math mutation", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>", excludes: handlers),
        // noscript, template, style mutation
        SanitizeCase("noscript title mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", excludes: handlers),
        SanitizeCase("template content", "<template><script>alert(1)</script><p>t</p></template><p>ok</p>", "<p>ok</p>"),
        SanitizeCase("style tag", "<style>body{background:url(javascript:alert(1))}</style><p>s</p>", "<p>s</p>"),
        SanitizeCase("style attribute dropped", "<p style=\"background:url(javascript:alert(1))\">s</p>", "<p>s</p>"),
        SanitizeCase("style closing in text", "<p>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</p>", "<p>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</p>"),
        SanitizeCase("xmp mutation", "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>", excludes: handlers),
        SanitizeCase("textarea mutation", "<textarea><p title=\"</textarea><img src=x onerror=alert(1)>\"></textarea>", excludes: handlers),
        SanitizeCase("title mutation", "<title><p title=\"</title><img src=x onerror=alert(1)>\"></title>", excludes: handlers),
        SanitizeCase("attribute with tags is escaped", "<p title=\"</p><script>alert(1)</script>\">x</p>", "<p title=\"&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</p>"),
        SanitizeCase("comment breakout", "<!--<img src=x onerror=alert(1)>--><p>c</p>", "<p>c</p>"),
        SanitizeCase("bogus comment", "<!--><img src=x onerror=alert(1)>--><p>c</p>", excludes: handlers),
        SanitizeCase("cdata in html", "<![CDATA[<img src=x onerror=alert(1)>]]><p>c</p>", excludes: handlers),
        SanitizeCase("processing instruction", "<?xml-stylesheet href=\"javascript:alert(1)\"?><p>pi</p>", "<p>pi</p>"),
        // meta refresh, base href, link, frames
        SanitizeCase("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>m</p>", "<p>m</p>"),
        SanitizeCase("base href javascript ignored", "<base href=\"javascript:alert(1)//\"><a href=\"x\">l</a>",
                     "<a href=\"https://news.example.com/2024/x\" rel=\"noopener noreferrer nofollow\">l</a>"),
        SanitizeCase("link stylesheet", "<link rel=stylesheet href=\"javascript:alert(1)\"><p>l</p>", "<p>l</p>"),
        SanitizeCase("frameset", "<frameset><frame src=\"javascript:alert(1)\"></frameset>", ""),
        SanitizeCase("applet", "<applet code=x><p>a</p></applet>", ""),
        SanitizeCase("isindex", "<isindex action=javascript:alert(1) type=image>", ""),
        // misc
        SanitizeCase("unclosed attribute quote stays inside the attribute", "<p title=\"x>y</p><img src=x onerror=alert(1)>",
                     "<p title=\"x&gt;y&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\"></p>"),
        SanitizeCase("double angle", "<<script>alert(1);//<</script><p>d</p>", excludes: ["<script"]),
        SanitizeCase("null byte in tag", "<scr\u{0}ipt>alert(1)</scr\u{0}ipt><p>n</p>", excludes: ["<script", "<scr"]),
        SanitizeCase("srcset javascript", "<img srcset=\"javascript:alert(1) 1x\">", ""),
        SanitizeCase("xlink href", "<a xlink:href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        SanitizeCase("target and ping dropped", "<a href=\"https://example.org/\" target=\"_blank\" ping=\"https://t.example/\">x</a>",
                     "<a href=\"https://example.org/\" rel=\"noopener noreferrer nofollow\">x</a>"),
        SanitizeCase("rel overridden", "<a href=\"https://example.org/\" rel=\"opener\">x</a>", "<a href=\"https://example.org/\" rel=\"noopener noreferrer nofollow\">x</a>"),
    ]

    @Test(arguments: cases)
    func vector(_ c: SanitizeCase) { c.check() }
}
