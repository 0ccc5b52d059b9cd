import Foundation

/// Times as NewsDesk shows them to people: `2026-03-19 08:10 KST`, in the configured zone (`defaults.timezone`,
/// Asia/Seoul unless set), always with the zone named. Used by `list`, `show`, `search`, `sources` and the HTML
/// export, so every command shows one moment the same way whatever the machine's `TZ`. Machine formats (JSON Lines,
/// Atom, Markdown front matter, `--json`) stay RFC 3339.
public struct DisplayTime: Sendable, Equatable {
    /// The zone times are shown in.
    public var zone: TimeZone

    public init(zone: TimeZone = FetchDefaults.standardTimeZone) { self.zone = zone }

    /// Korea time (`FetchDefaults.standardTimeZone`).
    public static let standard = DisplayTime()

    /// Names for zones whose usual abbreviation ICU does not give in English (it says `GMT+9` for Seoul). Zones not
    /// listed are named by their offset at that moment (`UTC+05:30`, `UTC-04:00`), which is never ambiguous.
    static let abbreviations: [String: String] = [
        "Asia/Seoul": "KST",
        "Asia/Tokyo": "JST",
        "Etc/GMT": "UTC",
        "Etc/UTC": "UTC",
        "GMT": "UTC",
        "UTC": "UTC",
        "Universal": "UTC",
        "Zulu": "UTC",
    ]

    /// `2026-03-19 08:10 KST`.
    public func format(_ date: Date) -> String {
        let local = RFC3339.format(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
        return String(local.prefix(10)) + " " + String(local.dropFirst(11).prefix(5)) + " " + zoneName(at: date)
    }

    /// `2026-03-19 08:10 KST`, or `-` for no date.
    public func format(_ date: Date?) -> String { date.map { format($0) } ?? "-" }

    /// The zone's name at `date`: `KST`, `UTC`, or `UTC+05:30`.
    public func zoneName(at date: Date) -> String {
        if let name = Self.abbreviations[zone.identifier] { return name }
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "UTC" + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// The moment a wall-clock time in this zone denotes: `wallClock` is that time read as if it were UTC
    /// (`2026-03-19T08:10:00Z` for 08:10 local). Daylight-saving gaps resolve forward, as most clocks do.
    public func moment(wallClock: Date) -> Date {
        let first = wallClock.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: wallClock)))
        return wallClock.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: first)))
    }
}
