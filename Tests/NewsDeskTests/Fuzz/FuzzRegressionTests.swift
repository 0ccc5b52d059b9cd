import Foundation
import Testing
import NewsDesk
import TestSupport

/// Replays what the fuzzers found (`fixtures/fuzz/<target>/`, raw fuzz inputs) and the seed corpora built from
/// `fixtures/` through the same property checks the fuzz driver runs (TestSupport/Fuzz, docs/fuzzing.md).
@Suite("Fuzz findings and seeds")
struct FuzzRegressionTests {
    struct Saved: Sendable, CustomTestStringConvertible {
        let target: FuzzTarget
        let file: URL
        var testDescription: String { "\(target.rawValue)/\(file.lastPathComponent)" }
    }

    static let findings: [Saved] = FuzzTarget.allCases.flatMap { t -> [Saved] in
        let dir = Fixtures.url("fuzz/\(t.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { Saved(target: t, file: dir.appendingPathComponent($0)) }
    }

    @Test("every saved finding passes its target's checks", arguments: findings)
    func savedFinding(_ saved: Saved) throws {
        let bytes = [UInt8](try Data(contentsOf: saved.file))
        let violations = saved.target.check(bytes)
        #expect(violations.isEmpty, "\(saved.testDescription): \(violations.joined(separator: "; "))")
    }

    @Test("every seed built from fixtures/ passes its target's checks", arguments: FuzzTarget.allCases)
    func seeds(_ target: FuzzTarget) {
        let seeds = FuzzSeeds.seeds(for: target, shared: nil)
        #expect(!seeds.isEmpty)
        for s in seeds {
            let violations = target.check(s.bytes)
            #expect(violations.isEmpty, "\(target.rawValue)/\(s.name): \(violations.joined(separator: "; "))")
        }
    }
}

/// The checks themselves must catch what they look for: each row is output the sanitizer must never produce.
@Suite("Fuzz property checks catch violations")
struct FuzzPropertyCheckTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String, html: String, expected: String
        init(_ name: String, _ html: String, _ expected: String) { self.name = name; self.html = html; self.expected = expected }
        var testDescription: String { name }
    }

    static let rel = "rel=\"noopener noreferrer nofollow\""
    static let bad: [Row] = [
        Row("script element", "<script>alert(1)</script>", "never-allowed element <script>"),
        Row("handler attribute", "<p onclick=\"x()\">t</p>", "keeps handler onclick"),
        Row("style attribute", "<p style=\"x\">t</p>", "keeps forbidden style"),
        Row("tracking attribute", "<p data-tiara-layer=\"x\">t</p>", "keeps tracking attribute data-tiara-layer"),
        Row("javascript link", "<a href=\"javascript:alert(1)\" \(rel)>x</a>", "has scheme javascript"),
        Row("javascript link with tab", "<a href=\"java\tscript:alert(1)\" \(rel)>x</a>", "has scheme javascript"),
        Row("data image", "<img src=\"data:image/png;base64,AAAA\">", "has scheme data"),
        Row("link without rel", "<a href=\"https://a.example/\">x</a>", "link without rel"),
        Row("tracking parameter", "<a href=\"https://a.example/?utm_source=x\" \(rel)>x</a>", "keeps tracking parameter utm_source"),
        Row("tracking pixel", "<img src=\"https://a.example/p.gif\" width=\"1\" height=\"1\">", "tracking pixel kept"),
        Row("comment", "<!-- x --><p>t</p>", "not in canonical form"),
        Row("unquoted attribute", "<p title=x>t</p>", "not in canonical form"),
        Row("numeric entity", "<p>&#60;</p>", "not in canonical form"),
        Row("raw greater-than", "<p>a > b</p>", "not in canonical form"),
        Row("nested paragraphs", "<p>a<p>b</p></p>", "not idempotent"),
    ]

    @Test("sanitizer output checks", arguments: bad)
    func sanitizerCheck(_ row: Row) {
        let found = SanitizeProperties.check(output: row.html, sanitizer: Sanitizer(), baseURL: nil)
        #expect(found.contains { $0.contains(row.expected) }, "\(row.name): \(found)")
    }

    @Test func cleanOutputPasses() {
        let ok = "<p>a &amp; b</p><p><a href=\"https://a.example/x\" \(Self.rel)>l</a><img src=\"https://a.example/i.jpg\" alt=\"i\"></p>"
        #expect(SanitizeProperties.check(output: ok, sanitizer: Sanitizer(), baseURL: nil) == [])
    }
}
