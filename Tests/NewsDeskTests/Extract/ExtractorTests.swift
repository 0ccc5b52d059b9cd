import Foundation
import Testing
@testable import NewsDesk

@Suite struct ExtractorTests {
    static func page(_ html: String, url: String = "https://news.example.com/article/1") -> DecodedPage {
        DecodedPage(url: url, bytes: Array(html.utf8), charset: "UTF-8", charsetSource: .override)
    }

    static let ruleHTML = """
        <html><head><title>T</title></head><body>
        <div class="mine"><p>운영자 규칙이 고른 본문 문단입니다. 이 문단만 나와야 합니다.</p></div>
        <div class="article_view"><section><p>기본 규칙이 고른 다음 본문 문단입니다. 이것은 나오면 안 됩니다.</p></section></div>
        </body></html>
        """

    @Test func operatorRuleComesBeforeBuiltinRule() throws {
        let rule = SiteRule(hosts: ["daum.net"], name: "mine", content: "div.mine")
        let a = try Extractor(rules: [rule]).extract(Self.page(Self.ruleHTML, url: "https://v.daum.net/v/1"))
        #expect(a.extractor == "site:mine")
        #expect(a.bodyHTML.contains("운영자 규칙"))
        #expect(!a.bodyHTML.contains("기본 규칙"))
    }

    /// The lead image goes through the same image rules as the body: an operator's proxy rule unwraps it too.
    @Test func leadImageFollowsTheOperatorsImageRules() throws {
        let html = """
            <html><head><meta property="og:image" content="https://img.cdn.example/resize?u=https%3A%2F%2Fphoto.example%2Fa.jpg"></head>
            <body><article><p>본문 문단입니다. 이미지 규칙을 확인하는 기사의 첫 문단으로 충분히 깁니다.</p></article></body></html>
            """
        let plain = try Extractor().extract(Self.page(html))
        #expect(plain.leadImage == "https://img.cdn.example/resize?u=https%3A%2F%2Fphoto.example%2Fa.jpg")
        let rule = ImageProxyRule(name: "cdn-resize", hosts: ["img.cdn.example"], pathPrefix: "/resize", parameter: "u")
        let images = Sanitizer(policy: try SanitizePolicy.default.applying(SanitizeOverrides(imageProxyRules: [rule])))
        let configured = try Extractor(images: images).extract(Self.page(html))
        #expect(configured.leadImage == "https://photo.example/a.jpg")
    }

    /// Script and style contents are cut before parsing (UTF-8 pages), JSON-LD blocks are not: the headline and date
    /// still come from JSON-LD, and a script's text never reaches the article.
    @Test func scriptsAreCutButJSONLDIsKept() throws {
        let html = """
            <html><head><script>var title = "스크립트 제목"; var big = "\(String(repeating: "x", count: 5000))";</script>
            <style>p { color: red }</style>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"제이슨 제목","datePublished":"2026-03-19T09:27:00+09:00"}</script>
            </head><body><article><p>본문 문단입니다. 코드를 잘라도 본문과 메타데이터는 그대로 남아야 합니다.</p>
            <script>document.write("입력 2020.01.01 스크립트 날짜")</script></article></body></html>
            """
        let a = try Extractor().extract(Self.page(html))
        #expect(a.title == "제이슨 제목")
        #expect(a.published == DateParser.parse("2026-03-19T09:27:00+09:00"))
        #expect(!a.bodyHTML.contains("스크립트") && a.bodyHTML.contains("본문 문단"))
        let bytes = Array(html.utf8)
        let stripped = try #require(bytes.withUnsafeBufferPointer { RawTextStripper.strip($0, keepingTagsMentioning: Array("ld+json".utf8)) })
        let text = String(decoding: stripped, as: UTF8.self)
        #expect(text.contains("제이슨 제목") && !text.contains("스크립트 제목") && !text.contains("color: red"))
    }

