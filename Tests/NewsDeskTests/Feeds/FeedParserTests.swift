import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Reads a fixture through the real decode stage, as the pipeline does.
func feedPage(_ name: String, url: String, contentType: String? = nil) throws -> DecodedPage {
    CharsetDecoder.decode(bytes: try Fixtures.bytes("feeds/" + name), url: url, contentType: contentType, override: nil)
}

func rfc3339(_ s: String) -> Date? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: s)
}

@Suite struct FeedParserTests {
    @Test func yonhapRSS2() throws {
        let feed = try FeedParser.parse(try feedPage("yonhap-rss2.xml", url: "https://www.yna.co.kr/rss/it.xml"), type: .auto, links: nil)
        #expect(feed.format == .rss)
        #expect(feed.title == "연합뉴스 IT/과학 (NewsDesk 예제)")
        #expect(feed.items.count == 3)
        let a = feed.items[0]
        #expect(a.id == "AKR20260319001200017")
        #expect(a.title == "정부, 인공지능 반도체에 1조 투자…\"2030년 세계 3위 목표\"")
        // Tracking parameters removed, the publisher's own parameter kept.
        #expect(a.link == "https://www.yna.co.kr/view/AKR20260319001200017?input=1195m")
        #expect(a.summary == "과학기술정보통신부는 19일 인공지능 반도체 산업에 1조 원을 투자한다고 밝혔다.")
        #expect(a.published == rfc3339("2026-03-19T09:27:00+09:00"))
        #expect(a.categories == ["IT/과학", "반도체"])
        #expect(a.imageURL == "https://img.yna.co.kr/photo/yna/2026/03/19/PYH2026031900120001300_P2.jpg")
        #expect(feed.items[1].title == "카카오, 새 메신저 기능 공개 & 사용자 반응은")
        #expect(feed.items[1].id == "https://www.yna.co.kr/view/AKR20260319004500017")
        #expect(feed.items[1].imageURL == "https://img.yna.co.kr/photo/yna/2026/03/19/kakao.jpg")
        // A relative link resolves against the feed URL.
        #expect(feed.items[2].link == "https://www.yna.co.kr/view/AKR20260318009900017")
        #expect(feed.items[2].imageURL == "https://img.yna.co.kr/photo/yna/2026/03/18/nuri.jpg")
        #expect(feed.warnings.isEmpty)
    }

    @Test func zdnetHTMLInTitlesDatesAndWarnings() throws {
        let feed = try FeedParser.parse(try feedPage("zdnet-rss2.xml", url: "https://zdnet.co.kr/rss/"), type: .rss, links: nil)
        #expect(feed.items.count == 3)
        let a = feed.items[0]
        #expect(a.title == "[단독] 네이버, 클라우드 요금 인하 \"고객 부담 줄인다\"")
        #expect(a.summary == "네이버클라우드가 요금을 내린다.")
        #expect(a.imageURL == "https://image.zdnet.co.kr/2026/03/19/cloud_640.jpg")
        #expect(a.published == rfc3339("2026-03-19T09:27:00+09:00"))
        #expect(a.categories == ["컴퓨팅"])
        #expect(feed.items[1].title == "삼성전자, 갤럭시 신제품 공개")
        #expect(feed.items[1].published == rfc3339("2026-03-19T08:00:00+09:00"))
        #expect(feed.items[1].link == "https://zdnet.co.kr/view/?no=20260319080000")
        #expect(feed.items[2].published == nil)
        #expect(feed.warnings.contains { $0.contains("unreadable date") && $0.contains("어제 오후") })
    }

    @Test func euckrFeedWithCP949Syllables() throws {
        let page = try feedPage("euckr-rss2.xml", url: "https://sports.example.co.kr/rss")
        #expect(page.sourceCharset == "CP949")
        let feed = try FeedParser.parse(page, type: .auto, links: nil)
        #expect(feed.title == "똠방 스포츠 (EUC-KR 예제)")
        #expect(feed.items.map(\.title) == ["햏자 구단, 뷁 감독 선임…쓩 전술 예고", "두 번째 기사"])
        #expect(feed.items[0].summary == "똠방각하 구단이 새 감독을 선임했다. 본문 끝.")
        #expect(feed.items[0].published == rfc3339("2026-03-19T09:27:00+09:00"))
        #expect(feed.items[1].published == rfc3339("2026-03-19T08:00:00+09:00"))
    }

