import Testing
@testable import NewsDesk

/// One sanitizer vector: the input, and either the exact output or fragments that must / must not appear.
struct SanitizeCase: Sendable, CustomTestStringConvertible {
    let id: String
    let input: String
    var base: String? = "https://news.example.com/2024/article.html"
    var expected: String? = nil
    var contains: [String] = []
    var excludes: [String] = []
    var testDescription: String { id }

    init(_ id: String, _ input: String, _ expected: String) {
        self.id = id; self.input = input; self.expected = expected
    }

    init(_ id: String, _ input: String, base: String? = "https://news.example.com/2024/article.html",
         contains: [String] = [], excludes: [String] = []) {
        self.id = id; self.input = input; self.base = base; self.contains = contains; self.excludes = excludes
    }

    func check(with sanitizer: Sanitizer = Sanitizer()) {
        let out = sanitizer.sanitize(html: input, baseURL: base).html
        if let expected { #expect(out == expected, "\(id)") }
        for c in contains { #expect(out.contains(c), "\(id): missing \(c) in \(out)") }
        for e in excludes { #expect(!out.lowercased().contains(e.lowercased()), "\(id): \(e) survived in \(out)") }
        // Every vector is also an idempotence check.
        #expect(sanitizer.sanitize(html: out, baseURL: base).html == out, "\(id): not idempotent")
    }
}
