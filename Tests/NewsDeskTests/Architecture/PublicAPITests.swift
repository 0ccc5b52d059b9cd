import Foundation
import Testing

/// The library's public surface: internal by default; every public type says what it is for. Read from the sources.
@Suite("architecture: public API")
struct PublicAPITests {
    struct Declaration: Sendable, CustomStringConvertible {
        let place: String
        let text: String
        var description: String { "\(place): \(text)" }
    }

    /// Every `public` type declaration (nested ones too) and whether a `///` comment stands above it (attributes
    /// between are skipped).
    static func publicTypes() -> [(Declaration, documented: Bool)] {
        let library = FolderGraphTests.library
        var out: [(Declaration, Bool)] = []
        for file in FolderGraphTests.files(under: library) {
            let lines = file.text.components(separatedBy: "\n")
            for (i, line) in lines.enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.range(of: "^public (final )?(struct|enum|class|protocol|actor|typealias) ", options: .regularExpression) != nil else { continue }
                var j = i - 1
                while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("@") { j -= 1 }
                let documented = j >= 0 && lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("///")
                out.append((Declaration(place: "\(file.path):\(i + 1)", text: String(t.prefix(80))), documented))
            }
        }
        return out
    }

    @Test func everyPublicTypeHasADocComment() {
        let types = Self.publicTypes()
        #expect(types.count >= 50, "read \(types.count) public types")
        let missing = types.filter { !$0.documented }.map(\.0.description)
        #expect(missing.isEmpty, "public types without a /// comment:\n\(missing.joined(separator: "\n"))")
    }

    /// Records, the libxml2 node and the stage internals are not public: the CLI and an embedding program use
    /// `Policy`, `Pipeline`, `ArticleProcessor`, the stage entry points, `StoredArticle` and the errors.
    @Test(arguments: ["ArticleRecord", "RunRecord", "RunSourceRecord", "RunErrorRecord", "FeedItemRecord", "ArticleURLRecord",
                      "ExportCursorRecord", "ArticleURL", "Fingerprint", "RFC3339", "ByteEncoding", "HMACSHA256", "SHA256Hash",
                      "JSONLRecord", "AtomFormat", "ArticleDocuments", "MarkdownConverter", "FileNames", "LocalSite", "RobotsRules",
                      "AddressPolicy", "SanitizeEngine", "SanitizeState", "CompiledPolicy", "ConfigLoader", "ConfigReader", "CharsetLabels",
                      "SWAR", "UTF8Lead", "BufferedOutput", "SourceFailure"])
    func internalType(_ name: String) {
        let pattern = "public (final )?(struct|enum|class|protocol|actor|typealias) \(name)\\b"
        let found = Self.publicTypes().filter { $0.0.text.range(of: pattern, options: .regularExpression) != nil }
        #expect(found.isEmpty, "\(found.map(\.0.description))")
    }
}
