import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Runs every DOMPurify and bleach payload from ../shared/data/xss through the sanitizer and has
/// scripts/xss_check.py re-parse the output with html5lib. Skips (passes with a note) when ../shared,
/// python3 or html5lib is missing.
@Suite("XSS corpus")
struct XSSCorpusTests {
    struct Outcome { let status: Int32; let stdout: String; let stderr: String }

    static func python(_ args: [String], input: Data? = nil) throws -> Outcome? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        do { try p.run() } catch { return nil }
        // Write stdin and read stdout concurrently enough for our sizes: write first on a thread.
        let writer = Thread {
            if let input { inp.fileHandleForWriting.write(input) }
            try? inp.fileHandleForWriting.close()
        }
        writer.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func nothingExecutableSurvivesHTML5Parsing() throws {
        guard let shared = Fixtures.shared, FileManager.default.fileExists(atPath: shared.appendingPathComponent("data/xss").path) else {
            print("XSS corpus: skipped, ../shared/data/xss is absent"); return
        }
        let script = Fixtures.root.appendingPathComponent("scripts/xss_check.py").path
        guard let listed = try Self.python([script, "payloads", shared.path]) else {
            print("XSS corpus: skipped, python3 is not available"); return
        }
        if listed.status == 2 { print("XSS corpus: skipped, \(listed.stderr)"); return }
        #expect(listed.status == 0, "\(listed.stderr)")
        struct Case: Codable { let id: String; let payload: String; var output: String? }
        var cases = try JSONDecoder().decode([Case].self, from: Data(listed.stdout.utf8))
        #expect(cases.count > 200)
        let s = Sanitizer()
        for i in cases.indices { cases[i].output = s.sanitize(html: cases[i].payload, baseURL: "https://example.com/").html }
        guard let checked = try Self.python([script, "check"], input: try JSONEncoder().encode(cases)) else { return }
        #expect(checked.status == 0, "\(checked.stdout.suffix(4000))")
        #expect(checked.stdout.contains("0 with something executable"))
    }
}
