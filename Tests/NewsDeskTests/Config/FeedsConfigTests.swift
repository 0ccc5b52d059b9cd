import Foundation
import Testing
import TestSupport
@testable import NewsDesk

@Suite struct FeedsConfigTests {
    @Test func loadsValidConfigWithDefaultsAndResolvedPath() throws {
        let config = try FeedsConfig.load(path: Fixtures.url("config/valid.yaml").path)
        #expect(config.sections.map(\.id) == ["it", "sports"])
        #expect(config.defaults.interval == 600)
        #expect(config.defaults.userAgent == "NewsDeskTest/1.0")
        #expect(config.defaults.perHostConcurrency == 3)
        #expect(config.defaults.maxBodyBytes == FetchDefaults.standard.maxBodyBytes)
        #expect(config.sources.count == 2)
        let demo = config.sources[0]
        #expect(demo.path == Fixtures.url("config/demo-feed.xml").path)
        #expect(demo.type == .rss)
        #expect(demo.section == "it")
        #expect(demo.baseURL == "https://example.com/")
        #expect(demo.line == 13)
        let local = config.sources[1]
        #expect(local.mixed)
        #expect(local.name == "local")
        #expect(local.allowNetworks.map(\.description) == ["127.0.0.1/32", "::1/128"])
        #expect(local.headers == ["Referer": "https://example.com/"])
        #expect(local.site?.remove == [".ad", "//div[@class='share']"])
        #expect(config.sanitize.iframeHosts == ["www.youtube.com"])
        #expect(config.sanitize.signedProxy?.keyEnv == "NEWSDESK_IMAGE_PROXY_KEY")
        #expect(config.classify.threshold == 0.4)
    }

    @Test func shippedFeedsYamlIsValid() throws {
        let config = try FeedsConfig.load(path: Fixtures.root.appendingPathComponent("feeds.yaml").path)
        #expect(config.sections.map(\.id) == ["it", "sports", "entertainment", "general"])
        #expect(config.sources.count >= 8)
        #expect(config.sources.contains { $0.type == .html && $0.site?.links != nil })
    }