    @Test func builtinRuleAppliesWithoutOperatorRule() throws {
        let a = try Extractor().extract(Self.page(Self.ruleHTML, url: "https://v.daum.net/v/1"))
        #expect(a.extractor == "site:daum")
        #expect(a.bodyHTML.contains("기본 규칙"))
    }

    @Test func operatorRuleForAnotherHostDoesNotApply() throws {
        let rule = SiteRule(hosts: ["example.org"], name: "other", content: "div.mine")
        let a = try Extractor(rules: [rule]).extract(Self.page(Self.ruleHTML, url: "https://v.daum.net/v/1"))
        #expect(a.extractor == "site:daum")
    }

    @Test func ruleWithoutMatchFallsBackToGeneric() throws {
        let rule = SiteRule(hosts: ["example.com"], name: "stale", content: "div.gone")
        let a = try Extractor(rules: [rule]).extract(Self.page(Self.ruleHTML))
        #expect(a.extractor == "generic")
    }

    struct HostCase: Sendable, CustomTestStringConvertible {
        let host: String; let rule: String?
        var testDescription: String { host }
    }
    static let hosts: [HostCase] = [
        .init(host: "v.daum.net", rule: "daum"),
        .init(host: "n.news.naver.com", rule: "naver"),
        .init(host: "m.sports.naver.com", rule: "naver-sports"),
        .init(host: "sports.news.naver.com", rule: "naver-sports"),
        .init(host: "m.entertain.naver.com", rule: "naver-entertain"),
        .init(host: "www.yna.co.kr", rule: "yonhap"),
        .init(host: "zdnet.co.kr", rule: "zdnet-korea"),
        .init(host: "www.bbc.com", rule: "bbc"),
        .init(host: "notzdnet.co.kr", rule: nil),
        .init(host: "naver.com", rule: nil),
    ]

    @Test(arguments: hosts)
    func mostSpecificBuiltinRuleWins(_ c: HostCase) {
        #expect(Extractor().rule(for: c.host)?.name == c.rule)
    }

    @Test func invalidRuleSelectorIsATypedError() {
        let rule = SiteRule(hosts: ["example.com"], name: "broken", content: "div[")
        #expect(throws: ExtractError.self) { try Extractor(rules: [rule]).extract(Self.page(Self.ruleHTML)) }
    }

