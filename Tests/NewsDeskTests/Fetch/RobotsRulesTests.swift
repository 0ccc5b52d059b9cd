import Testing
@testable import NewsDesk

@Suite struct RobotsRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String; let robots: String; let agent: String; let path: String; let allowed: Bool
        var testDescription: String { name }
    }

    static let basic = """
    # comment
    User-agent: *
    Disallow: /private
    Allow: /private/open
    Disallow: /*.pdf$
    Disallow: /search?q=

    User-agent: NewsDesk
    User-agent: OtherBot
    Disallow: /nd-only
    """

    static let cases: [Case] = [
        .init(name: "star group applies to unknown agent", robots: basic, agent: "Someone", path: "/private/x", allowed: false),
        .init(name: "longer allow wins", robots: basic, agent: "Someone", path: "/private/open/1", allowed: true),
        .init(name: "dollar anchors end", robots: basic, agent: "Someone", path: "/a/b.pdf", allowed: false),
        .init(name: "dollar does not match longer", robots: basic, agent: "Someone", path: "/a/b.pdf.html", allowed: true),
        .init(name: "query is part of the path", robots: basic, agent: "Someone", path: "/search?q=x", allowed: false),
        .init(name: "own group replaces star group", robots: basic, agent: "newsdesk", path: "/private/x", allowed: true),
        .init(name: "own group rule applies", robots: basic, agent: "NewsDesk", path: "/nd-only/page", allowed: false),
        .init(name: "grouped agents share rules", robots: basic, agent: "OtherBot", path: "/nd-only", allowed: false),
        .init(name: "empty disallow allows", robots: "User-agent: *\nDisallow:\n", agent: "x", path: "/a", allowed: true),
        .init(name: "disallow all", robots: "User-agent: *\nDisallow: /\n", agent: "x", path: "/a", allowed: false),
        .init(name: "robots.txt always allowed", robots: "User-agent: *\nDisallow: /\n", agent: "x", path: "/robots.txt", allowed: true),
        .init(name: "tie goes to allow", robots: "User-agent: *\nDisallow: /a\nAllow: /a\n", agent: "x", path: "/a", allowed: true),
        .init(name: "wildcard in the middle", robots: "User-agent: *\nDisallow: /news/*/print\n", agent: "x", path: "/news/2026/print", allowed: false),
        .init(name: "no groups allows", robots: "Sitemap: https://example.com/s.xml\n", agent: "x", path: "/a", allowed: true),
        .init(name: "CRLF lines", robots: "User-agent: *\r\nDisallow: /x\r\n", agent: "x", path: "/x/y", allowed: false),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        #expect(RobotsRules(parsing: c.robots).check(c.path, agent: c.agent).allowed == c.allowed)
    }

    @Test func reportsDecidingRule() {
        #expect(RobotsRules(parsing: Self.basic).check("/private/x", agent: "x").rule == "Disallow: /private")
        #expect(RobotsRules.disallowAll.check("/a", agent: "x").allowed == false)
        #expect(RobotsRules.allowAll.check("/a", agent: "x").allowed)
    }
}
