import Testing
@testable import NewsDesk

@Suite struct SectionRulesTests {
    struct URLCase: Sendable, CustomTestStringConvertible {
        let id: String; let url: String; let expected: String?
        var testDescription: String { id }
    }
    static let urlCases: [URLCase] = [
        .init(id: "naver sports host", url: "https://sports.news.naver.com/news?oid=1&aid=2", expected: "sports"),
        .init(id: "naver mobile sports", url: "https://m.sports.naver.com/kbaseball/article/001/0001", expected: "sports"),
        .init(id: "naver entertainment", url: "https://entertain.naver.com/read?oid=1", expected: "entertainment"),
        .init(id: "naver sid1 IT", url: "https://news.naver.com/main/read.nhn?mode=LSD&sid1=105&oid=1", expected: "it"),
        .init(id: "naver sid politics", url: "https://n.news.naver.com/mnews/article/001/0014?sid=100", expected: "general"),
        .init(id: "naver without sid", url: "https://n.news.naver.com/mnews/article/001/0014", expected: nil),
        .init(id: "daum sports", url: "https://sports.daum.net/v/20240101", expected: "sports"),
        .init(id: "daum entertainment", url: "https://entertain.daum.net/news/1", expected: "entertainment"),
        .init(id: "daum digital category", url: "https://news.daum.net/breakingnews/digital", expected: "it"),
        .init(id: "sports path on any host", url: "https://www.example.co.kr/news/sports/2024/1.html", expected: "sports"),
        .init(id: "tech path", url: "https://example.com/tech/phones", expected: "it"),
        .init(id: "path segment only, not substring", url: "https://example.com/esports-news/1", expected: nil),
        .init(id: "english host", url: "https://www.espn.com/nba/story/_/id/1", expected: "sports"),
        .init(id: "host suffix on label boundary", url: "https://notespn.com/x", expected: nil),
        .init(id: "theverge", url: "https://www.theverge.com/2024/1/1/phone", expected: "it"),
        .init(id: "not a URL", url: "not a url", expected: nil),
        .init(id: "segment at the end of the path", url: "https://example.com/news/sports", expected: "sports"),
        .init(id: "upper case, port, spaces, fragment", url: "  HTTPS://User@WWW.Example.COM:8443/News/SPORTS/1#top ", expected: "sports"),
        .init(id: "korean path before the segment", url: "https://example.com/뉴스/tech/1", expected: "it"),
        .init(id: "segment only in the query", url: "https://example.com/read?next=/sports/", expected: nil),
    ]

    @Test(arguments: urlCases)
    func urlRule(_ c: URLCase) {
        #expect(SectionRules().match(url: c.url)?.rule.section == c.expected)
    }

    /// `path + "/"` contains `segments` (a "/" appended when missing), without building strings.
    @Test(arguments: [
        ("/news/sports/1", "/sports/", true), ("/news/sports", "/sports/", true), ("/news/sports", "/sports", true),
        ("/esports/1", "/sports/", false), ("/sports-news", "/sports", false), ("/", "/sports/", false),
        ("", "/it/", false), ("/it", "/it/", true), ("/뉴스/it/", "/it/", true),
    ])
    func pathSegments(_ path: String, _ segments: String, _ expected: Bool) {
        #expect(ParsedURL.pathContainsSegments(path, segments) == expected)
    }

    struct HintCase: Sendable, CustomTestStringConvertible {
        let hint: String; let expected: String?
        var testDescription: String { hint }
    }
    static let hintCases: [HintCase] = [
        .init(hint: "스포츠", expected: "sports"), .init(hint: "IT/과학", expected: "it"), .init(hint: "it 과학", expected: "it"),
        .init(hint: "연예", expected: "entertainment"), .init(hint: "정치", expected: "general"), .init(hint: "Sports", expected: "sports"),
        .init(hint: "뉴스 > IT/과학 > 모바일", expected: "it"), .init(hint: "Technology", expected: "it"), .init(hint: "날씨", expected: "general"), .init(hint: "오늘의 운세", expected: nil),
    ]

    @Test(arguments: hintCases)
    func hintRule(_ c: HintCase) {
        #expect(SectionRules().match(hint: c.hint)?.rule.section == c.expected)
    }

    @Test func operatorRulesComeFirst() {
        let rules = SectionRules().applying(ClassifyOverrides(rules: [
            SectionRule(host: "sports.news.naver.com", pathPrefix: "/esports", section: "games"),
            SectionRule(hint: "스포츠", section: "games"),
        ]))
        #expect(rules.match(url: "https://sports.news.naver.com/esports/news/1")?.rule.section == "games")
        #expect(rules.match(url: "https://sports.news.naver.com/kbaseball/1")?.rule.section == "sports")
        #expect(rules.match(hint: "스포츠")?.rule.section == "games")
    }

    @Test func defaultTableIsSortedWithinBlocks() {
        let hosts = SectionRules.urlTable.filter { $0.query == nil && $0.pathPrefix == nil }.compactMap(\.host)
        #expect(hosts == hosts.sorted())
        #expect(SectionRules.defaultTable.allSatisfy { ["it", "sports", "entertainment", "general"].contains($0.section) })
    }

    @Test func reasonNamesTheRule() {
        #expect(SectionRules().match(url: "https://sports.news.naver.com/x")?.reason == "url rule: sports.news.naver.com → sports")
    }
}
