import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Cutting script/style contents before libxml2 must not change anything the sanitizer reports.
@Suite("RawTextStripper", .serialized)
struct RawTextStripperTests {
    static let tricky: [String] = [
        "<!DOCTYPE html><html><head><script>var a = '<b>' + \"</p>\";</script><style>p{}</style></head><body><p>x</p></body></html>",
        "<p><script>a</b>c</scriptx>d</script>e<b>f</b>",
        "<p><script/>x<b>y</b></script>z",
        "<p><style>a<b>c</STYLE >d<i>e</i>",
        "<p><SCRIPT type=\"text/javascript\">if (a<b) { c = '</div>' }</SCRIPT>after",
        "<p><script>a</script foo=\">\">b",
        "<p><!-->x<b>y</b>--><script>q</script>z",
        "<p><!--->x--><script>q</script>z",
        "<p><!-- c --!> d --><script>q</script>z",
        "<p><!-- <script> --><b>t</b><script>q</script>",
        "<p><a title='<script>'>q</a><script>w</script>",
        "<p><a title=\"<script>\">q</a><script>w</script>",
        "<p><a \"x\"=\"y>z\">t</a><script>w</script>u",
        "<p><a x = 'y>z' data-q=\"<script>\">t</a><script>w</script>u",
        "<p><a x=y>z>t</a><script>w</script>u",
        "<p><a / href=x>t</a><script>w</script>u",
        "<p><?php echo 1 ?><script>w</script>u",
        "<p><![CDATA[x]]><script>w</script>u",
        "<p><_x>y</_x><script>w</script>u",
        "<p>a < b <3 <.x><script>w</script>u",
        "<p></ x><script>w</script>u",
        "<p><script>unterminated",
        "<p><script>w</script",
        "<p><script>\u{FFFD}\u{10FFFF} 한글 😀</script>u",
        "<textarea><script>w</script></textarea><p>t<title>x<script>y</script></title>z",
        "<noscript><img src=\"https://a.example/i.jpg\"><script>w</script></noscript><p>q",
        "<p><script>a</script><script></script><style></style><b>b</b>",
        "<svg><style>s</style></svg><math><script>m</script></math><p>z",
        "<!doctype html><p>x<script>y</script>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><p>x<script>y</script>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n  \"http://dtd.example/loose.dtd\"><p>x<script>y</script>",
        "<!doctype html system 'about:legacy-compat' ><p>x<script>y</script>",
        "<!DOCTYPE html PUBLIC \"a>b<script>\" 'c'><p>x<script>y</script>",
        "<!DOCTYPE html PUBLIC\"x\"><p>x<script>y</script>",
        "<!DOCTYPE html PUBLIC \"x\" junk><p>x<script>y</script>",
        "<!DOCTYPE html SYSTEM \"x\" \"y\"><p>x<script>y</script>",
        "<!DOCTYPE html PUBLIC \"unterminated><p>x<script>y</script>",
        "<p><scriptfoo>x</scriptfoo><script>y</script>z",
        "<div hidden><script>x</script></div><p>y<script>z</script>",
    ]

    static func compare(_ bytes: [UInt8], charset: String = "UTF-8", base: String?, _ label: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let on = Sanitizer()
        var off = Sanitizer()
        off.stripsRawText = false
        let a = try on.sanitize(bytes: bytes, charset: charset, baseURL: base)
        let b = try off.sanitize(bytes: bytes, charset: charset, baseURL: base)
        #expect(a == b, "\(label)", sourceLocation: sourceLocation)
    }

    @Test(arguments: tricky)
    func trickyPagesAgree(_ html: String) throws {
        try Self.compare(Array(html.utf8), base: "https://news.example.com/", html)
    }

    /// Async and yielding, like the other long loops here (timing-bound tests share the cooperative threads).
    @Test func vectorsAgree() async throws {
        for c in PolicyVectorTests.daum + PolicyVectorTests.naver + PolicyVectorTests.images + PolicyVectorTests.links
            + PolicyVectorTests.structure + XSSVectorTests.cases {
            try Self.compare(Array(c.input.utf8), base: c.base, c.id)
            await Task.yield()
        }
    }

    @Test(arguments: FixtureTests.fixtures)
    func fixturesAgree(_ f: SanitizeFixture) throws {
        try Self.compare(try Fixtures.bytes("sanitize/" + f.file), charset: f.charset, base: f.base, f.file)
    }

    @Test func stripsOnlyRawText() {
        let page = Array("<p>a<script>var x = 1;</script>b<style>p{}</style>c</p>".utf8)
        let out = page.withUnsafeBufferPointer { RawTextStripper.strip($0) }
        #expect(out.map { String(decoding: $0, as: UTF8.self) } == "<p>a<script></script>b<style></style>c</p>")
        // An HTML 4 doctype with its external ID does not stop the scan (old EUC-KR portals declare one).
        let old = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://dtd.example/strict.dtd\"><p>a<script>x</script>"
        let oldOut = Array(old.utf8).withUnsafeBufferPointer { RawTextStripper.strip($0) }
        #expect(oldOut.map { String(decoding: $0, as: UTF8.self) } == old.replacingOccurrences(of: ">x<", with: "><"))
        for kept in ["<p><?x?><script>y</script>", "<p><script>\u{0}</script>", "<p>no scripts</p>"] {
            #expect(Array(kept.utf8).withUnsafeBufferPointer { RawTextStripper.strip($0) } == nil, "\(kept)")
        }
    }

