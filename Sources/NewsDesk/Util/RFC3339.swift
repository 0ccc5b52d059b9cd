import Foundation

/// RFC 3339 timestamps as every export format writes them: UTC, `Z`, milliseconds only when not zero
/// (`2026-11-29T04:44:34Z`, `2026-11-29T04:44:34.250Z`).
///
/// Export formats dates itself (civil-from-days arithmetic) rather than with a shared `DateFormatter`: it is
/// exact, allocation-light on the hot jsonl path and free of locale and thread-safety questions.
enum RFC3339 {
    /// Formats `date` in UTC, rounded to the millisecond.
    public static func format(_ date: Date) -> String {
        let t = CivilTime(milliseconds: milliseconds(date))
        var s = pad(t.year, 4) + "-" + pad(t.month, 2) + "-" + pad(t.day, 2) + "T"
        s += pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2)
        if t.millisecond != 0 { s += "." + pad(t.millisecond, 3) }
        return s + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (also `t`, `z` and a space for `T`). Nil when malformed.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= b.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let year = num(0, 4), b[4] == UInt8(ascii: "-"), let month = num(5, 2), b[7] == UInt8(ascii: "-"),
              let day = num(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let hour = num(11, 2), b[13] == UInt8(ascii: ":"), let minute = num(14, 2), b[16] == UInt8(ascii: ":"),
              let second = num(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let om = num(i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        // days_from_civil
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let wholeSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        let ms = Int64(wholeSeconds) * 1000 + Int64((fraction * 1000).rounded())
        return date(milliseconds: ms)
    }

    /// Milliseconds since 1970, rounded: the precision of the export schema.
    public static func milliseconds(_ date: Date) -> Int64 {
        let v = (date.timeIntervalSince1970 * 1000).rounded()
        guard v.isFinite, v > -8.0e15, v < 8.0e15 else { return 0 }
        return Int64(v)
    }

    /// The date for a millisecond count (the inverse of `milliseconds`). Built from the offset to Foundation's
    /// reference date, the way a calendar (and GRDB, which stores milliseconds) builds it, so dates read
    /// back from jsonl compare equal to dates read from the store.
    public static func date(milliseconds ms: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(ms - 978_307_200_000) / 1000)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String { CivilTime.pad(v, width) }
}
