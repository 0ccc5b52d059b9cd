import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// CSS selectors are matched in Swift (`CompiledSelector`); the XPath each one also compiles to is the reference.
/// Every built-in rule selector and a table of edge cases run both ways on every page of the extraction dev set.
@Suite struct SelectorMatchTests {
    static let edgeCases: [String] = [
        "div", "*", "p a", "div > p", "ul > li a", "div p > a", "section, article", "h1, h2, h3",
        "#articleBody", "div#articleBody", ".article_view", "div.article_view section", "a.link.more",
        "[href]", "a[href^='http']", "a[href$='.html']", "a[href*='news']", "[class~=tit]", "img[src*='daumcdn']",
        "meta[property='og:title']", "[data-component=byline-block]", "div[class] span", "body > div",
        "a[href^='']", "[lang$='']", "span[class~='']", "html", "head > title",
    ]

    static var selectors: [String] {
        var all = edgeCases
        for r in SiteRule.builtinArticleRules {
            for s in [r.content, r.title, r.byline, r.date].compactMap({ $0 }) + r.remove where !all.contains(s) { all.append(s) }
        }
        return all
    }

    static func pages() throws -> [(String, HTMLDocument)] {
        let dir = Fixtures.url("extract")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".html") }.sorted()
        let files = try names.map { name in
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            let charset = name.contains("euckr") ? "CP949" : "UTF-8"
            return (name, try HTMLDocument(bytes: bytes, encoding: charset))
        }
        return files + [("synthetic", try HTMLDocument(html: synthetic))]
    }

    /// Chrome the dev set's pages happen not to have, so that every built-in selector matches somewhere.
    static let synthetic = """
        <html lang="ko"><body><div class="article_view"><section><figure><img src="/a.jpg"><button>b</button></figure>
        <div class="link_figure"><span class="ico_view">i</span></div><div class="ad_body">ad</div></section></div>
        <div class="end_photo_org"><button>x</button></div><div class="vod_area">v</div><div class="info"><span>2026</span></div>
        <div class="source">s</div><div class="news_end_btn">n</div><div class="link_news">l</div><div class="vod_player_wrap">p</div>
        <span class="end_photo_org"><button>y</button></span><div class="artical-btm">a</div><div class="ab_photo"><button>z</button></div>
        <div class="ad_wrap">w</div><div data-component="topic-list">t</div><a href="/a/b.html" class="link  more">l</a></body></html>
        """

    @Test(arguments: selectors)
    func nativeMatchingAgreesWithXPath(_ css: String) throws {
        let sel = try Selector(css)
        #expect(sel.compiled != nil, "\(css) should compile for native matching")
        var matchedSomewhere = false
        for (name, doc) in try Self.pages() {
            let native = try sel.select(in: doc)
            let reference = try doc.select(xpath: sel.xpath)
            #expect(native == reference, "\(css) on \(name): \(native.count) native vs \(reference.count) XPath")
            if let body = doc.body {
                let below = try sel.select(below: body)
                let relReference = try doc.select(xpath: sel.relativeXPath, from: body)
                #expect(below == relReference, "\(css) below body on \(name)")
            }
            matchedSomewhere = matchedSomewhere || !native.isEmpty
        }
        if css != "span[class~='']" {
            #expect(matchedSomewhere, "\(css) matched nothing on the dev set: the comparison proves little")
        }
    }

    @Test func outermostLeavesOutNestedMatches() throws {
        let doc = try HTMLDocument(html: "<div id=r><div class=ad>1<div class=ad>2</div></div><p class=ad>3</p></div>")
        let root = try #require(doc.select(xpath: "//div[@id='r']").first)
        let sel = try Selector(".ad")
        #expect(try sel.select(below: root).count == 3)
        let outer = try sel.select(below: root, outermost: true)
        #expect(outer.map(\.textContent) == ["12", "3"])
        for n in outer { n.remove() }
        #expect(root.textContent.isEmpty)
        // XPath selectors take the same path through their fallback.
        let doc2 = try HTMLDocument(html: "<div id=r><div class=ad>1<div class=ad>2</div></div></div>")
        let root2 = try #require(doc2.select(xpath: "//div[@id='r']").first)
        let xp = try Selector("//div[@class='ad']")
        #expect(xp.compiled == nil)
        #expect(try xp.select(below: root2, outermost: true).count == 1)
    }

    /// A failing descendant chain on a deep page (libxml2 keeps up to 256 levels) must not retry every choice of
    /// ancestors: without the memo this page took two minutes; the test allows ten seconds on a loaded machine.
    @Test func failingChainsOnDeepPagesStayLinear() throws {
        let html = "<html><body>" + String(repeating: "<div class=a>", count: 240) + String(repeating: "<p>x</p>", count: 200)
            + String(repeating: "</div>", count: 240) + "</body></html>"
        let doc = try HTMLDocument(html: html)
        let start = Date()
        #expect(try Selector("section div div div div p").select(in: doc).isEmpty)
        #expect(try Selector("div div > div div p").select(in: doc).count == 200)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func whitespaceInAWordTestFallsBackToXPath() throws {
        #expect(try Selector("[class~='a b']").compiled == nil)
        #expect(try Selector("[class~=a]").compiled != nil)
    }
}