    /// Blank runs between tags shrink to one byte (the extractor's input); text, `<pre>`-like content and anything
    /// after a construct the scan does not mirror stay as they are. nil: the page comes back unchanged.
    static let collapsing: [(String, String?)] = [
        ("<div>\n    <p>a</p>\n\n  <p>b</p>\n</div>", "<div>\n<p>a</p>\n<p>b</p>\n</div>"),
        ("<p>a</p>   <p>b</p>\t\t<i>c</i>", "<p>a</p> <p>b</p> <i>c</i>"),
        ("<p>a</p>\r\n  <p>b</p>", "<p>a</p>\n<p>b</p>"),
        ("<p>a   b</p> <p>  c  </p>", nil),
        ("<pre>\n    x\n    <b>y</b>\n    </pre>\n   <p>z</p>", "<pre>\n    x\n    <b>y</b>\n    </pre>\n<p>z</p>"),
        ("<PRE><pre>  <b>x</b>  </pre>  <b>y</b>  </PRE>  <i>z</i>", "<PRE><pre>  <b>x</b>  </pre>  <b>y</b>  </PRE> <i>z</i>"),
        ("<textarea>  <b>  </b></textarea>  <p>q", "<textarea>  <b>  </b></textarea> <p>q"),
        ("<listing>  <b>x</b>  </listing>  <xmp>  <b>  </xmp>  <p>q", "<listing>  <b>x</b>  </listing> <xmp>  <b>  </xmp> <p>q"),
        ("<plaintext>  <b>x</b>   <i>", nil),
        ("<p>a</p>    <script>x</script>    <p>b", "<p>a</p> <script></script> <p>b"),
        ("<!-- c -->   <p>a<!-- d -->\n\n<p>b", "<!-- c --> <p>a<!-- d -->\n<p>b"),
        ("<p>  <  <b>x</b>", nil),
        ("<p>  <?x?>   <b>y</b>", nil),
        ("<pre/>   <p>a", "<pre/> <p>a"),
    ]

    @Test(arguments: collapsing)
    func blankRunsCollapse(_ html: String, _ expected: String?) {
        let out = Array(html.utf8).withUnsafeBufferPointer { RawTextStripper.strip($0, collapsingBlankText: true) }
        #expect(out.map { String(decoding: $0, as: UTF8.self) } == expected, "\(html)")
    }

    /// On every page of the extraction dev set, decoded as the extractor gets it, the text a reader sees is the same
    /// with blank runs collapsed.
    @Test(arguments: ExtractDevSetTests.pages)
    func collapsedPagesReadTheSame(_ p: ExtractDevSetTests.Page) throws {
        let page = CharsetDecoder.decode(bytes: try Fixtures.bytes("extract/\(p.name).html"), url: "https://news.example.com/",
                                         contentType: nil, override: nil)
        try #require(page.charset.lowercased() == "utf-8", "\(p.name): \(page.charset)")
        let bytes = page.bytes
        let collapsed = try #require(bytes.withUnsafeBufferPointer { RawTextStripper.strip($0, collapsingBlankText: true) })
        #expect(collapsed.count < bytes.count, "\(p.name): nothing collapsed")
        let stripped = bytes.withUnsafeBufferPointer { RawTextStripper.strip($0) } ?? bytes
        func text(_ b: [UInt8]) throws -> String {
            let body = try #require(try HTMLDocument(bytes: b, encoding: "UTF-8").body)
            return NodeText.render(body, captions: true)
        }
        #expect(try text(collapsed) == text(stripped), "\(p.name)")
    }

    static let endTags: [(String, String?, Bool)] = [
        ("<p>a</p></body><p>b</p></html>", "<p>a</p>" + sp(7) + "<p>b</p>" + sp(7), true),
        ("<p>a</BODY ><p>b</Html\t>", "<p>a" + sp(8) + "<p>b" + sp(8), true),
        ("<p>a</body/><p>b", "<p>a" + sp(8) + "<p>b", true),
        ("<p>a</bodyx><p>b", nil, true),
        ("<p title=\"</body>\">a</p>", nil, true),
        ("<!-- </body> --><p>a", nil, true),
        ("<p>a</body><?x?></body>", "<p>a" + sp(7) + "<?x?></body>", false),
    ]

