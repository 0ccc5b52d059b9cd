import Foundation
import Testing
@testable import NewsDesk

@Suite struct FileNamesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String; let id: Int64; let title: String; let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "korean kept", id: 7, title: "삼성전자 새 반도체 공개", expected: "7-삼성전자-새-반도체-공개.md"),
        .init(name: "slashes and backslashes", id: 8, title: "a/b\\c", expected: "8-a_b_c.md"),
        .init(name: "path traversal", id: 9, title: "../../etc/passwd", expected: "9-etc_passwd.md"),
        .init(name: "colon and reserved punctuation", id: 10, title: "속보: 1*2?\"3\"<4>|5", expected: "10-속보_-1_2__3__4__5.md"),
        .init(name: "control characters dropped", id: 11, title: "a\u{0}b\u{7}c\u{200B}d\u{FEFF}", expected: "11-abcd.md"),
        .init(name: "newlines and tabs become one dash", id: 12, title: " 제목\n\t 둘째 ", expected: "12-제목-둘째.md"),
        .init(name: "dots only", id: 13, title: "...", expected: "13.md"),
        .init(name: "empty title", id: 14, title: "", expected: "14.md"),
        .init(name: "reserved device name is harmless after the id", id: 15, title: "CON", expected: "15-CON.md"),
        .init(name: "NFD becomes NFC", id: 16, title: "\u{1100}\u{1161}\u{11A8}", expected: "16-각.md"),
        .init(name: "emoji sequence kept", id: 17, title: "가족 👨‍👩‍👧", expected: "17-가족-👨‍👩‍👧.md"),
    ]

    @Test(arguments: cases)
    func names(_ c: Case) {
        #expect(FileNames.articleFileName(id: c.id, title: c.title, fileExtension: "md") == c.expected)
    }

    @Test func longTitlesAreCappedInBytesAtCharacterBoundaries() {
        let title = String(repeating: "가나다라마바사 ", count: 40)
        let name = FileNames.articleFileName(id: 123_456, title: title, fileExtension: "html")
        let stem = String(name.dropLast(".html".count))
        #expect(stem.utf8.count <= FileNames.maxStemBytes)
        #expect(stem.utf8.count > FileNames.maxStemBytes - 4)  // a Korean syllable is 3 bytes
        #expect(stem.hasPrefix("123456-가나다라마바사"))
        #expect(!stem.hasSuffix("-"))
        // Still valid UTF-8 that round-trips.
        #expect(String(decoding: Array(stem.utf8), as: UTF8.self) == stem)
    }

    @Test func componentsAreNeverEmptyDotsOrDevices() {
        #expect(FileNames.component("..") == "_")
        #expect(FileNames.component("") == "_")
        #expect(FileNames.component("con") == "con_")
        #expect(FileNames.component("LPT1.txt") == "LPT1.txt_")
        #expect(FileNames.component("it/../x") == "it_.._x")
        #expect(FileNames.component("스포츠") == "스포츠")
    }

    @Test func everyNameIsWritable() throws {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hostile = ["/", "\\\\server\\share", "a:b", String(repeating: "ㅋ", count: 500), "\u{0}\u{1}", ".", "..", "-rf", "nul"]
        for (i, t) in hostile.enumerated() {
            let name = FileNames.articleFileName(id: Int64(i), title: t, fileExtension: "md")
            #expect(!name.contains("/"))
            let f = try AtomicFile(path: dir + "/" + name)
            try f.write("x")
            try f.commit()
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == hostile.count)
    }
}

@Suite struct AtomicFileTests {
    @Test func commitReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let f = try AtomicFile(path: path)
        try f.write(String(repeating: "새 내용 ", count: 50_000))  // several buffer flushes
        // Until commit the old content is what readers see.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(FileManager.default.fileExists(atPath: f.tempPath))
        try f.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("새 내용 새 내용"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
    }

    @Test func abortKeepsTheOldFile() throws {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let f = try AtomicFile(path: path)
            try f.write("half-written")
            // dropped without commit, as when an export throws
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
    }

    @Test func sweepRemovesTemporaryFilesOfDeadProcessesOnly() throws {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // pid 2^22+1 is above Linux's pid_max default range; treat as dead.
        let dead = dir + "/.x.md.4194305" + AtomicFile.tempSuffix
        let live = dir + "/.y.md.\(getpid())" + AtomicFile.tempSuffix
        try "x".write(toFile: dead, atomically: false, encoding: .utf8)
        try "y".write(toFile: live, atomically: false, encoding: .utf8)
        AtomicFile.sweepTemporaryFiles(in: dir)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func unwritableFolderIsATypedError() {
        #expect(throws: ExportError.self) { try AtomicFile(path: "/proc/newsdesk-no-such/x.md") }
    }
}
