import Foundation
import Testing
import TestSupport
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

    @Test func relativeDates() throws {
        let now = ExportSamples.date(1_000_000)
        #expect(try ExportOptions.parseDate("36h", option: "--since", now: now) == now.addingTimeInterval(-36 * 3600))
        #expect(try ExportOptions.parseDate("7d", option: "--since", now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(throws: ExportError.self) { try ExportOptions.parseDate("7w", option: "--since", now: now) }
    }

    @Test func ids() throws {
        #expect(try ExportOptions.parseIDs("1,2, 3") == [1, 2, 3])
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("1,x") }
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("") }
        #expect(throws: ExportError.self) { try ExportOptions.parseIDs("-4") }
    }

    @Test func sectionNamesFromConfig() throws {
        let config = try FeedsConfig.load(path: Fixtures.root.appendingPathComponent("feeds.yaml").path)
        var custom = config
        custom.sections.append(SectionConfig(id: "science", name: "과학뉴스"))
        let names = ExportOptions.sectionNames(custom)
        #expect(names["it"] == config.sections.first { $0.id == "it" }?.name)
        #expect(names["science"] == "과학뉴스")
        #expect(ExportOptions.sectionNames(nil)["general"] == "실시간뉴스")
    }
}
