import Foundation

/// Dates as the store writes them: GRDB's text form (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), built by arithmetic instead of a
/// `DateFormatter` (ICU formatting was a few per cent of an ingest for the eight dates an article writes). GRDB reads
/// the text back as a `Date` as before; `StoreDateTests` checks the two agree.
enum StoreDate {
    static func text(_ date: Date) -> String {
        // Milliseconds since the epoch, rounded as the formatter does.
        let t = CivilTime(milliseconds: RFC3339.milliseconds(date))
        let p = CivilTime.pad
        return p(t.year, 4) + "-" + p(t.month, 2) + "-" + p(t.day, 2) + " " + p(t.hour, 2) + ":" + p(t.minute, 2) + ":"
            + p(t.second, 2) + "." + p(t.millisecond, 3)
    }
}
