import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Issue 13's rows for `newsdesk sanitize` and `newsdesk extract`, run through the built executable: one decoding path
/// for every command, binaries refused the same way, and a batch that reports a bad file and goes on.
@Suite("Decoding in the sanitize and extract commands", .serialized)
struct DecodeCLITests {
    static func tempDir() throws -> URL { try Site.tempDir() }

    @Test func sanitizeHonoursMetaCharsetLikeExtract() throws {
        // Row: "`sanitize fixtures/demo/yna/view/*.html` (an EUC-KR page with <meta charset>): mojibake on 8 lines".
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let file = Fixtures.url("demo/yna/view/AKR20251129000300017.html").path
        let (code, out, err) = try CLI.run(["sanitize", file])
        #expect(code == 0, "\(err)")
        #expect(!out.contains("\u{FFFD}"), "\(out)")
        #expect(out.contains("도서관 야간 개방 시범 운영"), "\(out)")
        // An explicit --charset still wins (and a wrong one shows as replacements in --report).
        let (code2, out2, err2) = try CLI.run(["sanitize", "--charset", "utf-8", "--report", file])
        #expect(code2 == 0)
        #expect(out2.contains("\u{FFFD}"))
        #expect(err2.contains("replaced") && err2.contains("mis-decoded"), "\(err2)")
    }

    @Test func extractKeepsTheTextAfterInvalidBytes() throws {
        // Row: "`extract` the same" (108 of 438 characters).
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let (code, out, err) = try CLI.run(["extract", Fixtures.url("decode/euckr-invalid-bytes.html").path, "--format", "text"])
        #expect(code == 0, "\(err)")
        #expect(out.contains(DecodeTruncationTests.last), "\(out)")
    }

    @Test func extractRefusesABinary() throws {
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let elf = dir.appendingPathComponent("ls")
        try Data(ContentCheckTests.elf).write(to: elf)
        let (code, out, err) = try CLI.run(["extract", elf.path])
        #expect(code == 1, "\(out)")
        #expect(err.contains("not an HTML page (application/x-executable)"), "\(err)")
    }

    @Test func sanitizeRefusesClashingOutputNamesBeforeWritingAnything() throws {
        // Row: "`sanitize --out-dir O a/x.html b/x.html`: the second output overwrites the first".
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try Data("<p>\(sub) 본문</p>".utf8).write(to: dir.appendingPathComponent("\(sub)/x.html"))
        }
        let out = dir.appendingPathComponent("O")
        let (code, _, err) = try CLI.run(["sanitize", "--out-dir", out.path, dir.appendingPathComponent("a/x.html").path, dir.appendingPathComponent("b/x.html").path])
        #expect(code != 0)
        #expect(err.contains("a/x.html") && err.contains("b/x.html") && err.contains("x.html"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x.html").path), "nothing is written when names clash")
    }

    @Test func aBadFileInABatchIsReportedAndSkippedWhileTheRestAreWritten() throws {
        // Row: "`sanitize --out-dir O` over 2,000 files, the 17th holding a NUL byte in its first 8 KB: the whole batch
        // stops there (a NUL after 8 KB passes)". 40 files here: the 17th has a NUL in its text, the 5th one after 8 KB,
        // the 25th is a PNG, the 30th does not exist.
        guard CLI.executable != nil else { Issue.record("newsdesk executable not built"); return }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let filler = String(repeating: "<p>가나다라 마바사 아자차카 타파하 문단입니다.</p>\n", count: 200)  // ~12 KB
        var files: [String] = []
        for i in 1...40 {
            let path = dir.appendingPathComponent(String(format: "page%02d.html", i)).path
            files.append(path)
            var bytes = Array("<html><body><p>문서 \(i) 시작</p>\(filler)<p>문서 \(i) 끝</p></body></html>".utf8)
            switch i {
            case 17: bytes.insert(0, at: 38)  // "<p>\0가나…": inside the first paragraph's text
            case 5: bytes.insert(0, at: bytes[9000...].firstIndex(of: UInt8(ascii: "<")) ?? 9000)
            case 25: bytes = ContentCheckTests.png + [UInt8](repeating: 0, count: 64)
            case 30: continue
            default: break
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let out = dir.appendingPathComponent("O")
        let (code, _, err) = try CLI.run(["sanitize", "--out-dir", out.path] + files)
        #expect(code == 1, "\(err)")
        #expect(err.contains("page25.html") && err.contains("not an HTML page (image/png)"), "\(err)")
        #expect(err.contains("page30.html"), "\(err)")
        #expect(err.contains("2 of 40 files failed"), "\(err)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") }
        #expect(written.count == 38, "\(written.sorted())")
        let seventeenth = try String(contentsOf: out.appendingPathComponent("page17.html"), encoding: .utf8)
        #expect(seventeenth.contains("문서 17 끝"), "the text after the NUL is kept")
        #expect(seventeenth.contains("\u{FFFD}"), "the NUL is replaced, as browsers do")
        #expect(try String(contentsOf: out.appendingPathComponent("page40.html"), encoding: .utf8).contains("문서 40 끝"))
    }
}
