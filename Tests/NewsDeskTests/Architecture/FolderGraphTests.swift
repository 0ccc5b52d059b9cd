import Foundation
import Testing

/// The folders of `Sources/NewsDesk` are the stages; the design holds only while they depend on each other in one
/// direction. These tests read the sources: a folder depends on another when it names a type declared there
/// (top-level `struct`/`enum`/`class`/`protocol`/`actor`/`typealias`), comments and string literals left out.
@Suite("architecture: folder graph and C imports")
struct FolderGraphTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let library = repository.appendingPathComponent("Sources/NewsDesk")

    /// Every `.swift` file under `dir`, with its text.
    static func files(under dir: URL) -> [(path: String, text: String)] {
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [(String, String)] = []
        while let name = walker.nextObject() as? String {
            guard name.hasSuffix(".swift"), let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            out.append((name, text))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The text without `//` comments and string literals (so a doc comment naming a type is no dependency).
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = Substring(line)
            if let r = l.range(of: "//") { l = l[..<r.lowerBound] }
            out += l.replacing(/"(?:[^"\\]|\\.)*"/, with: "\"\"") + "\n"
        }
        return out
    }

    /// folder → the folders it names types of, with those names.
    static func graph() -> [String: [String: Set<String>]] {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: library.path)) ?? [])
            .filter { $0 != "Resources" && !$0.hasPrefix(".") }.sorted()
        var code: [String: String] = [:]
        var owner: [String: String] = [:]
        let declaration = /(?m)^(?:@\w+\s+)*(?:(?:public|internal|private|fileprivate|package|final|nonisolated)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)/
        for folder in folders {
            let text = files(under: library.appendingPathComponent(folder)).map { Self.code($0.text) }.joined(separator: "\n")
            code[folder] = text
            for m in text.matches(of: declaration) where owner[String(m.1)] == nil { owner[String(m.1)] = folder }
        }
        var edges: [String: [String: Set<String>]] = [:]
        for folder in folders {
            edges[folder] = [:]
            for m in (code[folder] ?? "").matches(of: /\b[A-Z]\w*\b/) {
                let name = String(m.0)
                if let other = owner[name], other != folder { edges[folder, default: [:]][other, default: []].insert(name) }
            }
        }
        return edges
    }

    /// A cycle in the folder graph, as `A → B → A`, or nil.
    static func cycle(_ edges: [String: [String: Set<String>]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        var path: [String] = []
        func visit(_ v: String) -> [String]? {
            state[v] = 1
            path.append(v)
            for w in (edges[v] ?? [:]).keys.sorted() {
                if state[w] == 1, let start = path.firstIndex(of: w) { return Array(path[start...]) + [w] }
                if state[w] == nil, let c = visit(w) { return c }
            }
            path.removeLast()
            state[v] = 2
            return nil
        }
        for v in edges.keys.sorted() where state[v] == nil { if let c = visit(v) { return c } }
        return nil
    }

    @Test func folderGraphHasNoLoops() {
        let edges = Self.graph()
        #expect(edges.count >= 10, "read \(edges.count) folders from \(Self.library.path)")
        if let c = Self.cycle(edges) {
            let why = zip(c, c.dropFirst()).map { "\($0) → \($1) (\(edges[$0]?[$1]?.sorted().prefix(4).joined(separator: ", ") ?? ""))" }
            Issue.record("folder loop: \(why.joined(separator: "; "))")
        }
    }

    /// The checker finds a loop when there is one (a graph with HTML ↔ Sanitize, as before issue 15).
    @Test func checkerFindsALoop() {
        let edges: [String: [String: Set<String>]] = ["HTML": ["Sanitize": ["SWAR"], "Util": ["UTF8Lead"]], "Sanitize": ["HTML": ["HTMLNode"]], "Util": [:]]
        #expect(Self.cycle(edges) == ["HTML", "Sanitize", "HTML"])
        #expect(Self.cycle(["A": ["B": ["X"]], "B": [:]]) == nil)
    }

    struct ImportRule: Sendable, CustomTestStringConvertible {
        let module: String
        let folder: String
        var testDescription: String { "\(module) only in \(folder)/" }
    }

    /// The C libraries stay behind their small safe wrappers.
    @Test(arguments: [ImportRule(module: "CLibXML2", folder: "Sources/NewsDesk/HTML"), ImportRule(module: "CCurl", folder: "Sources/NewsDesk/Fetch")])
    func cModuleImportedOnlyByItsWrapper(_ rule: ImportRule) {
        let sources = Self.repository.appendingPathComponent("Sources")
        let importers = Self.files(under: sources).filter { file in
            file.text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).range(of: "^(@\\w+ )*((public|internal|package|private|fileprivate) )?import \(rule.module)$", options: .regularExpression) != nil }
        }.map { "Sources/" + $0.path }
        #expect(!importers.isEmpty, "no file imports \(rule.module)")
        #expect(importers.allSatisfy { $0.hasPrefix(rule.folder + "/") }, "\(importers)")
    }
}