    @Test func emptyPageIsAnError() {
        #expect(throws: ExtractError.emptyPage(url: "https://news.example.com/article/1")) {
            try Extractor().extract(Self.page("<html><body>  </body></html>"))
        }
    }

    struct TitleCase: Sendable, CustomTestStringConvertible {
        let raw: String; let site: String?; let loose: Bool; let expected: String
        var testDescription: String { raw }
    }
    static let titles: [TitleCase] = [
        .init(raw: "반도체 수출 석 달 연속 증가 : 네이버 뉴스", site: nil, loose: false, expected: "반도체 수출 석 달 연속 증가"),
        .init(raw: "반도체 수출 석 달 연속 증가 | 연합뉴스", site: nil, loose: false, expected: "반도체 수출 석 달 연속 증가"),
        .init(raw: "게임사들 AI 도입 - 지디넷코리아", site: "지디넷코리아", loose: false, expected: "게임사들 AI 도입"),
        .init(raw: "Storm cuts power - BBC News", site: "bbc news", loose: false, expected: "Storm cuts power"),
        .init(raw: "Building a shed – Greenshed Notes", site: nil, loose: true, expected: "Building a shed"),
        .init(raw: "Left - right: a history of political labels in Europe", site: nil, loose: true,
              expected: "Left - right: a history of political labels in Europe"),
        .init(raw: "한강FC 주장 부상 복귀 | Daum 뉴스", site: nil, loose: false, expected: "한강FC 주장 부상 복귀"),
        .init(raw: "Q&A - the budget explained", site: nil, loose: false, expected: "Q&A - the budget explained"),
    ]

    @Test(arguments: titles)
    func titleSuffixes(_ c: TitleCase) {
        #expect(ArticleMetadata.stripSuffix(c.raw, site: c.site, loose: c.loose) == c.expected)
    }

    static let genericHTML = """
        <html lang="ko"><head><title>도심 공방 문 연다 - 예시일보</title>
        <meta property="og:image" content="https://img1.daumcdn.net/thumb/R658x0/?fname=https%3A%2F%2Fcdn.example.com%2Fa.jpg">
        <meta name="news_keywords" content="공방, 청년, 원도심">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"구도심 빈 점포, 청년 공방으로",
        "datePublished":"2026-03-19T09:27:00+09:00","dateModified":"2026-03-19T10:00:00+09:00","author":{"@type":"Person","name":"허윤정"},
        "articleSection":"사회"}</script></head><body>
        <nav class="gnb"><a href="/1">정치</a><a href="/2">경제</a><a href="/3">사회</a></nav>
        <div class="share_area"><a href="#">카카오톡</a><a href="#">페이스북</a></div>
        <div class="article"><h1>구도심 빈 점포, 청년 공방으로</h1>
        <figure><img src="/p.jpg"><figcaption>문을 연 청년 공방 내부 모습</figcaption></figure>
        <p>구도심의 빈 점포들이 청년 공방으로 다시 문을 연다, 시는 원도심 상가 40곳을 빌려 청년 창작자에게 빌려준다고 밝혔다.</p>
        <p>입주자에게는 판매 교육과 온라인 상점 개설도 지원한다, 상인회는 유동 인구가 늘 것이라며 반겼다.</p>
        <p>허윤정 기자 yj@example.kr</p>
        <p>저작권자 © 예시일보 무단전재 및 재배포 금지</p>
        <div class="related_news"><h3>관련기사</h3><ul><li><a href="/a">다른 기사 제목 하나</a></li><li><a href="/b">다른 기사 제목 둘</a></li></ul></div>
        </div>
        <div id="comments" class="comment_area"><p>댓글입니다. 좋은 기사 잘 읽었습니다, 앞으로도 부탁드립니다.</p></div>
        <footer>회사소개 | Copyright © 예시일보</footer></body></html>
        """

    @Test func genericExtractorKeepsFigureDropsChrome() throws {
        let a = try Extractor().extract(Self.page(Self.genericHTML, url: "https://www.example.kr/society/view/77"))
        let text = Extractor.text(ofFragment: a.bodyHTML)
        #expect(a.extractor == "generic")
        // The caption is its own field and stays in the HTML as a figcaption; `text` is the prose.
        #expect(a.captions == ["문을 연 청년 공방 내부 모습"])
        #expect(a.bodyHTML.contains("<figcaption>문을 연 청년 공방 내부 모습</figcaption>"))
        #expect(!text.contains("문을 연 청년 공방 내부 모습"))
        #expect(a.bodyHTML.contains("<img"))
        #expect(text.contains("판매 교육"))
        for junk in ["관련기사", "댓글", "카카오톡", "정치", "무단전재", "yj@example.kr", "구도심 빈 점포, 청년 공방으로"] {
            #expect(!text.contains(junk), "\(junk) left in the body")
        }
        #expect(a.attribution == "저작권자 © 예시일보 무단전재 및 재배포 금지")
        #expect(a.byline.reporters == ["허윤정"])
        #expect(a.byline.emails == ["yj@example.kr"])
    }

    @Test func metadataFromJSONLDAndMeta() throws {
        let a = try Extractor().extract(Self.page(Self.genericHTML, url: "https://www.example.kr/society/view/77"))
        #expect(a.title == "구도심 빈 점포, 청년 공방으로")
        #expect(a.published == DateParser.parse("2026-03-19T09:27:00+09:00"))
        #expect(a.updated == DateParser.parse("2026-03-19T10:00:00+09:00"))
        #expect(a.leadImage == "https://cdn.example.com/a.jpg")
        #expect(a.keywords == ["공방", "청년", "원도심"])
        #expect(a.sectionHints == ["사회", "path:society"])
        #expect(a.language == "ko")
    }

    @Test func photoNewsWithOneSentenceIsKept() throws {
        let html = """
            <html><head><title>[포토] 벚꽃 아래 산책</title></head><body><nav><a href="/">홈</a><a href="/n">뉴스</a></nav>
            <div class="view_cont"><figure><img src="/c.jpg"><figcaption>벚꽃길을 걷는 시민들</figcaption></figure>
            <p>19일 오후 윤중로를 찾은 시민들이 벚꽃 아래를 걷고 있다.</p></div>
            <ul class="rank"><li><a href="/1">많이 본 기사 하나</a></li></ul></body></html>
            """
        let a = try Extractor().extract(Self.page(html))
        let text = Extractor.text(ofFragment: a.bodyHTML)
        #expect(text.contains("윤중로를 찾은 시민들"))
        #expect(a.captions == ["벚꽃길을 걷는 시민들"] && a.bodyHTML.contains("벚꽃길을 걷는 시민들"))
        #expect(!text.contains("많이 본"))
    }

    @Test func koreanLabelledDatesInPageText() throws {
        let html = """
            <html><body><div class="info"><span>입력 2026.03.19. 오전 9:27</span><span>수정 2026.03.19. 오후 1:05</span></div>
            <div class="article_body"><p>본문 문단입니다. 날짜는 머리글의 표시에서 읽어야 합니다, 본문에는 없습니다.</p>
            <p>두 번째 문단도 충분히 길게 씁니다, 점수를 받을 수 있도록 쉼표도 넣습니다.</p></div></body></html>
            """
        let a = try Extractor().extract(Self.page(html))
        #expect(a.published == DateParser.parse("2026-03-19T09:27:00+09:00"))
        #expect(a.updated == DateParser.parse("2026-03-19T13:05:00+09:00"))
    }

    @Test func naverSectionIdAndOriginalLink() throws {
        let html = """
            <html><body><a class="media_end_head_origin_link" href="https://press.example.kr/a/1?utm_source=naver">기사원문</a>
            <article id="dic_area">본문 첫 문장입니다.<br><br>둘째 문장입니다.</article></body></html>
            """
        let a = try Extractor().extract(Self.page(html, url: "https://n.news.naver.com/mnews/article/001/0000000001?sid=105"))
        #expect(a.extractor == "site:naver")
        #expect(a.originalURL == "https://press.example.kr/a/1")
        #expect(a.sectionHints.contains("sid:105"))
    }

    struct ScoreCase: Sendable, CustomTestStringConvertible {
        let id: String; let extracted: String; let gold: String; let precision: Double; let recall: Double
        var testDescription: String { id }
    }
    static let scores: [ScoreCase] = [
        .init(id: "identical", extracted: "가 나 다", gold: "가 나 다", precision: 1, recall: 1),
        .init(id: "punctuation and case ignored", extracted: "Hello, World!", gold: "hello world", precision: 1, recall: 1),
        .init(id: "extra tokens", extracted: "a b c d", gold: "a b", precision: 0.5, recall: 1),
        .init(id: "missing tokens", extracted: "a", gold: "a b c d", precision: 1, recall: 0.25),
        .init(id: "multiset", extracted: "a a a", gold: "a b", precision: 1.0 / 3, recall: 0.5),
        .init(id: "empty extraction", extracted: "", gold: "a", precision: 0, recall: 0),
    ]

    @Test(arguments: scores)
    func tokenF1(_ c: ScoreCase) {
        let s = TokenF1(extracted: c.extracted, gold: c.gold)
        #expect(abs(s.precision - c.precision) < 1e-9)
        #expect(abs(s.recall - c.recall) < 1e-9)
    }

    @Test func extractorIsUsableFromConcurrentTasks() async throws {
        let extractor = Extractor()
        let html = Self.genericHTML
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try extractor.extract(Self.page(html)).bodyHTML } }
            var out: [String] = []
            for try await b in group { out.append(b) }
            return out
        }
        #expect(Set(bodies).count == 1)
    }
}