    @Test func rdfFeed() throws {
        let feed = try FeedParser.parse(try feedPage("rdf.xml", url: "https://blog.example.org/index.rdf"), type: .auto, links: nil)
        #expect(feed.format == .rdf)
        #expect(feed.title == "RDF Example Journal")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "First post about semantic feeds")
        #expect(feed.items[0].id == "https://blog.example.org/2026/03/first")
        #expect(feed.items[0].published == rfc3339("2026-03-19T00:27:00Z"))
        #expect(feed.items[0].categories == ["Web"])
        // No <link>: rdf:about is the link.
        #expect(feed.items[1].link == "https://blog.example.org/2026/03/second")
        #expect(feed.items[1].published == rfc3339("2026-03-18T00:00:00+09:00"))
    }

    @Test func vergeAtom() throws {
        let feed = try FeedParser.parse(try feedPage("verge-atom.xml", url: "https://www.theverge.com/rss/tech/index.xml"), type: .auto, links: nil)
        #expect(feed.format == .atom)
        #expect(feed.title == "The Verge - Tech (NewsDesk sample)")
        #expect(feed.items.count == 3)
        let a = feed.items[0]
        #expect(a.title == "Phones are getting heavier & nobody minds")
        #expect(a.id == "https://www.theverge.com/2026/3/19/11111111")
        // rel=alternate, resolved against the feed's xml:base, tracking parameter removed.
        #expect(a.link == "https://www.theverge.com/2026/3/19/11111111/phones-heavier")
        #expect(a.published == rfc3339("2026-03-19T08:00:00-04:00"))
        #expect(a.updated == rfc3339("2026-03-19T09:30:00-04:00"))
        #expect(a.categories == ["Technology", "Phones"])
        #expect(a.summary == "We weighed twelve phones.")
        #expect(a.imageURL == "https://cdn.vox-cdn.com/thumbor/scale.jpg")
        let b = feed.items[1]
        // Entry-level xml:base.
        #expect(b.link == "https://www.theverge.com/2026/3/18/22222222/laptops-briefly")
        #expect(b.id == "tag:theverge.com,2026:22222222")
        #expect(b.published == nil)
        #expect(b.updated == rfc3339("2026-03-18T12:00:00Z"))
        #expect(b.summary == "Short take.")
        #expect(b.imageURL == "https://www.theverge.com/images/laptop.png")
        #expect(feed.items[2].imageURL == "https://cdn.vox-cdn.com/thumbor/thumb.jpg")
    }

