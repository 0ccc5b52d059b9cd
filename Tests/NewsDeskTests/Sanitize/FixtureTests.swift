import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// A fixture page under fixtures/sanitize with its charset, base URL and sentences that must survive byte for byte.
struct SanitizeFixture: Sendable, CustomTestStringConvertible {
    let file: String
    let charset: String
    let base: String
    let sentences: [String]
    var testDescription: String { file }
}

@Suite("Sanitizer fixtures")
struct FixtureTests {
    static let fixtures: [SanitizeFixture] = [
        SanitizeFixture(file: "daum-article.html", charset: "UTF-8", base: "https://v.daum.net/v/20240407090000001", sentences: [
            "[뉴스데스크 김하늘 기자] 밤사이 내린 봄비가 그치자 7일 오전 도심 공원에는 산책을 나온 시민들의 발길이 이어졌다.",
            "7일 오전 서울 도심 공원을 찾은 시민들이 산책하고 있다. <사진=뉴스데스크>",
            "공원 관리사무소는 \"주말 동안 방문객이 평소보다 30% 이상 늘었다\"며",
        ]),
        SanitizeFixture(file: "naver-article.html", charset: "UTF-8", base: "https://n.news.naver.com/mnews/article/001/0014600001", sentences: [
            "(서울=뉴스데스크) 박서연 기자 = 지역 도서관들이 이번 달부터 주말 야간 개관을 시범 운영한다.",
            "주말 야간 개관은 금·토요일 밤 10시까지",
        ]),
        SanitizeFixture(file: "cp949-article.html", charset: "euc-kr", base: "https://news.example.com/old/1", sentences: [
            "똠방각하가 햏자 모임에서 뷁 소리를 내자 쓩 하고 사라졌다.",
            "이 문장은 <완성형>에 없는 글자를 일부러 담았다 & 그대로 남아야 한다.",
        ]),
    ]

    static func run(_ f: SanitizeFixture) throws -> SanitizedHTML {
        try Sanitizer().sanitize(bytes: try Fixtures.bytes("sanitize/" + f.file), charset: f.charset, baseURL: f.base)
    }

    /// Golden output: fixtures/sanitize/<name>.expected.html and .expected.txt (NEWSDESK_UPDATE_GOLDEN=1 rewrites them).
    @Test(arguments: fixtures)
    func golden(_ f: SanitizeFixture) throws {
        let r = try Self.run(f)
        let stem = "sanitize/" + (f.file as NSString).deletingPathExtension
        if ProcessInfo.processInfo.environment["NEWSDESK_UPDATE_GOLDEN"] == "1" {
            try Data(r.html.utf8).write(to: Fixtures.url(stem + ".expected.html"))
            try Data(r.text.utf8).write(to: Fixtures.url(stem + ".expected.txt"))
        }
        #expect(r.html == (try Fixtures.string(stem + ".expected.html")))
        #expect(r.text == (try Fixtures.string(stem + ".expected.txt")))
    }

    @Test(arguments: fixtures)
    func idempotent(_ f: SanitizeFixture) throws {
        let once = try Self.run(f)
        let twice = Sanitizer().sanitize(html: once.html, baseURL: f.base)
        #expect(twice.html == once.html)
        #expect(twice.text == once.text)
    }

    @Test(arguments: fixtures)
    func nothingActiveOrTrackingSurvives(_ f: SanitizeFixture) throws {
        let html = try Self.run(f).html.lowercased()
        for bad in ["<script", "<style", "<iframe", "<form", "<textarea", "<button", "<noscript", " on", "javascript:",
                    "dmcf-", "data-", "contents-hash", "class=", "style=", "id=", "tiara", "lcs.naver.com", "utm_", "fbclid",
                    "daumcdn.net/thumb", "dthumb-phinf", "?type=", "번역 서비스", "좋아요 0", "댓글을"] {
            #expect(!html.contains(bad), "\(f.file): \(bad) survived")
        }
    }

    @Test(arguments: fixtures)
    func koreanTextSurvivesByteForByte(_ f: SanitizeFixture) throws {
        let r = try Self.run(f)
        for s in f.sentences {
            #expect(r.text.contains(s), "\(f.file): text lost \(s)")
        }
    }

    @Test func daumImagesAndLinks() throws {
        let r = try Self.run(Self.fixtures[0])
        #expect(r.html.contains("<img src=\"https://t1.daumcdn.net/news/202404/07/newsdesk/20240407090000000abcd.jpg\" width=\"658\" alt=\"7일 오전 서울 도심 공원을 찾은 시민들이 산책하고 있다.\">"))
        #expect(r.html.contains("src=\"https://t1.daumcdn.net/news/202404/07/newsdesk/20240407090100000efgh.jpg\""))
        #expect(r.html.contains("<a href=\"https://www.example.go.kr/forecast?area=11\" rel=\"noopener noreferrer nofollow\">예보 페이지</a>"))
        #expect(r.report.hiddenElements >= 1)
        #expect(r.report.removedAttributes["dmcf-pid"] == 8)
        #expect(r.report.trackingPixelsRemoved >= 1)
        #expect(r.report.proxiesUnwrapped >= 1)
    }

    @Test func naverImages() throws {
        let r = try Self.run(Self.fixtures[1])
        #expect(r.html.contains("<img src=\"https://imgnews.pstatic.net/image/001/2024/05/02/PYH2024050200010000100_P4.jpg\" width=\"860\" height=\"573\" alt=\"\">"))
        #expect(r.html.contains("<img src=\"https://imgnews.pstatic.net/image/001/2024/05/02/chart.png\" alt=\"이용 시간표\">"))
        #expect(r.html.contains("href=\"https://library.example.org/notice?no=15\""))
        #expect(r.report.lazyImagesResolved == 1)
    }

    @Test func cp949Labels() throws {
        let bytes = try Fixtures.bytes("sanitize/cp949-article.html")
        for label in ["EUC-KR", "euc-kr", "CP949", "ks_c_5601-1987", "UHC"] {
            let r = try Sanitizer().sanitize(bytes: bytes, charset: label, baseURL: nil)
            #expect(r.text.contains("똠방각하가 햏자 모임에서 뷁 소리를 내자 쓩"), "\(label)")
            #expect(r.html.contains("alt=\"똠 사진\""), "\(label)")
        }
    }

    @Test func unknownCharsetThrows() {
        #expect(throws: SanitizeError.unknownCharset("x-no-such-charset")) {
            try Sanitizer().sanitize(bytes: Array("<p>x</p>".utf8), charset: "x-no-such-charset", baseURL: nil)
        }
    }

    @Test func metaCharsetIgnoredWhenExplicit() throws {
        let page = Array("<meta charset=\"euc-kr\"><p>유니코드 본문</p>".utf8)
        let r = try Sanitizer().sanitize(bytes: page, charset: "UTF-8", baseURL: nil)
        #expect(r.html == "<p>유니코드 본문</p>")
    }

    @Test func treePathMatchesStreamingPath() throws {
        let doc = try HTMLDocument(html: "<div class=\"x\"><p onclick=\"a()\">본문 <b>굵게</b></p><script>x()</script></div>")
        let node = try #require(doc.body?.firstChild(named: "div"))
        #expect(Sanitizer().sanitize(node: node, baseURL: nil).html == "<div><p>본문 <b>굵게</b></p></div>")
    }
}