    /// Schemes are case-insensitive: an upper-case scheme is accepted and stored in lower case, so the fetcher,
    /// robots.txt and URL identity see one spelling (fuzz finding: `httpS://` was accepted and kept as written).
    @Test(arguments: [
        ("HTTPS://www.example.com/rss.xml", "https://www.example.com/rss.xml"),
        ("httpS://www.example.com/rss.xml", "https://www.example.com/rss.xml"),
        ("Http://www.example.com/Feed?Q=1", "http://www.example.com/Feed?Q=1"),
        ("https://www.example.com/rss.xml", "https://www.example.com/rss.xml"),
    ])
    func schemeIsStoredInLowerCase(_ written: String, _ stored: String) throws {
        let config = try FeedsConfig.parse(yaml: Self.head + "  - id: a\n    url: \(written)\n    section: it\n", file: "feeds.yaml", directory: "/tmp")
        #expect(config.sources.first?.url == stored)
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: ConfigError.self) { try FeedsConfig.load(path: "/nonexistent/feeds.yaml") }
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        /// Expected problems as `line: field: message-fragment`.
        let expected: [String]
        var testDescription: String { name }
    }

    static let head = "sections:\n  it: IT\nsources:\n"

    static let badCases: [BadCase] = [
        .init(name: "ftp url", yaml: head + "  - id: a\n    url: ftp://example.com/feed\n    section: it\n",
              expected: ["5: sources[0].url: not an http(s) URL"]),
        .init(name: "space in url (fuzz finding)", yaml: head + "  - id: a\n    url: https://r? .example.com/feed.xml\n    section: it\n",
              expected: ["5: sources[0].url: not an http(s) URL: it contains U+0020"]),
        .init(name: "relative url", yaml: head + "  - id: a\n    url: /feed.xml\n    section: it\n",
              expected: ["5: sources[0].url: not an http(s) URL"]),
        .init(name: "url and path", yaml: head + "  - id: a\n    url: https://example.com/f\n    path: x.xml\n    section: it\n",
              expected: ["6: sources[0].path: either `url:` or `path:`"]),
        .init(name: "neither url nor path", yaml: head + "  - id: a\n    section: it\n",
              expected: ["4: sources[0].url: missing"]),
        .init(name: "missing id", yaml: head + "  - url: https://example.com/f\n    section: it\n",
              expected: ["4: sources[0].id: missing"]),
        .init(name: "duplicate ids", yaml: head + "  - id: a\n    url: https://example.com/1\n    section: it\n  - id: a\n    url: https://example.com/2\n    section: it\n",
              expected: ["7: sources[1].id: duplicate id \"a\""]),
        .init(name: "unknown type", yaml: head + "  - id: a\n    url: https://example.com/f\n    type: rdf\n    section: it\n",
              expected: ["6: sources[0].type: unknown type \"rdf\""]),
        .init(name: "unknown section", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: games\n",
              expected: ["6: sources[0].section: unknown section \"games\""]),
        .init(name: "no section nor mixed", yaml: head + "  - id: a\n    url: https://example.com/f\n",
              expected: ["4: sources[0].section: missing"]),
        .init(name: "mixed and section", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    mixed: true\n",
              expected: ["7: sources[0].mixed: contradict"]),
        .init(name: "bad cidr", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    allow_networks: [127.0.0.1/33, 127.0.0.1/8, nonsense]\n",
              expected: ["7: sources[0].allow_networks[0]: prefix length must be 0…32",
                         "7: sources[0].allow_networks[1]: host bits are set (did you mean 127.0.0.0/8?)",
                         "7: sources[0].allow_networks[2]: not an IP address"]),
        .init(name: "bad selector", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    site:\n      content: \"div[\"\n",
              expected: ["8: sources[0].site.content: selector"]),
        .init(name: "html without links", yaml: head + "  - id: a\n    url: https://example.com/f\n    type: html\n    section: it\n",
              expected: ["6: sources[0].site.links: missing"]),
        .init(name: "unknown charset", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    charset: klingon-8\n",
              expected: ["7: sources[0].charset: unknown charset \"klingon-8\""]),
        .init(name: "typo key", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    alow_networks: [127.0.0.1/32]\n",
              expected: ["7: sources[0].alow_networks: unknown key \"alow_networks\" (did you mean \"allow_networks\"?)"]),
        .init(name: "unknown top key", yaml: "sourcez: []\n" + head + "  - id: a\n    url: https://example.com/f\n    section: it\n",
              expected: ["1: sourcez: unknown key \"sourcez\" (did you mean \"sources\"?)"]),
        .init(name: "numbers out of range", yaml: "defaults:\n  per_host_concurrency: 0\n  connect_timeout: fast\n  interval: 5\n" + head + "  - id: a\n    url: https://example.com/f\n    section: it\n",
              expected: ["2: defaults.per_host_concurrency: 0 is out of range (use 1…16)",
                         "3: defaults.connect_timeout: expected a number of seconds, found \"fast\"",
                         "4: defaults.interval: 5 is out of range (use 60…604800 seconds)"]),
        .init(name: "entry attempts out of range", yaml: "defaults:\n  max_entry_attempts: 0\n" + head + "  - id: a\n    url: https://example.com/f\n    section: it\n",
              expected: ["2: defaults.max_entry_attempts: 0 is out of range (use 1…1000)"]),
        .init(name: "missing CA bundle", yaml: "defaults:\n  ca_bundle: no-such-ca.pem\n" + head + "  - id: a\n    url: https://example.com/f\n    section: it\n",
              expected: ["2: defaults.ca_bundle: no readable file at"]),
        .init(name: "missing path file", yaml: head + "  - id: a\n    path: nothing-here.xml\n    section: it\n",
              expected: ["5: sources[0].path: no such file"]),
        .init(name: "sources not a list", yaml: "sources: yes\n", expected: ["1: sources: expected a list"]),
        .init(name: "yaml syntax", yaml: "sources:\n  - id: a\n   url: [\n", expected: ["not valid YAML"]),
        // Fuzz findings (fixtures/fuzz/config): a character YAML refuses named no line.
        .init(name: "control character", yaml: head + "  - id: a\n    url: https://example.com/\u{5}f\n    section: it\n",
              expected: ["5: : not valid YAML: control characters are not allowed U+0005"]),
        .init(name: "control character alone", yaml: "\u{5}", expected: ["1: : not valid YAML: control characters are not allowed"]),
        .init(name: "NUL byte", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n\u{0}  - id: b\n",
              expected: ["7: : not valid YAML: control characters are not allowed U+0000"]),
        .init(name: "duplicate keys", yaml: head + "  - id: a\n    id: b\n    url: https://example.com/f\n    section: it\n", expected: ["duplicate key \"id\""]),
        .init(name: "every problem reported", yaml: head + "  - id: a\n    url: ftp://x/\n    section: it\n  - id: b\n    url: https://example.com/\n    section: nope\n    typee: rss\n",
              expected: ["5: sources[0].url", "9: sources[1].section", "10: sources[1].typee"]),
        .init(name: "header injection", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    headers:\n      Host: other.example\n",
              expected: ["8: sources[0].headers.Host: is set by the fetcher"]),
        .init(name: "CRLF in header value", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\n    headers:\n      X-A: \"v\\r\\nHost: other\"\n",
              expected: ["8: sources[0].headers.X-A: expected one line of text"]),
        .init(name: "classify rule unknown section", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\nclassify:\n  rules:\n    - host: example.com\n      section: games\n",
              expected: ["10: classify.rules[0].section: unknown section \"games\""]),
        .init(name: "signed proxy without sig", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: it\nsanitize:\n  signed_proxy:\n    template: https://img.example.com/{url}\n",
              expected: ["9: sanitize.signed_proxy.template: must contain {sig}"]),
    ]

    @Test(arguments: badCases)
    func reportsProblemsWithLines(_ c: BadCase) throws {
        let dir = Fixtures.url("config").path
        do {
            _ = try FeedsConfig.parse(yaml: c.yaml, file: "feeds.yaml", directory: dir)
            Issue.record("expected problems for \(c.name)")
        } catch {
            let got = error.problems.map { "\($0.line): \($0.field): \($0.message)" }
            for e in c.expected {
                let parts = e.components(separatedBy: ": ")
                let matched: Bool
                if parts.count >= 3, Int(parts[0]) != nil {
                    let place = parts[0] + ": " + parts[1] + ": "
                    let fragment = parts[2...].joined(separator: ": ")
                    matched = got.contains { $0.hasPrefix(place) && $0.contains(fragment) }
                } else {
                    matched = got.contains { $0.contains(e) }
                }
                #expect(matched, "expected \(e) in \(got)")
            }
            #expect(got.count == c.expected.count, "got \(got)")
            #expect(error.problems.allSatisfy { $0.description.hasPrefix("feeds.yaml:") })
        }
    }

    @Test func problemDescriptionFormat() {
        let p = ConfigProblem(file: "feeds.yaml", line: 14, field: "sources[2].url", message: "not an http(s) URL")
        #expect(p.description == "feeds.yaml:14: sources[2].url: not an http(s) URL")
    }
}
