import Foundation
import Testing
@testable import NewsDesk

@Suite struct DateParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        /// RFC 3339 with an explicit offset, or nil when the input must not parse.
        let expected: String?
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        // RFC 822 / 1123
        .init(input: "Thu, 19 Mar 2026 09:27:00 +0900", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 19 Mar 2026 00:27:00 GMT", expected: "2026-03-19T00:27:00Z"),
        .init(input: "Thu, 19 Mar 2026 09:27:00 KST", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Wed, 18 Mar 2026 19:27:00 EST", expected: "2026-03-18T19:27:00-05:00"),
        .init(input: "Wed, 18 Mar 2026 20:27:00 EDT", expected: "2026-03-18T20:27:00-04:00"),
        .init(input: "Wed, 18 Mar 2026 16:27:00 PST", expected: "2026-03-18T16:27:00-08:00"),
        .init(input: "19 Mar 2026 09:27 +0900", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 19 Mar 26 09:27:00 +0900", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 19 March 2026 09:27:00 +09:00", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu,19 Mar 2026 9:27:00 -0530", expected: "2026-03-19T09:27:00-05:30"),
        .init(input: "Thu, 19 Mar 2026 09:27:00 GMT+09:00", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 19 Mar 2026 09:27:00", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 19 Mar 2026 09:27:00 (KST)", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Thu, 1 Jan 2026 00:00:00 UT", expected: "2026-01-01T00:00:00Z"),
        .init(input: "Thu Mar 19 09:27:00 KST 2026", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Sat, 29 Feb 2025 10:00:00 +0000", expected: nil),
        .init(input: "Sun, 29 Feb 2024 10:00:00 +0000", expected: "2024-02-29T10:00:00Z"),
        // RFC 3339 / ISO 8601
        .init(input: "2026-03-19T09:27:10+09:00", expected: "2026-03-19T09:27:10+09:00"),
        .init(input: "2026-03-19T00:27:10Z", expected: "2026-03-19T00:27:10Z"),
        .init(input: "2026-03-19T00:27:10.250Z", expected: "2026-03-19T00:27:10.250Z"),
        .init(input: "2026-03-19T00:27:10.123456Z", expected: "2026-03-19T00:27:10.123Z"),
        .init(input: "2026-03-18T20:27:10-04:00", expected: "2026-03-18T20:27:10-04:00"),
        .init(input: "2026-03-19T09:27:10+0900", expected: "2026-03-19T09:27:10+09:00"),
        .init(input: "2026-03-19T09:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "2026-03-19 09:27:10", expected: "2026-03-19T09:27:10+09:00"),
        .init(input: "2026-03-19", expected: "2026-03-19T00:00:00+09:00"),
        .init(input: "20260319T002710Z", expected: "2026-03-19T00:27:10Z"),
        .init(input: "  2026-03-19T09:27:10+09:00\n", expected: "2026-03-19T09:27:10+09:00"),
        // Korean forms (KST)
        .init(input: "2026.03.19 09:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "2026.03.19. 09:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "2026. 3. 19. 오후 3:05", expected: "2026-03-19T15:05:00+09:00"),
        .init(input: "입력 2026.03.19. 오전 9:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "입력 2026.03.19. 오전 12:10", expected: "2026-03-19T00:10:00+09:00"),
        .init(input: "수정 2026.03.19 오후 12:30", expected: "2026-03-19T12:30:00+09:00"),
        .init(input: "기사입력 2026-03-19 09:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "수정 2026.03.19 오후 3:05", expected: "2026-03-19T15:05:00+09:00"),
        .init(input: "최종수정 : 2026-03-19 17:45:03", expected: "2026-03-19T17:45:03+09:00"),
        .init(input: "2026년 3월 19일 오후 3시 5분", expected: "2026-03-19T15:05:00+09:00"),
        .init(input: "2026년 3월 19일 (목) 오전 9시", expected: "2026-03-19T09:00:00+09:00"),
        .init(input: "2026년3월19일 목요일 오후3시5분10초", expected: "2026-03-19T15:05:10+09:00"),
        .init(input: "2026년 3월 19일", expected: "2026-03-19T00:00:00+09:00"),
        .init(input: "2026/03/19 09:27:10", expected: "2026-03-19T09:27:10+09:00"),
        .init(input: "2026.03.19(목) 09:27", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "업데이트 2026.03.19 09:27 | 연합뉴스", expected: "2026-03-19T09:27:00+09:00"),
        // English
        .init(input: "March 19, 2026 9:27 AM", expected: "2026-03-19T09:27:00+09:00"),
        .init(input: "Updated: Mar. 19, 2026 3:05 p.m. EDT", expected: "2026-03-19T15:05:00-04:00"),
        // Not dates
        .init(input: "", expected: nil),
        .init(input: "어제", expected: nil),
        .init(input: "10분 전", expected: nil),
        .init(input: "2026-13-01", expected: nil),
        .init(input: "2026-04-31 10:00", expected: nil),
        .init(input: "2026.03", expected: nil),
        .init(input: "Page 3 of 10", expected: nil),
    ]

    static func expectedDate(_ s: String) -> Date? {
        let frac = ISO8601DateFormatter()
        frac.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = frac.date(from: s) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)
    }

    @Test(arguments: cases)
    func parses(_ c: Case) throws {
        let got = DateParser.parse(c.input)
        guard let e = c.expected else {
            #expect(got == nil)
            return
        }
        let want = try #require(Self.expectedDate(e))
        let d = try #require(got)
        #expect(abs(d.timeIntervalSince(want)) < 0.001, "\(c.input): got \(d), want \(want)")
    }

    @Test func defaultTimeZoneApplies() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let d = try #require(DateParser.parse("2026-03-19 09:27", defaultTimeZone: utc))
        #expect(d == Self.expectedDate("2026-03-19T09:27:00Z"))
        // Daylight saving is honoured when the default zone has it (New York on 19 March 2026: EDT, -4).
        let ny = try #require(TimeZone(identifier: "America/New_York"))
        #expect(DateParser.parse("2026-03-19 09:27", defaultTimeZone: ny) == Self.expectedDate("2026-03-19T09:27:00-04:00"))
        // An explicit zone wins over the default.
        #expect(DateParser.parse("2026-03-19T09:27:00Z", defaultTimeZone: ny) == Self.expectedDate("2026-03-19T09:27:00Z"))
    }

    struct LabelCase: Sendable, CustomTestStringConvertible {
        let name: String; let text: String; let published: String?; let updated: String?
        var testDescription: String { name }
    }
    static let labelCases: [LabelCase] = [
        .init(name: "naver style", text: "기사입력 2026.03.19. 오전 9:27 최종수정 2026.03.19. 오후 3:05",
              published: "2026-03-19T09:27:00+09:00", updated: "2026-03-19T15:05:00+09:00"),
        .init(name: "colons and bars", text: "입력 : 2026-03-19 09:27 | 수정 : 2026-03-20 10:00",
              published: "2026-03-19T09:27:00+09:00", updated: "2026-03-20T10:00:00+09:00"),
        .init(name: "only update", text: "홍길동 기자 업데이트 2026/03/19 18:00:01", published: nil, updated: "2026-03-19T18:00:01+09:00"),
        .init(name: "english", text: "Published March 19, 2026 9:27 AM · Updated March 19, 2026 3:05 PM",
              published: "2026-03-19T09:27:00+09:00", updated: "2026-03-19T15:05:00+09:00"),
        .init(name: "label without a date", text: "입력 중입니다. 2026.03.19 09:27", published: nil, updated: nil),
        .init(name: "first of each wins", text: "입력 2026.03.19 09:27 입력 2026.03.18 08:00", published: "2026-03-19T09:27:00+09:00", updated: nil),
    ]

    @Test(arguments: labelCases)
    func findsLabelledDates(_ c: LabelCase) {
        let r = DateParser.labelledDates(in: c.text)
        #expect(r.published == c.published.flatMap(Self.expectedDate))
        #expect(r.updated == c.updated.flatMap(Self.expectedDate))
    }

    @Test func daysFromCivilMatchesKnownDays() {
        #expect(DateParser.daysFromCivil(1970, 1, 1) == 0)
        #expect(DateParser.daysFromCivil(2000, 3, 1) == 11_017)
        #expect(DateParser.daysFromCivil(2026, 3, 19) == 20_531)
    }
}
