import Foundation

/// Dates as the store writes them: GRDB's text form (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), built by arithmetic instead of a
/// `DateFormatter` (ICU formatting was a few per cent of an ingest for the eight dates an article writes). GRDB reads
/// the text back as a `Date` as before; `StoreDateTests` checks the two agree.
enum StoreDate {
    static func text(_ date: Date) -> String {
        // Milliseconds since the epoch, rounded as the formatter does.
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let msOfDay = ms - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var year = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        var out = [UInt8]()
        out.reserveCapacity(23)
        func put(_ v: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var x = v
            for i in stride(from: width - 1, through: 0, by: -1) { digits[i] = UInt8(0x30 + x % 10); x /= 10 }
            out.append(contentsOf: digits)
        }
        put(year, 4); out.append(0x2D); put(month, 2); out.append(0x2D); put(day, 2); out.append(0x20)
        put(msOfDay / 3_600_000, 2); out.append(0x3A); put(msOfDay / 60_000 % 60, 2); out.append(0x3A)
        put(msOfDay / 1000 % 60, 2); out.append(0x2E); put(msOfDay % 1000, 3)
        return String(decoding: out, as: UTF8.self)
    }
}
