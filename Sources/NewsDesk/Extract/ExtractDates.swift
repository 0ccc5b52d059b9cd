import Foundation

/// The dates the extractor reads: ISO 8601 / RFC 3339 values from metadata and Korean labelled forms from page text
/// (`입력 2026.03.19. 오전 9:27`, `기사입력 2026-03-19 09:27`, `수정`). Times without a zone are KST.
/// Replaced by `DateParser` (Util/) once that lands in main.
enum ExtractDates {
    static let kst = TimeZone(secondsFromGMT: 9 * 3600) ?? .current
    private static let numeric = try? NSRegularExpression(pattern:
        "(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?\\s*(?:\\([월화수목금토일]\\))?\\s*(?:[T ]\\s*)?(오전|오후|AM|PM|am|pm)?\\s*(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?")
    private static let labelled = try? NSRegularExpression(pattern:
        "(기사입력|최초입력|입력|등록|송고|승인|게재|수정|최종수정|업데이트|기사수정)\\s*[:：]?\\s*(\\d{4}\\s*[-./년]\\s*\\d{1,2}\\s*[-./월]\\s*\\d{1,2}[^가-힣|]{0,3}(?:\\([월화수목금토일]\\))?\\s*(?:오전|오후)?\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?)")
    private static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                                 "oct": 10, "nov": 11, "dec": 12]

    /// Parses one date value; nil when it is not a date.
    static func parse(_ raw: String) -> Date? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.count >= 8 else { return nil }
        if let d = parseRFC822(s) { return d }
        let ns = s as NSString
        guard let re = numeric, let m = re.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func g(_ i: Int) -> String? { let r = m.range(at: i); return r.location == NSNotFound ? nil : ns.substring(with: r) }
        var c = DateComponents()
        c.year = g(1).flatMap { Int($0) }; c.month = g(2).flatMap { Int($0) }; c.day = g(3).flatMap { Int($0) }
        var hour = g(5).flatMap { Int($0) } ?? 0
        if let ampm = g(4)?.lowercased() {
            if (ampm == "오후" || ampm == "pm") && hour < 12 { hour += 12 }
            if (ampm == "오전" || ampm == "am") && hour == 12 { hour = 0 }
        }
        c.hour = hour; c.minute = g(6).flatMap { Int($0) } ?? 0; c.second = g(7).flatMap { Int($0) } ?? 0
        guard let month = c.month, (1...12).contains(month), let day = c.day, (1...31).contains(day) else { return nil }
        var zone = kst
        if let z = g(8) {
            if z == "Z" { zone = TimeZone(secondsFromGMT: 0) ?? kst } else {
                let digits = z.dropFirst().filter(\.isNumber)
                let hh = Int(digits.prefix(2)) ?? 0, mm = Int(digits.suffix(2)) ?? 0
                zone = TimeZone(secondsFromGMT: (z.hasPrefix("-") ? -1 : 1) * (hh * 3600 + mm * 60)) ?? kst
            }
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal.date(from: c)
    }

    /// `Thu, 19 Mar 2026 09:27:00 GMT` / `+0900`.
    private static func parseRFC822(_ s: String) -> Date? {
        let parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard parts.count >= 4 else { return nil }
        var i = 0
        if parts[0].count == 3, months[parts[0].lowercased()] == nil, Int(parts[0]) == nil { i = 1 }
        guard parts.count >= i + 4, let day = Int(parts[i]), let month = months[String(parts[i + 1].lowercased().prefix(3))],
              let year = Int(parts[i + 2]) else { return nil }
        let t = parts[i + 3].split(separator: ":").compactMap { Int($0) }
        guard t.count >= 2 else { return nil }
        var offset = 0
        if parts.count > i + 4 {
            let z = parts[i + 4]
            if z.hasPrefix("+") || z.hasPrefix("-"), let v = Int(z.dropFirst()), z.count == 5 {
                offset = (z.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
            } else if z == "KST" { offset = 9 * 3600 }
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: offset) ?? kst
        return cal.date(from: DateComponents(year: year, month: month, day: day, hour: t[0], minute: t[1], second: t.count > 2 ? t[2] : 0))
    }

    /// Labelled Korean dates in free text: the first `입력`/`등록`/`송고` date and the first `수정`/`업데이트` date.
    static func labelledDates(in text: String) -> (published: Date?, updated: Date?) {
        guard let re = labelled, text.contains("입력") || text.contains("수정") || text.contains("등록") || text.contains("송고")
            || text.contains("승인") || text.contains("업데이트") else { return (nil, nil) }
        let ns = text as NSString
        var published: Date?, updated: Date?
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let label = ns.substring(with: m.range(at: 1))
            guard let d = parse(ns.substring(with: m.range(at: 2))) else { continue }
            if label.contains("수정") || label == "업데이트" { if updated == nil { updated = d } } else if published == nil { published = d }
        }
        return (published, updated)
    }
}