    static func sp(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// The extractor's scan blanks `</body>` and `</html>` end tags where `IgnoredEndTags` would (not text that only
    /// looks like one), and says when it stopped early, so the caller blanks the rest.
    @Test(arguments: endTags)
    func endTagsBlankedInTheScan(_ html: String, _ expected: String?, _ complete: Bool) {
        let r = Array(html.utf8).withUnsafeBufferPointer { RawTextStripper.stripForExtraction($0, keepingTagsMentioning: nil) }
        #expect(r.bytes.map { String(decoding: $0, as: UTF8.self) } == expected, "\(html)")
        #expect(r.endTagsBlanked == complete, "\(html)")
    }

    static let blockBlanks: [(String, String?)] = [
        ("<div>\n  <p>a</p>\n  <p>b</p>\n</div>", "<div><p>a</p><p>b</p></div>"),
        ("<p><b>a</b> <i>b</i></p>", nil),  // between inline elements a blank is a word break: kept
        ("<p><b>a</b>   <i>b</i></p> <ul> <li>x</li> </ul>", "<p><b>a</b> <i>b</i></p><ul><li>x</li></ul>"),
        ("x <br> y", nil),  // not a blank-only run
        ("<span>a</span>\n<br>\n<span>b</span>", "<span>a</span><br><span>b</span>"),
        ("<td>a</td> <!-- c --> <td>b</td>", "<td>a</td><!-- c --><td>b</td>"),
        ("<td>a</td> <!-- c --> <b>x</b>", "<td>a</td><!-- c --> <b>x</b>"),
        ("<b>a</b> <script>x</script> <b>b</b>", "<b>a</b> <script></script> <b>b</b>"),
        ("<b>a</b> <meta itemprop=x> <b>b</b>", nil),
        ("<pre>\n <p> </p>\n</pre>  <div>", "<pre>\n <p> </p>\n</pre><div>"),
    ]

    /// The extractor's scan removes blank runs beside a block element's tag and keeps one blank between inline ones.
    @Test(arguments: blockBlanks)
    func blankRunsBesideBlocksGo(_ html: String, _ expected: String?) {
        let r = Array(html.utf8).withUnsafeBufferPointer { RawTextStripper.stripForExtraction($0, keepingTagsMentioning: nil) }
        #expect(r.bytes.map { String(decoding: $0, as: UTF8.self) } == expected, "\(html)")
    }

    /// On every page of the extraction dev set, the text a reader sees is the same from the extractor's input as from
    /// the page with only script and style cut.
    @Test(arguments: ExtractDevSetTests.pages)
    func extractionInputReadsTheSame(_ p: ExtractDevSetTests.Page) throws {
        let page = CharsetDecoder.decode(bytes: try Fixtures.bytes("extract/\(p.name).html"), url: "https://news.example.com/",
                                         contentType: nil, override: nil)
        try #require(page.charset.lowercased() == "utf-8", "\(p.name): \(page.charset)")
        let input = Extractor.input(page)
        let stripped = page.bytes.withUnsafeBufferPointer { RawTextStripper.strip($0, keepingTagsMentioning: Array("ld+json".utf8)) } ?? page.bytes
        func text(_ b: [UInt8]) throws -> String {
            let body = try #require(try HTMLDocument(bytes: b, encoding: "UTF-8", honouringEndTags: false).body)
            return NodeText.render(body, captions: true)
        }
        #expect(try text(input.bytes) == text(stripped), "\(p.name)")
    }

    /// On every page of the extraction dev set, the scan reads the whole page and leaves no end tag to blank.
    @Test(arguments: ExtractDevSetTests.pages)
    func endTagsBlankedAsBefore(_ p: ExtractDevSetTests.Page) throws {
        let bytes = try Fixtures.bytes("extract/\(p.name).html")
        let keep = Array("ld+json".utf8)
        let r = bytes.withUnsafeBufferPointer { RawTextStripper.stripForExtraction($0, keepingTagsMentioning: keep) }
        var now = r.bytes ?? bytes
        if !r.endTagsBlanked, let rest = now.withUnsafeBufferPointer(IgnoredEndTags.blank) { now = rest }
        // No `</body>` or `</html>` is left for the separate pass to blank.
        #expect(now.withUnsafeBufferPointer(IgnoredEndTags.blank) == nil, "\(p.name)")
        #expect(r.endTagsBlanked, "\(p.name)")
    }

    @Test func strictUTF8() {
        for (bytes, valid) in [([0x61, 0xED, 0x95, 0x9C], true), ([0xC0, 0x80], false), ([0xED, 0xA0, 0x80], false),
                               ([0xF4, 0x90, 0x80, 0x80], false), ([0xE0, 0x80, 0x80], false), ([0xE2, 0x82], false),
                               ([0xF0, 0x9F, 0x98, 0x80], true), ([0x80], false)] as [([UInt8], Bool)] {
            #expect(bytes.withUnsafeBufferPointer { RawTextStripper.validUTF8($0, 0, bytes.count) } == valid, "\(bytes)")
        }
    }

    /// NEWSDESK_SANITIZE_CORPUS=DIR compares every page of a generated corpus (scripts/make_corpus.py).
    @Test func corpusAgrees() async throws {
        guard let dir = ProcessInfo.processInfo.environment["NEWSDESK_SANITIZE_CORPUS"] else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") }.sorted()
        var stripped = 0
        for name in names {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            let bytes = [UInt8](data)
            if bytes.withUnsafeBufferPointer({ RawTextStripper.strip($0) }) != nil { stripped += 1 }
            try Self.compare(bytes, base: "https://news.example.com/", name)
            await Task.yield()
        }
        #expect(stripped > 0)
    }
}
