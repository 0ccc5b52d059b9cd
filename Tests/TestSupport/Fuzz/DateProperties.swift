import Foundation
import NewsDesk

/// Properties of `DateParser` on any text: a date it returns lies in the years it accepts (1900–2200, in any zone),
/// and it reads the same instant back from RFC 3339 (UTC, with milliseconds), RFC 822 (GMT) and the Korean portal
/// form (`입력 2026.03.19 09:27:10`, Seoul time) — each to the precision that form writes. `labelledDates` obeys the same range.
public enum DateProperties {
    /// 1899-12-31T00:00Z … 2201-01-02T00:00Z: the accepted years with a day's slack for the zone offset.
    static let range = Date(timeIntervalSince1970: -2_209_075_200 - 86_400)...Date(timeIntervalSince1970: 7_289_654_400 + 86_400)

    public static func check(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var p: [String] = []
        let labelled = DateParser.labelledDates(in: text)
        for (label, d) in [("published", labelled.published), ("updated", labelled.updated)] {
            if let d, !range.contains(d) { p.append("labelledDates: \(label) \(d) out of range") }
        }
        guard let d = DateParser.parse(text) else { return p }
        guard range.contains(d) else { return p + ["parse: \(d) out of range"] }
        let t = d.timeIntervalSince1970
        let ms = (t * 1000).rounded(.down) / 1000
        let s = t.rounded(.down)
        var forms: [(String, String, Double, Double)] = []
        if (1900...2200).contains(parts(t).y) {
            forms += [("RFC 3339", rfc3339(ms), ms, 0.0015), ("RFC 822", rfc822(s), s, 0)]
        }
        // Seoul's offset changed over the years (UTC+8:30 in 1954–61, summer time in 1987–88): the local form is only
        // checked away from a change, where a wall-clock time names one instant.
        let zone = DateParser.koreaStandardTime
        let offset = zone.secondsFromGMT(for: d)
        if offset == zone.secondsFromGMT(for: d.addingTimeInterval(-86_400)), offset == zone.secondsFromGMT(for: d.addingTimeInterval(86_400)),
           (1900...2200).contains(parts(t + Double(offset)).y) {
            forms.append(("Korean", korean(s, offset: offset), s, 0))
        }
        for (name, text, expected, tolerance) in forms {
            guard let back = DateParser.parse(text) else { p.append("\(name) form \"\(text)\" of \(d) not read back"); continue }
            if abs(back.timeIntervalSince1970 - expected) > tolerance {
                p.append("\(name) form \"\(text)\" read back as \(back), expected \(Date(timeIntervalSince1970: expected))")
            }
        }
        return p
    }

    /// Civil date of a day count (H. Hinnant's `civil_from_days`), written here independently of the parser.
    static func civil(_ days: Int) -> (y: Int, m: Int, d: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func parts(_ t: Double) -> (y: Int, m: Int, d: Int, hh: Int, mm: Int, ss: Int, weekday: Int) {
        let secs = Int(t.rounded(.down))
        let days = Int((Double(secs) / 86_400).rounded(.down))
        let rem = secs - days * 86_400
        let (y, m, d) = civil(days)
        return (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, ((days % 7) + 11) % 7)  // 0 = Sunday
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func rfc3339(_ t: Double) -> String {
        let p = parts(t)
        let millis = Int(((t - t.rounded(.down)) * 1000).rounded())
        let frac = millis == 0 ? "" : "." + String(String(millis + 1000).dropFirst())
        return "\(p.y)-\(two(p.m))-\(two(p.d))T\(two(p.hh)):\(two(p.mm)):\(two(p.ss))\(frac)Z"
    }

    static func rfc822(_ t: Double) -> String {
        let p = parts(t)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[p.weekday]), \(two(p.d)) \(months[p.m - 1]) \(p.y) \(two(p.hh)):\(two(p.mm)):\(two(p.ss)) GMT"
    }

    static func korean(_ t: Double, offset: Int) -> String {
        let p = parts(t + Double(offset))
        return "입력 \(p.y).\(two(p.m)).\(two(p.d)) \(two(p.hh)):\(two(p.mm)):\(two(p.ss))"
    }
}