    @Test func jsonFeed11() throws {
        let feed = try FeedParser.parse(try feedPage("jsonfeed.json", url: "https://json.example.com/feed.json"), type: .auto, links: nil)
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "NewsDesk JSON 예제")
        #expect(feed.items.count == 2)
        let a = feed.items[0]
        #expect(a.id == "1001")
        #expect(a.link == "https://json.example.com/posts/1001")
        #expect(a.title == "JSON 피드 첫 글 & 소개")
        #expect(a.summary == "첫 글 요약")
        #expect(a.imageURL == "https://json.example.com/img/1001.png")
        #expect(a.categories == ["IT", "피드"])
        #expect(a.updated == rfc3339("2026-03-19T10:00:00+09:00"))
        let b = feed.items[1]
        #expect(b.id == "1002")
        #expect(b.link == "https://json.example.com/posts/1002")
        #expect(b.title.hasPrefix("제목 없는 짧은 글입니다."))
        #expect(b.imageURL == "https://json.example.com/img/1002.jpg")
        #expect(feed.warnings.contains { $0.contains("no usable http(s) link") })
    }

    @Test func jsonFeed10() throws {
        let feed = try FeedParser.parse(try feedPage("jsonfeed-v1.json", url: "https://json.example.com/v1.json"), type: .json, links: nil)
        #expect(feed.items.map(\.id) == ["7"])
        #expect(feed.items[0].imageURL == "https://json.example.com/b/7.png")
        #expect(feed.warnings.isEmpty)
    }

    @Test func daumSectionPage() throws {
        let page = try feedPage("daum-section.html", url: "https://news.daum.net/digital")
        let sel = try Selector("ul.list_news2 > li")
        let feed = try FeedParser.parse(page, type: .html, links: sel)
        #expect(feed.format == .html)
        #expect(feed.title == "IT 뉴스 | 다음뉴스 (NewsDesk 예제)")
        #expect(feed.items.map(\.link) == ["https://v.daum.net/v/20260319092701234", "https://news.daum.net/v/20260319081502345?f=o"])
        #expect(feed.items.map(\.title) == ["AI 반도체 투자 1조…\"세계 3위\" 목표", "카카오 새 기능 & 반응"])
        #expect(feed.items[0].imageURL?.hasPrefix("https://img1.daumcdn.net/thumb/S180x124/") == true)
        #expect(feed.items[0].published == rfc3339("2026-03-19T09:27:00+09:00"))
        #expect(feed.warnings.count == 3)  // duplicate, javascript:, no link
        // Anchors as the selector work too, and the aside link outside the list is never picked up.
        let anchors = try FeedParser.parse(page, type: .html, links: try Selector("strong.tit_thumb a"))
        #expect(anchors.items.count == 2)
        #expect(!anchors.items.contains { $0.link.contains("99999999999999999") })
    }

    @Test func daumCardsWrappedInOneAnchor() throws {
        let page = try feedPage("daum-section-cards.html", url: "https://news.daum.net/sports")
        let feed = try FeedParser.parse(page, type: .html, links: try Selector("ul.list_newsheadline2 > li"))
        #expect(feed.items.map(\.title) == ["류현진, 시범경기 5이닝 무실점", "K리그 개막 2주차 · 순위 정리"])
        #expect(feed.items[0].summary == "한화 류현진이 19일 시범경기에서 호투했다.")
        #expect(feed.items[0].imageURL == "https://img1.daumcdn.net/thumb/R658x0/?fname=sports1.jpg")
        #expect(feed.items[0].published == rfc3339("2026-03-19T11:00:01+09:00"))
        // Relative to <base href>.
        #expect(feed.items[1].link == "https://news.daum.net/sports/v/20260319103002222")
        #expect(feed.warnings.isEmpty)
    }

    @Test func htmlNeedsALinkSelector() throws {
        let page = try feedPage("daum-section.html", url: "https://news.daum.net/digital")
        #expect(throws: FeedError.missingLinkSelector(url: "https://news.daum.net/digital")) {
            try FeedParser.parse(page, type: .html, links: nil)
        }
        #expect(throws: FeedError.notAFeed(url: "https://news.daum.net/digital", found: "an HTML page")) {
            try FeedParser.parse(page, type: .auto, links: nil)
        }
    }
}

@Suite struct FeedTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String; let output: String
        var testDescription: String { input.debugDescription }
    }
    static let collapse: [Case] = [
        .init(input: "  a \n\t b  ", output: "a b"),
        .init(input: "가\u{00A0}\u{00A0}나\u{3000}다\u{2009}라", output: "가 나 다 라"),
        .init(input: "", output: ""),
        .init(input: " \u{3000} ", output: ""),
        .init(input: "é—ü", output: "é—ü"),
    ]

    @Test(arguments: collapse)
    func collapsesWhitespace(_ c: Case) { #expect(FeedText.collapse(c.input) == c.output) }

    static let titles: [Case] = [
        .init(input: "&lt;b&gt;굵게&lt;/b&gt;", output: "<b>굵게</b>"),
        .init(input: "<b>굵게</b> 제목", output: "굵게 제목"),
        .init(input: "A &amp;quot;B&amp;quot;", output: "A &quot;B&quot;"),
        .init(input: "3 < 5 &amp; 7 > 2", output: "3 < 5 & 7 > 2"),
    ]

    @Test(arguments: titles)
    func cleansTitles(_ c: Case) { #expect(FeedText.title(c.input) == c.output) }
}
