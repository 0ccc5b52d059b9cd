import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The failure modes of issue 12, each a page in fixtures/extract/cases (written by us, in the markup real sites use)
/// or generated here: the body is found by the path named, holds every paragraph, and nothing a reader does not see.
@Suite struct ExtractFailureModeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let url: String
        /// The extractor path expected (`generic`, `generic+retry`, …).
        let path: String
        let contains: [String]
        let excludes: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "blog-widget", url: "https://workbench.example.net/2026/03/tape-deck.html", path: "generic+retry",
             contains: ["flea market", "liquorice", "test tape", "original capacitors"], excludes: ["Blog archive", "Powered by"]),
        Case(file: "hidden-summary", url: "https://www.hanbit.example.kr/news/articleView.html?idxno=20417", path: "generic",
             contains: ["밤 11시까지", "운영 시간을 다시", "절반 가까이"],
             excludes: ["검색엔진용 요약", "검색 노출용", "화면낭독기", "숨김 속성"]),
        Case(file: "jsonld-only", url: "https://coastline.example.com/news/ferry", path: "generic+jsonld",
             contains: ["every twenty minutes", "5.40am", "school holidays"], excludes: ["Loading", "Privacy"]),
        Case(file: "no-body", url: "https://www.riverside.example.org/2026/04/quiet-streets", path: "generic",
             contains: ["six streets", "before ten in the morning", "footfall rose"], excludes: ["Mill Lane"]),
        Case(file: "captions", url: "https://www.techdaily.example.kr/news/articleView.html?idxno=5512", path: "generic",
             contains: ["석 달 연속 늘었다", "대응 방안", "설비 투자를 30%"], excludes: []),
        Case(file: "title-suffix", url: "https://sports.news.nate.example.com/view/20260319n1", path: "generic",
             contains: ["3연승을 달렸다", "선방 9회를 기록", "4연승에 도전"], excludes: []),
        Case(file: "euckr-board-daum", url: "https://board.example.kr/board/view.php?id=free&no=3321", path: "generic",
             contains: ["열흘 동안 열린다", "야간 조명", "임시 주차장"], excludes: ["글쓰기", "댓글 3", "조회"]),
        Case(file: "aspnet-form", url: "https://www.goeul.example.kr/News/NewsView.aspx?idx=40512", path: "generic+container",
             contains: ["밤 열 시까지 문을 연다", "일억 이천만 원", "주말 운영 시간도"], excludes: ["검색", "교육", "All rights reserved"]),
        Case(file: "unclosed-search-form", url: "https://www.bayside.example.com/news/dawn-ferry", path: "generic",
             contains: ["quarter past five", "trial of six months", "late shift ends"], excludes: ["Search", "Privacy"]),
        Case(file: "stray-end-tags", url: "https://railway.example.com/night-trains", path: "generic",
             contains: ["four-year gap", "single cabins", "Friday nights"], excludes: []),
    ]

    static func extract(_ file: String, url: String) throws -> ExtractedArticle {
        let bytes = try Fixtures.bytes("extract/cases/\(file).html")
        return try Extractor().extract(CharsetDecoder.decode(bytes: bytes, url: url, contentType: nil, override: nil))
    }

    @Test(arguments: cases)
    func bodyIsFoundWhole(_ c: Case) throws {
        let a = try Self.extract(c.file, url: c.url)
        let text = Extractor.text(ofFragment: a.bodyHTML)
        #expect(a.extractor == c.path, "\(c.file): \(a.extractor)")
        for s in c.contains { #expect(text.contains(s), "\(c.file): missing \(s)") }
        for s in c.excludes { #expect(!text.contains(s) && !a.bodyHTML.contains(s), "\(c.file): holds \(s)") }
        // A paragraph whose only line went (a byline, a credit) goes with it.
        #expect(a.bodyHTML.range(of: #"<p[^>]*>\s*</p>"#, options: .regularExpression) == nil, "\(c.file): an emptied <p>")
    }

    struct FormCase: Sendable, CustomTestStringConvertible {
        let html: String; let junk: Bool
        var testDescription: String { String(html.prefix(60)) }
    }
    static let prose = String(repeating: "<p>The council approved the library budget after a long debate about opening hours and staff.</p>", count: 4)
    static let forms: [FormCase] = [
        .init(html: "<form action=/search><label>Search</label><input name=q><button>Go</button></form>", junk: true),
        .init(html: "<form id=login><p>Sign in to comment</p><input name=user><input name=pass type=password></form>", junk: true),
        .init(html: "<form>" + String(repeating: "<a href=/x>Another headline about the library budget</a> ", count: 12) + "</form>", junk: true),
        .init(html: "<form id=form1 method=post><input type=hidden name=__VIEWSTATE value=x>\(prose)</form>", junk: false),
        .init(html: "<div class=gnb><a href=/>홈</a></div><form id=form1><p>[속보] 군청 앞 도로가 내일 오전 열 시부터 두 시간 동안 통제된다고 군이 밝혔다.</p></form>", junk: false),
        .init(html: "<p>" + String(repeating: "Council approves library budget after a long debate. ", count: 8) + "</p><form><p>Leave a comment on this story below.</p><input name=c></form>", junk: true),
        .init(html: "<form id=form1><div id=article>" + String(repeating: "<p>군립도서관이 다음 달부터 평일 밤 열 시까지 문을 열고 주말 운영 시간도 다시 살펴본다.</p>", count: 4) + "</div></form>", junk: false),
    ]

    /// A form is junk unless it holds prose (ASP.NET's `form1`, a search form left open); a kept one becomes a `div`.
    @Test(arguments: forms)
    func formIsJunkUnlessItHoldsProse(_ c: FormCase) throws {
        let doc = try HTMLDocument(html: "<html><body>\(c.html)</body></html>")
        let form = try #require(doc.body?.descendants(where: { $0.hasName("form") }).first)
        #expect(ContentScorer.isJunk(form) == c.junk)
        #expect(form.name == (c.junk ? "form" : "div"))
    }

    /// A one-paragraph brief on a page wrapped in ASP.NET's form is still found.
    @Test func briefInsideThePageFormIsFound() throws {
        let html = "<html><head><title>도로 통제</title></head><body><form id=\"form1\"><input type=\"hidden\" name=\"__VIEWSTATE\" value=\"x\">"
            + "<div class=\"gnb\"><a href=\"/\">홈</a> <a href=\"/n\">뉴스</a></div><div id=\"news_view\"><p>[속보] 군청 앞 도로가 내일 오전 열 시부터 "
            + "두 시간 동안 통제된다고 군이 밝혔다.</p></div><div class=\"search\"><input name=\"q\"><input type=\"submit\" value=\"검색\"></div></form></body></html>"
        let a = try Extractor().extract(ExtractorTests.page(html, url: "https://www.goeul.example.kr/News/NewsView.aspx?idx=1"))
        #expect(Extractor.text(ofFragment: a.bodyHTML).contains("두 시간 동안 통제된다고"))
    }

    /// Captions go to `captions` in order, stay in `bodyHTML` as figure/figcaption, and are not in `text`.
    @Test func captionsAreTheirOwnField() throws {
        let a = try Self.extract("captions", url: "https://www.techdaily.example.kr/news/articleView.html?idxno=5512")
        #expect(a.captions == ["반도체 웨이퍼를 살펴보는 연구원 [사진=전자신문DB]", "수출 화물이 쌓인 부산항 신선대부두",
                               "충남 서산 공장 전경 (서산=연합뉴스) 장비 제조사의 생산 라인 모습. 2026.3.19 photo@yna.co.kr"])
        let text = Extractor.text(ofFragment: a.bodyHTML)
        for c in ["전자신문DB", "신선대부두", "photo@yna.co.kr"] { #expect(!text.contains(c), "\(c) in text") }
        #expect(a.bodyHTML.components(separatedBy: "<figcaption>").count == 4)
        #expect(a.bodyHTML.components(separatedBy: "<figure").count == 4)
        #expect(a.title == "국내 반도체 장비 수출 석 달째 증가")
    }

    /// The stored text (search, classifier) drops the caption lines of the sanitizer's text, nothing else.
    @Test func pipelineTextLeavesCaptionsOut() {
        let text = "첫 문단입니다.\n\n사진 설명 [사진=전자신문DB]\n\n둘째 문단입니다.\n\n사진 설명이 아닌 문단 [사진=전자신문DB] 뒤에 말이 더 있다."
        #expect(ArticleProcessor.removingCaptions(text, ["사진 설명  [사진=전자신문DB]"])
                == "첫 문단입니다.\n\n둘째 문단입니다.\n\n사진 설명이 아닌 문단 [사진=전자신문DB] 뒤에 말이 더 있다.")
        #expect(ArticleProcessor.removingCaptions(text, []) == text)
    }

    struct TitleCase: Sendable, CustomTestStringConvertible {
        let raw: String; let site: String?; let heading: String?; var subheadings: [String] = []; let expected: String
        var testDescription: String { raw }
    }
    static let titles: [TitleCase] = [
        .init(raw: "프로축구 강원, 수원 꺾고 3연승…골키퍼 선방 9회 : 네이트 스포츠", site: nil, heading: nil, expected: "프로축구 강원, 수원 꺾고 3연승…골키퍼 선방 9회"),
        .init(raw: "Storm cuts power to thousands | Coastline Daily", site: "coastline daily", heading: nil, expected: "Storm cuts power to thousands"),
        .init(raw: "반도체 수출 늘어 - 연합뉴스", site: nil, heading: nil, expected: "반도체 수출 늘어"),
        .init(raw: "[테크데일리] 반도체 장비 수출 증가", site: "테크데일리", heading: nil, expected: "반도체 장비 수출 증가"),
        .init(raw: "Coastline Daily | Storm cuts power to thousands", site: "coastline daily", heading: nil, expected: "Storm cuts power to thousands"),
        .init(raw: "Night trains return - Rail news and timetables", site: nil, heading: "Night trains return", expected: "Night trains return"),
        .init(raw: "[단독] 반도체 장비 수출 증가", site: "테크데일리", heading: nil, expected: "[단독] 반도체 장비 수출 증가"),
        .init(raw: "Left - right: a history of labels", site: nil, heading: nil, expected: "Left - right: a history of labels"),
        .init(raw: "Q&A - the budget explained", site: "coastline daily", heading: nil, expected: "Q&A - the budget explained"),
        .init(raw: " | Coastline Daily", site: "coastline daily", heading: nil, expected: "| Coastline Daily"),
        // A board post: the title tag puts the board's name first, the subject is an <h3>.
        .init(raw: "자유게시판 - 주말 자전거 모임 후기 올립니다", site: nil, heading: nil, subheadings: ["댓글", "주말 자전거 모임 후기 올립니다"],
              expected: "주말 자전거 모임 후기 올립니다"),
        .init(raw: "Harbour repairs start in May | Coastline Forum", site: nil, heading: nil, subheadings: ["Harbour repairs start in May"],
              expected: "Harbour repairs start in May"),
        // A heading repeating the shorter part (the site's name in a header) does not make it the title.
        .init(raw: "Storm cuts power to thousands - Coastline Daily", site: nil, heading: nil, subheadings: ["Coastline Daily"],
              expected: "Storm cuts power to thousands - Coastline Daily"),
        .init(raw: "질문 - 답변", site: nil, heading: nil, subheadings: ["질문"], expected: "질문 - 답변"),
    ]

    /// Site names come off titles as suffixes and prefixes; a title that only contains a separator is never cut.
    @Test(arguments: titles)
    func titleWithoutTheSiteName(_ c: TitleCase) {
        #expect(ArticleMetadata.clean(c.raw, site: c.site, heading: c.heading, subheadings: c.subheadings, loose: false) == c.expected)
    }

    /// A board page reposting a Daum article (EUC-KR, no og:image): the lead image is its first body image, with the
    /// Daum thumbnail proxy unwrapped by the image rules.
    @Test func firstBodyImageGoesThroughTheImageRules() throws {
        let a = try Self.extract("euckr-board-daum", url: "https://board.example.kr/board/view.php?id=free&no=3321")
        #expect(a.leadImage == "https://t1.daumcdn.net/news/202603/19/example/20260319093000123.jpg")
    }

    struct ImageCase: Sendable, CustomTestStringConvertible {
        let raw: String; let expected: String?
        var testDescription: String { raw }
    }
    static let images: [ImageCase] = [
        .init(raw: "https://img4.daumcdn.net/thumb/R658x0.q70/?fname=https%3A%2F%2Ft1.daumcdn.net%2Fnews%2F202603%2Fa.jpg",
              expected: "https://t1.daumcdn.net/news/202603/a.jpg"),
        .init(raw: "https://img1.daumcdn.net/thumb/S180x124/?fname=https://t1.daumcdn.net/news/b.jpg", expected: "https://t1.daumcdn.net/news/b.jpg"),
        .init(raw: "https://dthumb-phinf.pstatic.net/?src=%22https%3A%2F%2Fimgnews.pstatic.net%2Fimage%2F001%2Fc.jpg%22&type=ff500_300",
              expected: "https://imgnews.pstatic.net/image/001/c.jpg"),
        .init(raw: "/photo/d.jpg?utm_source=feed", expected: "https://news.example.com/photo/d.jpg"),
        .init(raw: "javascript:alert(1)", expected: nil),
        .init(raw: "https://lcs.naver.com/pixel.gif", expected: nil),
        .init(raw: "", expected: nil),
    ]

    /// The value the extractor and the pipeline hold: the sanitizer's image rules, the same answers.
    @Test(arguments: images)
    func imageURLRules(_ c: ImageCase) {
        #expect(ImageURLRules().url(c.raw, base: "https://news.example.com/a/1") == c.expected)
        #expect(Sanitizer().imageURL(c.raw, baseURL: "https://news.example.com/a/1") == c.expected)
    }

    /// A feed item's image (enclosure, media:thumbnail, description <img>) becomes the lead image only through the
    /// image rules: the proxy URL the feed gave is never stored.
    @Test func feedItemImageGoesThroughTheImageRules() throws {
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: [])
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("t.sqlite").path)
        let url = "https://news.example.com/a/1"
        let html = "<html><head><title>T</title></head><body><div class=\"story\">"
            + (1...3).map { "<p>\(Self.prose($0))</p>" }.joined() + "</div></body></html>"
        let page = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: ["content-type": "text/html"], body: Array(html.utf8), elapsed: 0)
        let item = FeedItem(id: url, link: url, title: "T",
                            imageURL: "https://img4.daumcdn.net/thumb/R658x0.q70/?fname=https%3A%2F%2Ft1.daumcdn.net%2Fnews%2Ffeed.jpg")
        let draft = try pipeline.process(page, source: SourceConfig(id: "s", name: "s", url: url, mixed: true), item: item).draft
        #expect(draft.extracted.leadImage == "https://t1.daumcdn.net/news/feed.jpg")
    }

    struct StyleCase: Sendable, CustomTestStringConvertible {
        let style: String; let hidden: Bool
        var testDescription: String { style }
    }
    static let styles: [StyleCase] = [
        .init(style: "display:none", hidden: true),
        .init(style: "display: none;", hidden: true),
        .init(style: "color:red; DISPLAY : NONE !important", hidden: true),
        .init(style: "visibility:hidden", hidden: true),
        .init(style: "visibility: hidden !important; margin:0", hidden: true),
        .init(style: "display:block", hidden: false),
        .init(style: "border:none", hidden: false),
        .init(style: "overflow:hidden", hidden: false),
        .init(style: "text-decoration: none; visibility: visible", hidden: false),
        .init(style: "", hidden: false),
    ]

    @Test(arguments: styles)
    func hiddenStyles(_ c: StyleCase) {
        #expect(HiddenElements.hides(style: c.style) == c.hidden)
    }

    struct HiddenCase: Sendable, CustomTestStringConvertible {
        let name: String; let markup: String; let kept: Bool
        var testDescription: String { name }
    }
    static let hiddenMarkup: [HiddenCase] = [
        .init(name: "display none", markup: "<div style=\"display:none\">HIDDENTEXT</div>", kept: false),
        .init(name: "visibility hidden", markup: "<p style=\"visibility:hidden\">HIDDENTEXT</p>", kept: false),
        .init(name: "hidden attribute", markup: "<section hidden>HIDDENTEXT</section>", kept: false),
        .init(name: "aria-hidden true", markup: "<span aria-hidden=\"true\">HIDDENTEXT</span>", kept: false),
        .init(name: "aria-hidden false", markup: "<span aria-hidden=\"false\">SHOWNTEXT</span>", kept: true),
        .init(name: "lazy image fallback", markup: "<p aria-hidden=\"true\" class=\"fallback-image\">SHOWNTEXT</p>", kept: true),
        .init(name: "nested in a hidden box", markup: "<div style=\"display: none\"><p>HIDDENTEXT <b>inner</b></p></div>", kept: false),
        .init(name: "Naver blind", markup: "<p>SHOWNTEXT <span class=\"blind\">HIDDENTEXT</span></p>", kept: false),
        .init(name: "Daum screen_out", markup: "<h3 class=\"tit screen_out\">HIDDENTEXT</h3>", kept: false),
        .init(name: "Bootstrap sr-only", markup: "<a class=\"sr-only sr-only-focusable\" href=\"#x\">HIDDENTEXT</a>", kept: false),
        .init(name: "visually-hidden, case folded", markup: "<span class=\"Visually-Hidden\">HIDDENTEXT</span>", kept: false),
        .init(name: "WordPress screen-reader-text", markup: "<span class=\"screen-reader-text\">HIDDENTEXT</span>", kept: false),
        .init(name: "a name that only contains one", markup: "<p class=\"blinds-report at4-visually-hidden-x\">SHOWNTEXT</p>", kept: true),
    ]

    /// Hidden elements go on every path: the generic scorer's and a site rule's.
    @Test(arguments: hiddenMarkup)
    func hiddenElementsNeverReachTheBody(_ c: HiddenCase) throws {
        let paragraphs = (1...3).map { "<p>Article paragraph \($0) with enough words, commas, and a full stop to count as prose here.</p>" }
        let html = "<html><head><title>T</title></head><body><div class=\"story\">\(paragraphs[0])\(c.markup)\(paragraphs[1])\(paragraphs[2])</div></body></html>"
        for rules in [[], [SiteRule(hosts: ["example.com"], name: "story", content: "div.story")]] {
            let a = try Extractor(rules: rules).extract(ExtractorTests.page(html, url: "https://news.example.com/a"))
            let text = Extractor.text(ofFragment: a.bodyHTML)
            #expect(text.contains("paragraph 3"))
            if c.kept { #expect(text.contains("SHOWNTEXT"), "\(a.extractor)") } else { #expect(!a.bodyHTML.contains("HIDDENTEXT"), "\(a.extractor)") }
        }
    }

    /// Candidates that score the same (two sibling blocks of equal text, as on the public set's `title-en-dash`) give
    /// the same body on every run: the tie goes to the earlier block in the page, never to a dictionary's order, which
    /// changes with each parse's node addresses.
    @Test(arguments: [2, 3, 4])
    func tiedCandidatesGiveTheSameBodyEveryTime(_ blocks: Int) throws {
        let run = "Harbour crews, working in shifts, repainted the north pier, the ferry ramp and the old signal house before the season opened."
        let divs = String(repeating: "<div>\n \(run)\n \(run)\n</div>\n", count: blocks)
        let html = "<html><head><title>Pier works</title></head><body><article>\n\(divs)</article></body></html>"
        var seen: Set<String> = []
        for _ in 0..<40 {
            let a = try Extractor().extract(ExtractorTests.page(html, url: "https://harbour.example.com/pier"))
            seen.insert(a.extractor + "\n" + a.bodyHTML)
        }
        #expect(seen.count == 1, "\(seen.count) different bodies from one page")
    }

    /// A page with text but no article is a failure with a reason, never an empty article; a page with nothing is
    /// an empty page.
    @Test func noArticleIsAFailureWithAReason() {
        let links = (1...12).map { "<li><a href=\"/n/\($0)\">Headline number \($0) on the index page</a></li>" }.joined()
        let index = "<html><head><title>Index</title></head><body><ul class=\"list\">\(links)</ul></body></html>"
        #expect {
            try Extractor().extract(ExtractorTests.page(index))
        } throws: { e in
            guard case ExtractError.noArticle(_, let reason)? = e as? ExtractError else { return false }
            return !reason.isEmpty
        }
        #expect(throws: ExtractError.emptyPage(url: "https://news.example.com/article/1")) {
            try Extractor().extract(ExtractorTests.page("<html><head><title>Only a title</title></head><body> </body></html>"))
        }
    }

    /// Through the pipeline, such a page is a failed page of the extract stage (ingest records it, the run is
    /// partial), never a stored empty article.
    @Test func pipelineFailsAPageWithoutArticle() throws {
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: [])
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("t.sqlite").path)
        let url = "https://news.example.com/index"
        let links = (1...12).map { "<li><a href=\"/n/\($0)\">Headline number \($0) on the index page</a></li>" }.joined()
        let html = "<html><head><title>Index</title></head><body><ul class=\"list\">\(links)</ul></body></html>"
        let page = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: ["content-type": "text/html"], body: Array(html.utf8), elapsed: 0)
        #expect {
            _ = try pipeline.preview(page, source: SourceConfig(id: "s", name: "s", url: url, mixed: true))
        } throws: { e in
            guard let f = e as? StageFailure else { return false }
            return f.stage == .extract && f.message.contains("no article body found")
        }
    }

    struct DeepCase: Sendable, CustomTestStringConvertible {
        let name: String; let paragraphs: Int; let html: String
        var testDescription: String { name }
    }
    static func prose(_ i: Int) -> String { "Paragraph number \(i) of the article, with enough words, commas, and a full stop to count as prose." }
    static let deep: [DeepCase] = [
        DeepCase(name: "300 nested divs", paragraphs: 9,
                 html: String(repeating: "<div>", count: 300) + (0..<9).map { "<p>\(prose($0))</p>" }.joined() + String(repeating: "</div>", count: 300)),
        DeepCase(name: "399 paragraphs each leaving a font open", paragraphs: 399,
                 html: "<div id=\"content\">" + (0..<399).map { "<p><font face=\"gulim\">\(prose($0))</p>" }.joined() + "</div>"),
        DeepCase(name: "3000 nested divs (deeper than the depth cap)", paragraphs: 5,
                 html: String(repeating: "<div>", count: 3000) + (0..<5).map { "<p>\(prose($0))</p>" }.joined() + String(repeating: "</div>", count: 3000)),
        DeepCase(name: "300 nested tables cells", paragraphs: 4,
                 html: String(repeating: "<table><tr><td>", count: 300) + (0..<4).map { "<p>\(prose($0))</p>" }.joined()
                    + String(repeating: "</td></tr></table>", count: 300)),
    ]

    /// Every paragraph of a deep page arrives (libxml2 alone stops at 256 levels).
    @Test(arguments: deep)
    func deepPagesKeepEveryParagraph(_ c: DeepCase) throws {
        let html = "<html><head><title>Deep</title></head><body>\(c.html)</body></html>"
        let a = try Extractor().extract(ExtractorTests.page(html))
        let lines = Extractor.text(ofFragment: a.bodyHTML).split(separator: "\n").filter { $0.hasPrefix("Paragraph number") }
        #expect(lines.count == c.paragraphs)
        #expect(lines.last?.contains("number \(c.paragraphs - 1) ") == true)
    }

    struct EndTagCase: Sendable, CustomTestStringConvertible {
        let name: String; let input: String; let expected: String?
        var testDescription: String { name }
    }
    static let endTags: [EndTagCase] = [
        .init(name: "body and html", input: "<p>a</p></body></html><p>b</p>", expected: "<p>a</p>" + String(repeating: " ", count: 14) + "<p>b</p>"),
        .init(name: "any case, attributes", input: "x</BODY class=a>y</Html >z", expected: "x" + String(repeating: " ", count: 15) + "y"
            + String(repeating: " ", count: 8) + "z"),
        .init(name: "other names stay", input: "</bodyx></htmlfoo></b></div>", expected: nil),
        .init(name: "unterminated tag left alone", input: "<p>a</p></body", expected: nil),
    ]

    @Test(arguments: endTags)
    func ignoredEndTagsAreBlanked(_ c: EndTagCase) {
        let out = Array(c.input.utf8).withUnsafeBufferPointer { IgnoredEndTags.blank($0) }
        #expect(out.map { String(decoding: $0, as: UTF8.self) } == c.expected)
    }
}
