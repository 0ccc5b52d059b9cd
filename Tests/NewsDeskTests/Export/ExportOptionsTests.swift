import Foundation
import Testing
@testable import NewsDesk

@Suite struct ExportOptionsTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        let text: String; let utc: String?
        var testDescription: String { text }
    }
    static let dates: [DateCase] = [
        .init(text: "2026-11-29T09:00:00+09:00", utc: "2026-11-29T00:00:00Z"),
        .init(text: "2026-11-29T00:00:00Z", utc: "2026-11-29T00:00:00Z"),
        .init(text: "2026-11-29", utc: "2026-11-28T15:00:00Z"),
        .init(text: "2026-11-29T09:30", utc: "2026-11-29T00:30:00Z"),
        .init(text: "yesterday", utc: nil),
        .init(text: "2026/11/29", utc: nil),
    ]

    @Test(arguments: dates)
    func parsesDates(_ c: DateCase) {
        let d = try? ExportOptions.parseDate(c.text, option: "--since")
        #expect(d.map(RFC3339.format) == c.utc)
    }

    @Test func ids() throws {
        #expect(try ExportOptions.parseIDs("1,2, 3") == [1, 2, 3])
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("1,x") }
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("") }
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("-4") }
    }

    @Test func sectionNamesFromConfig() throws {
        let dir = try ExportSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sections:\n  it: 아이티\n  science: 과학뉴스\nsources: []\n".write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
        try "sections:\n  - id: it\n    name: IT\n".write(toFile: dir + "/b.yaml", atomically: true, encoding: .utf8)
        let a = try ExportOptions.sectionNames(configPath: dir + "/a.yaml")
        #expect(a["it"] == "아이티" && a["science"] == "과학뉴스" && a["sports"] == "스포츠뉴스")
        #expect(try ExportOptions.sectionNames(configPath: dir + "/b.yaml")["it"] == "IT")
        #expect(try ExportOptions.sectionNames(configPath: nil)["general"] == "실시간뉴스")
        #expect(throws: ExportError.self) { try ExportOptions.sectionNames(configPath: dir + "/missing.yaml") }
    }
}
