import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Hostile and broken feeds: XXE, billion laughs, truncation, garbage.
@Suite struct FeedSafetyTests {
    @Test func externalEntitiesAreNeverRead() throws {
        // The document URL is the fixture's own file URL, so a resolved SYSTEM "xxe-secret.txt" would really be
        // readable: the secret appearing anywhere would mean the parser expanded it.
        let url = Fixtures.url("feeds/xxe.xml").absoluteString
        let feed = try FeedParser.parse(try feedPage("xxe.xml", url: url), type: .auto, links: nil)
        #expect(feed.items.count == 1)
        let item = try #require(feed.items.first)
        #expect(!item.title.contains("TOP-SECRET"))
        #expect(!(item.summary ?? "").contains("TOP-SECRET"))
        #expect(!(feed.title ?? "").contains("TOP-SECRET"))
        #expect(item.title == "Leak: [] []")
        #expect(item.summary == "before after")
        // An internal entity is harmless and keeps its text.
        #expect(feed.title == "XXE test 뉴스데스크")
    }

    @Test func billionLaughsFailsCleanlyAndFast() throws {
        let page = try feedPage("billion-laughs.xml", url: "https://lol.example.com/rss")
        let start = ContinuousClock.now
        #expect {
            try FeedParser.parse(page, type: .auto, links: nil)
        } throws: { error in
            guard case FeedError.entityExpansion(let url, _) = error else { return false }
            return url == "https://lol.example.com/rss" && "\(error)".contains("refused")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func quadraticBlowupIsBounded() throws {
        // One 40 KB internal entity referenced 5,000 times (200 MB if expanded): refused, or read with bounded text.
        let big = String(repeating: "x", count: 40_000)
        let refs = String(repeating: "&big;", count: 5_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss><channel><title>q</title>"
            + "<item><title>\(refs)</title><link>https://q.example.com/1</link></item></channel></rss>"
        let page = DecodedPage(url: "https://q.example.com/rss", bytes: Array(xml.utf8), charset: "UTF-8", charsetSource: .sniffed)
        let start = ContinuousClock.now
        switch Result(catching: { () throws(FeedError) -> ParsedFeed in try FeedParser.parse(page, type: .auto, links: nil) }) {
        case .success(let feed):
            #expect((feed.items.first?.title.utf8.count ?? 0) <= 1 << 20)
        case .failure(let error):
            let refused = if case .entityExpansion = error { true } else { false }
            #expect(refused, "unexpected \(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func truncatedFeedKeepsTheCompleteItems() throws {
        let feed = try FeedParser.parse(try feedPage("truncated-rss2.xml", url: "https://www.yna.co.kr/rss/it.xml"), type: .auto, links: nil)
        #expect(feed.items.map(\.id) == ["AKR20260319001200017", "https://www.yna.co.kr/view/AKR20260319004500017"])
        #expect(feed.items[1].imageURL == "https://img.yna.co.kr/photo/yna/2026/03/19/kakao.jpg")
        #expect(feed.warnings.contains { $0.contains("truncated") && $0.contains("1 incomplete item") })
    }

    @Test func partlyBrokenFeedYieldsWhatParses() throws {
        let feed = try FeedParser.parse(try feedPage("broken-rss2.xml", url: "https://broken.example.com/rss"), type: .auto, links: nil)
        #expect(feed.items.map(\.title) == ["Good one", "Bad & unescaped ampersand", "Mismatched tag", "Good after"])
        // The bare `&` in the link is repaired, not dropped (libxml2 alone would give `?a=1=2`).
        #expect(feed.items[1].link == "https://broken.example.com/2?a=1&b=2")
        #expect(feed.warnings.contains { $0.contains("repaired 2") })
        #expect(feed.warnings.contains { $0.contains("not well-formed") && $0.contains("line 5") })
    }

    @Test func htmlEntitiesInXMLAreKept() throws {
        let xml = "<rss version=\"0.91\"><channel><title>A&nbsp;B</title><item><title>삼성&middot;LG &hellip; &copy;2026 &bogus; &#54620;</title>"
            + "<link>https://ent.example.com/1?x=1&amp;y=2</link></item></channel></rss>"
        let page = DecodedPage(url: "https://ent.example.com/rss", bytes: Array(xml.utf8), charset: "UTF-8", charsetSource: .sniffed)
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.title == "A B")
        #expect(feed.items.map(\.title) == ["삼성·LG … ©2026 &bogus; 한"])
        #expect(feed.items.first?.link == "https://ent.example.com/1?x=1&y=2")
    }

    struct RepairCase: Sendable, CustomTestStringConvertible {
        let input: String; let output: String; let fixes: Int
        var testDescription: String { input }
    }
    static let repairs: [RepairCase] = [
        .init(input: "<a>x & y</a>", output: "<a>x &amp; y</a>", fixes: 1),
        .init(input: "<a href='?a=1&b=2'/>", output: "<a href='?a=1&amp;b=2'/>", fixes: 1),
        .init(input: "<a>&amp;&lt;&#65;&#x41;</a>", output: "<a>&amp;&lt;&#65;&#x41;</a>", fixes: 0),
        .init(input: "<a>&nbsp;&middot;</a>", output: "<a>&#160;&#183;</a>", fixes: 2),
        .init(input: "<a>&nosuch;</a>", output: "<a>&amp;nosuch;</a>", fixes: 1),
        .init(input: "<a><![CDATA[a & b &nbsp;]]></a>", output: "<a><![CDATA[a & b &nbsp;]]></a>", fixes: 0),
        .init(input: "<!-- & --><a/>", output: "<!-- & --><a/>", fixes: 0),
        .init(input: "<!DOCTYPE a [<!ENTITY own \"x\">]><a>&own; &</a>", output: "<!DOCTYPE a [<!ENTITY own \"x\">]><a>&own; &amp;</a>", fixes: 1),
        .init(input: "<a>&#12</a>", output: "<a>&amp;#12</a>", fixes: 1),
    ]

    @Test(arguments: repairs)
    func repairsEntities(_ c: RepairCase) {
        let (bytes, fixes) = XMLRepair.repair(Array(c.input.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == c.output)
        #expect(fixes == c.fixes)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String; let bytes: [UInt8]; let type: SourceType; let expect: String
        var testDescription: String { name }
    }
    static let bad: [BadCase] = [
        .init(name: "garbage", bytes: Array("this is not xml at all {{{ <<< >>>".utf8), type: .auto, expect: "not a readable feed"),
        .init(name: "empty", bytes: [], type: .auto, expect: "not a readable feed"),
        .init(name: "other XML", bytes: Array("<?xml version='1.0'?><sitemap><url/></sitemap>".utf8), type: .auto, expect: "root <sitemap>"),
        .init(name: "HTML page", bytes: Array("<!DOCTYPE html><html><body><p>hi</p></body></html>".utf8), type: .rss, expect: "an HTML page"),
        .init(name: "broken JSON", bytes: Array("{\"items\": [".utf8), type: .auto, expect: "invalid JSON"),
        .init(name: "JSON that is no feed", bytes: Array("{\"hello\": 1}".utf8), type: .json, expect: "without an \"items\" array"),
        .init(name: "truncated before any item", bytes: Array("<rss><channel><title>x</title><item><title>cut".utf8), type: .auto, expect: "no complete item"),
    ]

    @Test(arguments: bad)
    func whollyBrokenFeedsAreClearErrors(_ c: BadCase) {
        let url = "https://bad.example.com/feed"
        let page = CharsetDecoder.decode(bytes: c.bytes, url: url, contentType: nil, override: nil)
        #expect {
            try FeedParser.parse(page, type: c.type, links: nil)
        } throws: { error in
            let text = "\(error)"
            return error is FeedError && text.contains(url) && text.contains(c.expect)
        }
    }

    @Test func utf16FeedIsRead() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>유니코드</title>"
            + "<item><title>똠햏 UTF-16</title><link>https://u16.example.com/1</link></item></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in xml.utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let page = CharsetDecoder.decode(bytes: bytes, url: "https://u16.example.com/rss", contentType: nil, override: nil)
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.title == "유니코드")
        #expect(feed.items.map(\.title) == ["똠햏 UTF-16"])
    }

