import Foundation
import Testing
@testable import NewsDesk

/// The ingest lock is keyed by the store's real path. Reduced from issue 13: ingest through a symlinked `--db` beside
/// a direct one took two lock files and both runs went at once.
@Suite("Ingest lock path")
struct IngestLockPathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Builds the second path to the same store inside `dir` (which holds `real/news.sqlite`).
        let other: @Sendable (String) throws -> String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "symlinked file") { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/link.sqlite", withDestinationPath: dir + "/real/news.sqlite")
            return dir + "/link.sqlite"
        },
        Case(name: "relative symlink") { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/rel.sqlite", withDestinationPath: "real/news.sqlite")
            return dir + "/rel.sqlite"
        },
        Case(name: "symlinked folder") { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/data", withDestinationPath: dir + "/real")
            return dir + "/data/news.sqlite"
        },
        Case(name: "dot-dot path") { dir in dir + "/real/../real/./news.sqlite" },
        Case(name: "symlink to a store not created yet") { dir in
            try FileManager.default.removeItem(atPath: dir + "/real/news.sqlite")
            try FileManager.default.createSymbolicLink(atPath: dir + "/later.sqlite", withDestinationPath: dir + "/real/news.sqlite")
            return dir + "/later.sqlite"
        },
    ]

    @Test(arguments: cases)
    func bothPathsTakeTheSameLock(_ c: Case) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-lockpath-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/real/news.sqlite", contents: Data())
        let other = try c.other(dir)
        let direct = dir + "/real/news.sqlite"
        #expect(IngestLock.path(forStore: other) == IngestLock.path(forStore: direct))
        let held = try IngestLock(path: IngestLock.path(forStore: direct))
        #expect(throws: PipelineError.self) { try IngestLock(path: IngestLock.path(forStore: other)) }
        withExtendedLifetime(held) {}
    }
}
