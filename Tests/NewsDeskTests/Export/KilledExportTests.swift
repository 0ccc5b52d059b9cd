import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// A real kill: `newsdesk export` (the built executable) is SIGKILLed while blocked writing to a pipe nobody
/// reads. The cursor must not have moved, and the next run must write every article. Skips when the
/// executable has not been built (`swift build`).
@Suite struct KilledExportTests {
    static func executable() -> String? {
        for config in ["debug", "release"] {
            let p = Fixtures.root.appendingPathComponent(".build/\(config)/newsdesk").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    @Test func cursorSurvivesAKilledExport() throws {
        guard let exe = Self.executable() else {
            print("KilledExportTests: .build/debug/newsdesk not built; skipping (run swift build)")
            return
        }
        let f = try ExporterStoreTests.Fixture()
        // About 40 articles × 3 KB of JSON: more than a pipe buffer (64 KiB), so the child blocks mid-export.
        for n in 1...40 { try f.save(n) }
        let dbPath = f.dir + "/news.sqlite"

        let child = Process()
        child.executableURL = URL(fileURLWithPath: exe)
        child.arguments = ["export", "--format", "jsonl", "--db", dbPath, "--cursor", "killed"]
        let pipe = Pipe()
        child.standardOutput = pipe
        child.standardError = FileHandle.nullDevice
        try child.run()
        // Wait until the pipe is full (the child is blocked in write), then kill it.
        var waited = 0
        while waited < 100 {
            usleep(50_000)
            waited += 1
            if child.isRunning == false { break }
            var avail: Int32 = 0
            if ioctl(pipe.fileHandleForReading.fileDescriptor, UInt(FIONREAD), &avail) == 0, avail >= 60_000 { break }
        }
        #expect(child.isRunning, "the export finished before it could be killed; make the store larger")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let partial = pipe.fileHandleForReading.readDataToEndOfFile()
        #expect(partial.count > 0)
        #expect(try f.store.exportCursor("killed") == nil)

        // The rerun writes all 40, and only then moves the cursor.
        let rerun = Process()
        rerun.executableURL = URL(fileURLWithPath: exe)
        rerun.arguments = ["export", "--format", "jsonl", "--db", dbPath, "--cursor", "killed"]
        let out = Pipe()
        rerun.standardOutput = out
        rerun.standardError = FileHandle.nullDevice
        try rerun.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let ids = try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONLRecord.decode(line: $0).article.id }
        #expect(ids.count == 40)
        #expect(Set(ids).count == 40)
        #expect(try f.store.exportCursor("killed") == 40)
    }
}