    @Test func declaredEncodingIsOverriddenByTheDecodedCharset() throws {
        // UTF-8 bytes whose XML declaration lies (euc-kr): the decoder sniffs UTF-8, and libxml2 must obey it.
        let xml = "<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss><channel><title>잘못된 선언</title>"
            + "<item><title>한글 제목</title><link>https://lie.example.com/1</link></item></channel></rss>"
        let page = CharsetDecoder.decode(bytes: Array(xml.utf8), url: "https://lie.example.com/rss", contentType: nil, override: nil)
        #expect(page.charset == "UTF-8")
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.items.map(\.title) == ["한글 제목"])
    }

    @Test func parsesManyItemsQuickly() throws {
        // 2,000 items: a generous bound that still catches accidental quadratic work.
        var xml = "<rss version=\"2.0\"><channel><title>big</title>"
        for i in 0..<2000 {
            xml += "<item><title>기사 \(i) &amp; 제목</title><link>https://big.example.com/a/\(i)</link>"
                + "<description>&lt;p&gt;요약 \(i)&lt;/p&gt;</description><pubDate>Thu, 19 Mar 2026 09:27:00 +0900</pubDate></item>"
        }
        xml += "</channel></rss>"
        let page = DecodedPage(url: "https://big.example.com/rss", bytes: Array(xml.utf8), charset: "UTF-8", charsetSource: .sniffed)
        let start = ContinuousClock.now
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.items.count == 2000)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    /// Fuzz findings (fixtures/fuzz/feeds): a scheme-relative `//` link became `https:///`, and an image
    /// `https://://host/` was kept, both with no host.
    @Test(arguments: ["//", "https:///", "https://:80/a", "http://@/x", "//::", "https://a:b:80/x"])
    func linksWithoutHostAreSkipped(_ link: String) throws {
        let xml = "<rss><channel><item><title>t</title><link>\(link)</link></item><item><title>u</title><link>/ok</link>"
            + "<enclosure url=\"\(link)\" type=\"image/jpeg\"/></item></channel></rss>"
        let page = DecodedPage(url: "https://news.example.com/rss", bytes: Array(xml.utf8), charset: "UTF-8", charsetSource: .override)
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.items.map(\.link) == ["https://news.example.com/ok"])
        #expect(feed.items.first?.imageURL == nil)
        #expect(feed.warnings.contains { $0.contains("no usable http(s) link") })
    }
}
