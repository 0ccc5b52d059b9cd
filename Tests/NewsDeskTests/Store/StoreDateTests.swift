import Foundation
import GRDB
import Testing
@testable import NewsDesk

@Suite struct StoreDateTests {
    /// Our arithmetic formatting against GRDB's DateFormatter, on fixed edge dates and a spread of pseudo-random ones.
    @Test func matchesGRDBsDateText() {
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 0.0005),
            Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 1_709_164_800.999),  // 2000-02-29, 2024-02-29
            Date(timeIntervalSince1970: 1_798_761_599.9999), Date(timeIntervalSince1970: -2_208_988_800),  // 2026-12-31, 1900-01-01
            Date(timeIntervalSince1970: 4_102_444_800.123), Date(),
        ]
        var seed: UInt64 = 0x9e37_79b9_7f4a_7c15
        for _ in 0..<2000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            dates.append(Date(timeIntervalSince1970: Double(seed >> 24) / 1000 - 3_000_000_000))
        }
        for d in dates {
            guard case .string(let grdb) = d.databaseValue.storage else { Issue.record("not text"); continue }
            #expect(StoreDate.text(d) == grdb, "\(d.timeIntervalSince1970)")
        }
    }
}
