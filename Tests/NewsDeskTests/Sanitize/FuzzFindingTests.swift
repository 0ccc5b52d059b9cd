import Testing
@testable import NewsDesk

/// Sanitizer inputs the fuzzer (docs/fuzzing.md) found, as named rows; the raw inputs are in fixtures/fuzz/sanitize.
@Suite("Sanitizer fuzz findings")
struct SanitizeFuzzFindingTests {
    /// libxml2 ends a current `<p>`, `<li>`, `<td>`, `<dt>`, `<b>`, `<a>` when certain tags start; it did not in the input
    /// when an element we unwrap stood between, but would when reading our output: the output must end them itself.
    static let impliedEnds: [SanitizeCase] = [
        SanitizeCase("fuzz: p inside an unwrapped element inside p", "><d><p", "<p>&gt;</p><p></p>"),
        SanitizeCase("p in unwrapped element in p", "<p>a<x-wrap><p>b</p></x-wrap></p>", "<p>a</p><p>b</p>"),
        SanitizeCase("li in unwrapped element in li", "<ul><li>a<x-wrap><li>b</li></x-wrap></li></ul>", "<ul><li>a</li><li>b</li></ul>"),
        SanitizeCase("p in unwrapped element in b", "<b>bold<x-wrap><p>para</p></x-wrap></b>", "<b>bold</b><p>para</p>"),
        SanitizeCase("td in unwrapped element in td", "<table><tr><td>a<x-wrap><td>b</td></x-wrap></td></tr></table>",
                     "<table><tr><td>a</td><td>b</td></tr></table>"),
        SanitizeCase("dd in unwrapped element in dt", "<dl><dt>a<x-wrap><dd>b</dd></x-wrap></dt></dl>", "<dl><dt>a</dt><dd>b</dd></dl>"),
        SanitizeCase("li after leading text", "lead<x-wrap><li>item</li></x-wrap>", "<p>lead</p><li>item</li>"),
        SanitizeCase("table in unwrapped element in a", "<a href=\"https://a.example/\">x<x-wrap><table><tr><td>t</td></tr></table></x-wrap></a>",
                     "<a href=\"https://a.example/\" rel=\"noopener noreferrer nofollow\">x</a><table><tr><td>t</td></tr></table>"),
    ]

    /// libxml2 ignores `</form>` (and `</button>`, `</select>` …) while a `div`, `td` or `table` opened inside is still
    /// open: the removal went on to the end of the page. It ends at the end tag now, as in browsers.
    static let ignoredEndTags: [SanitizeCase] = [
        SanitizeCase("fuzz: td left open in button", "S<button><td>x</button><p>after</p>", "<p>S</p><p>after</p>"),
        SanitizeCase("search form with an unclosed div", "<form><div class=\"search\"><input></form><div id=\"article\"><p>Article text</p></div>",
                     "<div><p>Article text</p></div>"),
        SanitizeCase("div left open in button", "<button><div>Subscribe</button><p>Article text</p>", "<p>Article text</p>"),
        SanitizeCase("div in select", "<select><option>a<div>x</select><p>Article text</p>", "<p>Article text</p>"),
        SanitizeCase("div left open in svg", "<svg><div><p>in svg</svg><p>after</p>", "<p>after</p>"),
        SanitizeCase("nothing inside the removed element leaks", "<form><div><p>form text</p><script>alert(1)</script></form><p>after</p>",
                     "<p>after</p>"),
        SanitizeCase("a closed form still goes whole", "<form><p>a</p></form><p>b</p>", "<p>b</p>"),
        // Browsers keep what follows a hidden element's ignored end tag inside it: so do we.
        SanitizeCase("hidden span keeps what follows", "<span hidden><div>x</span><p>stays hidden</p>", ""),
    ]

    /// An image URL with a scheme but no host is no image (`http:` as og:image was kept as the lead image).
    static let hostlessImages: [SanitizeCase] = [
        SanitizeCase("fuzz: img src http:", "<p>a<img src=\"http:\"></p>", "<p>a</p>"),
        SanitizeCase("img src https: and spaces", "<p>a<img src=\"https:   \"></p>", "<p>a</p>"),
    ]

    /// A tracking pixel from a beacon host written so that the bytes differ from the host a browser connects to.
    static let beaconSpellings: [SanitizeCase] = [
        SanitizeCase("beacon host with a trailing dot", "<p>a<img src=\"https://LCS.naver.com./p.gif\"></p>", "<p>a</p>"),
        SanitizeCase("percent-encoded beacon host", "<p>a<img src=\"https://lcs%2Enaver.com/p.gif\"></p>", "<p>a</p>"),
        SanitizeCase("backslash after beacon host", "<p>a<img src=\"https://lcs.naver.com\\p.gif\"></p>", "<p>a</p>"),
        SanitizeCase("query right after beacon host", "<p>a<img src=\"https://lcs.naver.com?x=1\"></p>", "<p>a</p>"),
        SanitizeCase("fullwidth beacon host", "<p>a<img src=\"https://ｌｃｓ．naver.com/p.gif\"></p>", "<p>a</p>"),
        SanitizeCase("a host that only starts like a beacon stays", "<p>a<img src=\"https://lcs.naver.com.example.org/a.jpg\"></p>",
                     "<p>a<img src=\"https://lcs.naver.com.example.org/a.jpg\"></p>"),
    ]

    /// A page that omits `<body>` (HTML allows it) and starts its content with an element libxml2 does not know: libxml2
    /// keeps it in the implied `<head>`, which goes with its content. Browsers start the body there.
    static let omittedBody: [SanitizeCase] = [
        SanitizeCase("fuzz: unknown element after meta", "<meta><g>text</g><p>after</p>", "<p>text</p><p>after</p>"),
        SanitizeCase("article after meta charset", "<meta charset=\"utf-8\"><article><p>Article text</p></article>",
                     "<article><p>Article text</p></article>"),
        SanitizeCase("main after title", "<title>T</title><main><p>Article text</p></main>", "<p>Article text</p>"),
        SanitizeCase("section after a stylesheet link", "<link rel=\"stylesheet\" href=\"a.css\"><section><p>Article text</p></section>",
                     "<section><p>Article text</p></section>"),
        SanitizeCase("article after noscript in head", "<meta charset=\"utf-8\"><noscript><p>ns</p></noscript><article>A</article>",
                     "<article>A</article>"),
        SanitizeCase("custom element inside an explicit head", "<head><meta name=\"x\"><x-el>shown</x-el></head><body><p>b</p></body>",
                     "<p>shown</p><p>b</p>"),
        SanitizeCase("head content still goes", "<html><head><title>T</title><script>x</script><style>y</style><base href=\"https://a.example/\"></head><body><p>b</p></body></html>",
                     "<p>b</p>"),
    ]

    @Test(arguments: impliedEnds) func impliedEnd(_ c: SanitizeCase) { c.check() }
    @Test(arguments: omittedBody) func omittedBodyTag(_ c: SanitizeCase) { c.check() }
    @Test(arguments: beaconSpellings) func beaconSpelling(_ c: SanitizeCase) { c.check() }
    @Test(arguments: ignoredEndTags) func ignoredEndTag(_ c: SanitizeCase) { c.check() }
    @Test(arguments: hostlessImages) func hostlessImage(_ c: SanitizeCase) { c.check() }

    @Test func hostlessLeadImageIsDropped() {
        #expect(Sanitizer().imageURL("http:", baseURL: "https://news.example.com/a") == nil)
        #expect(Sanitizer().imageURL("/img/a.jpg", baseURL: "https://news.example.com/a") == "https://news.example.com/img/a.jpg")
    }
}
