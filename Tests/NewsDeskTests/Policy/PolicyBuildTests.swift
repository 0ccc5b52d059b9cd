import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Every kind of invalid feeds.yaml, fed to the loader every command uses (`Policy.load`), to `newsdesk feeds check`
/// and to `newsdesk ingest`: the same `file:line: field: message` problems from each, so `feeds check` can never pass
/// a file `ingest` rejects. Rows marked "was run time" were checked only when `ingest` built its pipeline (the
/// sanitizer policy, the signed proxy's key) or fetched (`allow_networks`), without a line.
@Suite("policy build: feeds check = ingest loader", .serialized)
struct PolicyBuildTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        /// Expected problems as `line: field: message fragment`, every one of them, in file order.
        let expected: [String]
        var environment: [String: String] = [:]
        var testDescription: String { name }
    }

    static let head = "sections:\n  it: IT\n  sports: 스포츠\nsources:\n"
    /// One valid source on lines 5–7; what a row adds starts on line 8.
    static let one = head + "  - id: a\n    url: https://example.com/f\n    section: it\n"
    static func source(_ extra: String) -> String { one + extra }
    static func sanitize(_ block: String) -> String { one + "sanitize:\n" + block }
    static func classify(_ block: String) -> String { one + "classify:\n" + block }
    static func defaults(_ block: String) -> String { "defaults:\n" + block + one }

    /// Never safe in an article body (the sanitizer's `neverAllowedTags` and default remove-with-content tags).
    static let unsafeTags = ["script", "style", "iframe", "svg", "math", "form", "object", "embed", "template", "textarea",
                             "noscript", "meta", "link", "base", "audio", "canvas", "button", "dialog"]

    static let rows: [Row] = unsafeTags.map { tag in
        Row(name: "allow_tags: \(tag) (was run time)", yaml: sanitize("  allow_tags: [b, \(tag)]\n"),
            expected: ["9: sanitize.allow_tags[1]: \"\(tag)\" is never safe"])
    } + [
        // The sanitizer's rules, checked by `Policy.build` (were `SanitizePolicy.applying` in `Pipeline.init`).
        Row(name: "allow_tags: not a tag name (was run time)", yaml: sanitize("  allow_tags:\n    - \"h1!\"\n    - my tag\n"),
            expected: ["10: sanitize.allow_tags[0]: \"h1!\" is not a tag name", "11: sanitize.allow_tags[1]: \"my tag\" is not a tag name"]),
        Row(name: "allow_tags: Hangul name (was run time)", yaml: sanitize("  allow_tags: [강조]\n"),
            expected: ["9: sanitize.allow_tags[0]: \"강조\" is not a tag name"]),
        Row(name: "proxy rule: parameter and path_embedded (was run time)",
            yaml: sanitize("  image_proxy_rules:\n    - name: p\n      hosts: [img.example.com]\n      parameter: src\n      path_embedded: true\n"),
            expected: ["13: sanitize.image_proxy_rules[0].path_embedded: set either parameter or path_embedded"]),
        Row(name: "signed proxy: key variable unset (was run time)",
            yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{sig}/{url_b64}\n    key_env: NEWSDESK_TEST_ABSENT_KEY\n"),
            expected: ["11: sanitize.signed_proxy.key_env: needs its key in the environment variable NEWSDESK_TEST_ABSENT_KEY"]),
        Row(name: "signed proxy: default key variable unset (was run time)",
            yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{sig}/{url}\n"),
            expected: ["10: sanitize.signed_proxy.key_env: needs its key in the environment variable NEWSDESK_IMAGE_PROXY_KEY"],
            environment: ["NEWSDESK_IMAGE_PROXY_KEY": ""]),
        Row(name: "signed proxy: empty key (was run time)",
            yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{sig}/{url_hex}\n    key_env: NEWSDESK_TEST_EMPTY_KEY\n"),
            expected: ["11: sanitize.signed_proxy.key_env: NEWSDESK_TEST_EMPTY_KEY"], environment: ["NEWSDESK_TEST_EMPTY_KEY": ""]),
        Row(name: "several run-time rules at once (was run time)",
            yaml: sanitize("  allow_tags: [script, style]\n  image_proxy_rules:\n    - name: p\n      hosts: [img.example.com]\n      parameter: u\n      path_embedded: true\n"),
            expected: ["9: sanitize.allow_tags[0]: \"script\"", "9: sanitize.allow_tags[1]: \"style\"",
                       "14: sanitize.image_proxy_rules[0].path_embedded: set either"]),
        // allow_networks: parsed once at load (the fetcher re-parsed them on every request and could throw).
        Row(name: "allow_networks: prefix too long (was run time)", yaml: source("    allow_networks: [127.0.0.1/33]\n"),
            expected: ["8: sources[0].allow_networks[0]: prefix length must be 0…32"]),
        Row(name: "allow_networks: host bits (was run time)", yaml: source("    allow_networks: [10.1.2.3/8]\n"),
            expected: ["8: sources[0].allow_networks[0]: host bits are set (did you mean 10.0.0.0/8?)"]),
        Row(name: "allow_networks: not an address (was run time)", yaml: source("    allow_networks:\n      - intranet\n      - ::1/129\n"),
            expected: ["9: sources[0].allow_networks[0]: not an IP address", "10: sources[0].allow_networks[1]: prefix length must be 0…128"]),
        Row(name: "allow_networks: not a list", yaml: source("    allow_networks: {a: 1}\n"),
            expected: ["8: sources[0].allow_networks: expected a list"]),
        // The file.
        Row(name: "empty file", yaml: "", expected: ["the file is empty"]),
        Row(name: "yaml syntax", yaml: "sources:\n  - id: a\n   url: [\n", expected: ["not valid YAML"]),
        Row(name: "duplicate keys", yaml: head + "  - id: a\n    id: b\n    url: https://example.com/f\n    section: it\n", expected: ["duplicate key \"id\""]),
        Row(name: "control character", yaml: head + "  - id: a\n    url: https://example.com/\u{5}f\n    section: it\n",
            expected: ["6: : not valid YAML: control characters are not allowed"]),
        Row(name: "top level a list", yaml: "- a\n- b\n", expected: ["1: : expected a mapping"]),
        Row(name: "unknown top key", yaml: "sourcez: []\n" + head + "  - id: a\n    url: https://example.com/f\n    section: it\n",
            expected: ["1: sourcez: unknown key \"sourcez\" (did you mean \"sources\"?)"]),
        Row(name: "sources missing", yaml: "sections:\n  it: IT\n", expected: ["1: sources: missing"]),
        Row(name: "sources empty", yaml: "sources: []\n", expected: ["1: sources: the list is empty"]),
        Row(name: "sources not a list", yaml: "sources: yes\n", expected: ["1: sources: expected a list"]),
        // sections:
        Row(name: "sections not a mapping", yaml: "sections: [it]\nsources:\n  - id: a\n    url: https://example.com/f\n    mixed: true\n",
            expected: ["1: sections: expected `id: display name` lines"]),
        Row(name: "section id not a word", yaml: "sections:\n  \"it news\": IT\nsources:\n  - id: a\n    url: https://example.com/f\n    mixed: true\n",
            expected: ["2: sections: section id \"it news\" must be a word"]),
        Row(name: "section without a name", yaml: "sections:\n  it:\nsources:\n  - id: a\n    url: https://example.com/f\n    mixed: true\n",
            expected: ["2: sections.it: expected a display name"]),
        Row(name: "sections empty", yaml: "sections: {}\nsources:\n  - id: a\n    url: https://example.com/f\n    mixed: true\n",
            expected: ["1: sections: is empty"]),
        // defaults:
        Row(name: "defaults: unknown key", yaml: defaults("  intervall: 900\n"), expected: ["2: defaults.intervall: unknown key \"intervall\" (did you mean \"interval\"?)"]),
        Row(name: "defaults: interval too short", yaml: defaults("  interval: 5\n"), expected: ["2: defaults.interval: 5 is out of range (use 60…604800 seconds)"]),
        Row(name: "defaults: timeout not a number", yaml: defaults("  connect_timeout: fast\n"),
            expected: ["2: defaults.connect_timeout: expected a number of seconds, found \"fast\""]),
        Row(name: "defaults: total shorter than connect", yaml: defaults("  connect_timeout: 20\n  total_timeout: 10\n"),
            expected: ["3: defaults.total_timeout: is shorter than connect_timeout"]),
        Row(name: "defaults: body cap too small", yaml: defaults("  max_body_bytes: 10\n"), expected: ["2: defaults.max_body_bytes: 10 is out of range"]),
        Row(name: "defaults: items per run", yaml: defaults("  max_items_per_run: 0\n"), expected: ["2: defaults.max_items_per_run: 0 is out of range"]),
        Row(name: "defaults: entry attempts", yaml: defaults("  max_entry_attempts: 0\n"), expected: ["2: defaults.max_entry_attempts: 0 is out of range (use 1…1000)"]),
        Row(name: "defaults: per host concurrency", yaml: defaults("  per_host_concurrency: 0\n"), expected: ["2: defaults.per_host_concurrency: 0 is out of range (use 1…16)"]),
        Row(name: "defaults: concurrency", yaml: defaults("  concurrency: 1000\n"), expected: ["2: defaults.concurrency: 1000 is out of range"]),
        Row(name: "defaults: politeness delay negative", yaml: defaults("  politeness_delay: -1\n"), expected: ["2: defaults.politeness_delay: -1 is out of range"]),
        Row(name: "defaults: low speed time", yaml: defaults("  low_speed_time: 0\n"), expected: ["2: defaults.low_speed_time: 0 is out of range"]),
        Row(name: "defaults: low speed limit", yaml: defaults("  low_speed_limit: -5\n"), expected: ["2: defaults.low_speed_limit: -5 is out of range"]),
        Row(name: "defaults: obey_robots not a bool", yaml: defaults("  obey_robots: maybe\n"), expected: ["2: defaults.obey_robots:"]),
        Row(name: "defaults: user agent two lines", yaml: defaults("  user_agent: \"a\\nb\"\n"), expected: ["2: defaults.user_agent: must be one line"]),
        Row(name: "defaults: unknown time zone", yaml: defaults("  timezone: Mars/Olympus\n"), expected: ["2: defaults.timezone: unknown time zone \"Mars/Olympus\""]),
        Row(name: "defaults: missing CA bundle", yaml: defaults("  ca_bundle: no-such-ca.pem\n"), expected: ["2: defaults.ca_bundle: no readable file at"]),
        Row(name: "defaults: not a mapping", yaml: "defaults: [1]\n" + one, expected: ["1: defaults: expected a mapping"]),
        // sources:
        Row(name: "source: ftp url", yaml: head + "  - id: a\n    url: ftp://example.com/feed\n    section: it\n", expected: ["6: sources[0].url: not an http(s) URL"]),
        Row(name: "source: relative url", yaml: head + "  - id: a\n    url: /feed.xml\n    section: it\n", expected: ["6: sources[0].url: not an http(s) URL"]),
        Row(name: "source: url without host", yaml: head + "  - id: a\n    url: \"https://\"\n    section: it\n", expected: ["6: sources[0].url: not an http(s) URL"]),
        Row(name: "source: url and path", yaml: head + "  - id: a\n    url: https://example.com/f\n    path: x.xml\n    section: it\n",
            expected: ["7: sources[0].path: either `url:` or `path:`"]),
        Row(name: "source: neither url nor path", yaml: head + "  - id: a\n    section: it\n", expected: ["5: sources[0].url: missing"]),
        Row(name: "source: missing path file", yaml: head + "  - id: a\n    path: nothing-here.xml\n    section: it\n", expected: ["6: sources[0].path: no such file"]),
        Row(name: "source: missing id", yaml: head + "  - url: https://example.com/f\n    section: it\n", expected: ["5: sources[0].id: missing"]),
        Row(name: "source: id not a word", yaml: head + "  - id: \"a b\"\n    url: https://example.com/f\n    section: it\n",
            expected: ["5: sources[0].id: \"a b\" must be a word"]),
        Row(name: "source: duplicate ids", yaml: one + "  - id: a\n    url: https://example.com/2\n    section: it\n",
            expected: ["8: sources[1].id: duplicate id \"a\""]),
        Row(name: "source: not a mapping", yaml: head + "  - https://example.com/f\n", expected: ["5: sources[0]: expected a mapping"]),
        Row(name: "source: unknown key", yaml: source("    alow_networks: [127.0.0.1/32]\n"),
            expected: ["8: sources[0].alow_networks: unknown key \"alow_networks\" (did you mean \"allow_networks\"?)"]),
        Row(name: "source: unknown type", yaml: source("    type: rdf\n"), expected: ["8: sources[0].type: unknown type \"rdf\""]),
        Row(name: "source: unknown section", yaml: head + "  - id: a\n    url: https://example.com/f\n    section: games\n",
            expected: ["7: sources[0].section: unknown section \"games\""]),
        Row(name: "source: no section nor mixed", yaml: head + "  - id: a\n    url: https://example.com/f\n", expected: ["5: sources[0].section: missing"]),
        Row(name: "source: mixed and section", yaml: source("    mixed: true\n"), expected: ["8: sources[0].mixed: contradict"]),
        Row(name: "source: mixed not a bool", yaml: head + "  - id: a\n    url: https://example.com/f\n    mixed: sometimes\n",
            expected: ["7: sources[0].mixed:", "5: sources[0].section: missing"]),
        Row(name: "source: unknown charset", yaml: source("    charset: klingon-8\n"), expected: ["8: sources[0].charset: unknown charset \"klingon-8\""]),
        Row(name: "source: interval too short", yaml: source("    interval: 10\n"), expected: ["8: sources[0].interval: 10 is out of range"]),
        Row(name: "source: max_items zero", yaml: source("    max_items: 0\n"), expected: ["8: sources[0].max_items: 0 is out of range"]),
        Row(name: "source: obey_robots text", yaml: source("    obey_robots: sure\n"), expected: ["8: sources[0].obey_robots:"]),
        Row(name: "source: base_url on a url source", yaml: source("    base_url: https://example.com/\n"), expected: ["8: sources[0].base_url: only for `path:` sources"]),
        Row(name: "source: base_url not http", yaml: source("    base_url: ftp://example.com/\n"), expected: ["8: sources[0].base_url: not an http(s) URL"]),
        Row(name: "source: headers not a mapping", yaml: source("    headers: [a]\n"), expected: ["8: sources[0].headers: expected `Header-Name: value` lines"]),
        Row(name: "source: header Host", yaml: source("    headers:\n      Host: other.example\n"), expected: ["9: sources[0].headers.Host: is set by the fetcher"]),
        Row(name: "source: header name with space", yaml: source("    headers:\n      \"X Bad\": 1\n"), expected: ["9: sources[0].headers: \"X Bad\" is not a valid header name"]),
        Row(name: "source: CRLF in header value", yaml: source("    headers:\n      X-A: \"v\\r\\nHost: other\"\n"),
            expected: ["9: sources[0].headers.X-A: expected one line of text"]),
        Row(name: "source: html without links", yaml: source("    type: html\n"), expected: ["8: sources[0].site.links: missing"]),
        Row(name: "source: bad site selector", yaml: source("    site:\n      content: \"div[\"\n"), expected: ["9: sources[0].site.content:"]),
        Row(name: "source: bad remove selector", yaml: source("    site:\n      remove: [\"p[\"]\n"), expected: ["9: sources[0].site.remove[0]:"]),
        Row(name: "source: site not a mapping", yaml: source("    site: yes\n"), expected: ["8: sources[0].site: expected a mapping"]),
        // sites:
        Row(name: "site rule without hosts", yaml: one + "sites:\n  - content: article\n", expected: ["9: sites[0].hosts: missing"]),
        Row(name: "site rule bad selector", yaml: one + "sites:\n  - hosts: [example.com]\n    title: \"h1[\"\n", expected: ["10: sites[0].title:"]),
        Row(name: "site rule unknown key", yaml: one + "sites:\n  - hosts: [example.com]\n    body: article\n",
            expected: ["10: sites[0].body: unknown key \"body\""]),
        // sanitize: (checked while reading)
        Row(name: "sanitize: unknown key", yaml: sanitize("  allow_tag: [b]\n"), expected: ["9: sanitize.allow_tag: unknown key \"allow_tag\" (did you mean \"allow_tags\"?)"]),
        Row(name: "sanitize: tag allowed and removed", yaml: sanitize("  allow_tags: [mark]\n  remove_tags: [mark]\n"),
            expected: ["10: sanitize.remove_tags: \"mark\" is also in allow_tags"]),
        Row(name: "proxy rule: no hosts", yaml: sanitize("  image_proxy_rules:\n    - name: p\n      parameter: u\n"),
            expected: ["10: sanitize.image_proxy_rules[0].hosts: missing"]),
        Row(name: "proxy rule: no name", yaml: sanitize("  image_proxy_rules:\n    - hosts: [img.example.com]\n      parameter: u\n"),
            expected: ["10: sanitize.image_proxy_rules[0].name: missing"]),
        Row(name: "proxy rule: neither parameter nor path_embedded", yaml: sanitize("  image_proxy_rules:\n    - name: p\n      hosts: [img.example.com]\n"),
            expected: ["10: sanitize.image_proxy_rules[0].parameter: missing"]),
        Row(name: "proxy rule: path_prefix without slash", yaml: sanitize("  image_proxy_rules:\n    - name: p\n      hosts: [img.example.com]\n      parameter: u\n      path_prefix: img\n"),
            expected: ["13: sanitize.image_proxy_rules[0].path_prefix: must start with /"]),
        Row(name: "signed proxy: no template", yaml: sanitize("  signed_proxy:\n    key_env: K\n"), expected: ["10: sanitize.signed_proxy.template: missing"]),
        Row(name: "signed proxy: template without sig", yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{url}\n"),
            expected: ["10: sanitize.signed_proxy.template: must contain {sig}"]),
        Row(name: "signed proxy: template not http", yaml: sanitize("  signed_proxy:\n    template: ftp://img.example.com/{sig}/{url}\n"),
            expected: ["10: sanitize.signed_proxy.template: must be an http(s) URL template"]),
        Row(name: "signed proxy: key in the file", yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{sig}/{url}\n    key_env: \"s3cr3t key!\"\n"),
            expected: ["11: sanitize.signed_proxy.key_env: must be an environment variable name"]),
        Row(name: "signed proxy: unknown encoding", yaml: sanitize("  signed_proxy:\n    template: https://img.example.com/{sig}/{url}\n    signature_encoding: base32\n"),
            expected: ["11: sanitize.signed_proxy.signature_encoding: unknown encoding \"base32\""]),
        // classify:
        Row(name: "classify: threshold above 1", yaml: classify("  threshold: 1.5\n"), expected: ["9: classify.threshold: 1.5 is out of range"]),
        Row(name: "classify: unknown default section", yaml: classify("  default_section: games\n"), expected: ["9: classify.default_section: unknown section \"games\""]),
        Row(name: "classify: missing model file", yaml: classify("  model: no-such-model.bin\n"), expected: ["9: classify.model: no such file"]),
        Row(name: "classify: rule matches nothing", yaml: classify("  rules:\n    - section: it\n"), expected: ["10: classify.rules[0]: matches nothing"]),
        Row(name: "classify: rule query without =", yaml: classify("  rules:\n    - query: sid1\n      section: it\n"), expected: ["10: classify.rules[0].query: expected `name=value`"]),
        Row(name: "classify: rule path without slash", yaml: classify("  rules:\n    - path_prefix: sports\n      section: sports\n"),
            expected: ["10: classify.rules[0].path_prefix: must start with /"]),
        Row(name: "classify: rule unknown section", yaml: classify("  rules:\n    - host: example.com\n      section: games\n"),
            expected: ["11: classify.rules[0].section: unknown section \"games\""]),
        Row(name: "classify: rule without section", yaml: classify("  rules:\n    - host: example.com\n"), expected: ["10: classify.rules[0].section: missing"]),
        // Every problem in one file, read and build alike.
        Row(name: "every problem reported", yaml: head + "  - id: a\n    url: ftp://x/\n    section: it\n  - id: b\n    url: https://example.com/\n    section: nope\n    typee: rss\n",
            expected: ["6: sources[0].url", "10: sources[1].section", "11: sources[1].typee"]),
    ]

    /// A folder with the row's feeds.yaml.
    static func write(_ row: Row) throws -> (dir: URL, file: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("feeds.yaml").path
        try Data(row.yaml.utf8).write(to: URL(fileURLWithPath: file))
        return (dir, file)
    }

    /// Runs the built executable in `dir` with `environment` added: (exit code, stderr lines).
    static func run(_ args: [String], in dir: URL, environment: [String: String]) throws -> (Int32, [String]) {
        let r = try CLI.run(args, cwd: dir, environment: environment, removing: ["NEWSDESK_TEST_ABSENT_KEY"])
        return (r.code, r.err.split(separator: "\n").map(String.init))
    }

    @Test(arguments: rows)
    func sameProblemsFromEveryEntryPoint(_ row: Row) throws {
        let (dir, file) = try Self.write(row)
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["NEWSDESK_TEST_ABSENT_KEY"] = nil
        for (k, v) in row.environment { environment[k] = v }

        // The loader `ingest`, `reimport`, `extract --config`, … call.
        let loaded: [String]
        do throws(ConfigError) {
            _ = try Policy.load(path: file, environment: environment)
            Issue.record("Policy.load accepted \(row.name)")
            return
        } catch {
            loaded = error.problems.map(\.description)
        }
        #expect(loaded.allSatisfy { $0.hasPrefix(file) }, "\(loaded)")
        let got = loaded.map { String($0.dropFirst(file.count + 1)) }
        for e in row.expected {
            let parts = e.components(separatedBy: ": ")
            if parts.count >= 3, Int(parts[0]) != nil {
                // `6: : message`: a problem of the whole line (no field) prints as `6: message`.
                let place = parts[1].isEmpty ? parts[0] + ": " : parts[0] + ": " + parts[1] + ": "
                let fragment = parts[2...].joined(separator: ": ")
                #expect(got.contains { $0.hasPrefix(place) && $0.contains(fragment) }, "expected \(e) in \(got)")
            } else {
                #expect(got.contains { $0.contains(e) }, "expected \(e) in \(got)")
            }
        }
        #expect(got.count == row.expected.count, "got \(got)")

        // `newsdesk feeds check`: every problem on its own line, then a count; exit 3.
        let (checkCode, checkLines) = try Self.run(["feeds", "check", "--config", file], in: dir, environment: row.environment)
        #expect(checkCode == 3)
        #expect(Array(checkLines.dropLast()) == loaded)
        // `newsdesk ingest`: a count, then every problem; exit 3, nothing run.
        let (ingestCode, ingestLines) = try Self.run(["ingest", "--config", file, "--db", dir.appendingPathComponent("news.sqlite").path],
                                                     in: dir, environment: row.environment)
        #expect(ingestCode == 3)
        #expect(Array(ingestLines.dropFirst()) == loaded)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("news.sqlite").path))
    }

    /// The rows cover every rule the build checks that needs a stage's tables (the ones not checked while reading).
    @Test func rowsCoverTheRunTimeRules() {
        let runTime = Self.rows.filter { $0.name.hasSuffix("(was run time)") }
        #expect(runTime.count >= Self.unsafeTags.count + 8)
        #expect(Self.rows.count >= 80)
    }

    /// A valid file builds, and the built value is what the stages use.
    @Test func validFileBuildsOnce() throws {
        let yaml = Self.sanitize("  extra_tracking_parameters: [campaign_id]\n  allow_tags: [mark]\n") + "classify:\n  threshold: 0.7\n  default_section: sports\n"
        let policy = try Policy.parse(yaml: yaml, environment: [:])
        #expect(policy.sanitize.allowedTags["mark"] != nil)
        #expect(policy.urlCleaner.clean("https://example.com/a?campaign_id=1&id=2") == "https://example.com/a?id=2")
        #expect(policy.sections.threshold == 0.7)
        #expect(policy.sections.defaultSection == "sports")
        #expect(policy.config.line(of: "sanitize.allow_tags[0]") == 10)
    }

    /// `charset:` is checked against the decoder's own label table: a Korean label iconv does not know
    /// (`ks_c_5601-1987`, read as CP949 by the decoder) was refused by the loader.
    @Test(arguments: ["ks_c_5601-1987", "x-windows-949", "korean", "euc_kr", "EUC-KR", "utf8", "latin1"])
    func charsetLabelsTheDecoderReads(_ label: String) throws {
        let policy = try Policy.parse(yaml: Self.source("    charset: \(label)\n"), environment: [:])
        #expect(policy.config.sources[0].charset == label)
        #expect(CharsetDecoder.isKnownCharset(label))
    }

    /// One URL cleaner: a tracking parameter the operator added is dropped from body links and from the store's URL
    /// identity alike (the store used the standard table, so `?campaign_id=` split one article into two).
    @Test func storeIdentityUsesThePolicyCleaner() throws {
        let policy = try Policy.parse(yaml: Self.sanitize("  extra_tracking_parameters: [campaign_id]\n"), environment: [:])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ArticleStore(path: dir.appendingPathComponent("news.sqlite").path, cleaner: policy.urlCleaner)
        let tracked = "https://news.example.com/article/7?id=2&campaign_id=spring"
        #expect(store.key(for: tracked) == store.key(for: "https://news.example.com/article/7?id=2"))
        let html = Sanitizer(policy: policy.sanitize).sanitize(html: "<p><a href=\"\(tracked)\">link</a></p>", baseURL: nil).html
        #expect(!html.contains("campaign_id"))
        let standard = try ArticleStore(path: dir.appendingPathComponent("other.sqlite").path)
        #expect(standard.key(for: tracked) != standard.key(for: "https://news.example.com/article/7?id=2"))
    }
}
