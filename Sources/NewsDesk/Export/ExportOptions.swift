import Foundation

/// Parsing of `newsdesk export` option values, kept in the library so the rules are tested.
public enum ExportOptions {
    /// How many entries a section's Atom feed holds when `--limit` is not given.
    public static let defaultAtomWindow = 50

    /// `--since` / `--until`: RFC 3339 (`2026-11-29T09:00:00+09:00`), `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM[:SS]`
    /// read in `zone` (the configured `defaults.timezone`, Korea time unless set), or a time ago as `newsdesk list`
    /// takes it (`30m`, `36h`, `7d`).
    public static func parseDate(_ text: String, option: String, now: Date = Date(),
                                 zone: TimeZone = FetchDefaults.standardTimeZone) throws(ExportError) -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let unit = t.last, let n = Double(t.dropLast()), n >= 0, n.isFinite {
            switch unit {
            case "m": return now.addingTimeInterval(-n * 60)
            case "h": return now.addingTimeInterval(-n * 3600)
            case "d": return now.addingTimeInterval(-n * 86_400)
            default: break
            }
        }
        if let d = RFC3339.parse(t) { return d }
        var candidate = t
        if candidate.count == 10 { candidate += "T00:00:00" } else if candidate.count == 16 { candidate += ":00" }
        if candidate.count == 19, let d = RFC3339.parse(candidate + "Z") { return DisplayTime(zone: zone).moment(wallClock: d) }
        let zoneName = DisplayTime(zone: zone).zoneName(at: now)
        throw .invalidOption(name: option, value: text, expected: "an RFC 3339 time such as 2026-11-29T09:00:00+09:00, a day such as 2026-11-29 (\(zoneName)), or 36h / 7d ago")
    }

    /// `--ids 1,2,3` (spaces allowed).
    public static func parseIDs(_ text: String) throws(ExportError) -> [Int64] {
        var ids: [Int64] = []
        for part in text.split(separator: ",") {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard let id = Int64(p), id > 0 else {
                throw .invalidOption(name: "--ids", value: text, expected: "comma-separated article ids such as 1,2,3")
            }
            ids.append(id)
        }
        guard !ids.isEmpty else { throw .invalidOption(name: "--ids", value: text, expected: "comma-separated article ids such as 1,2,3") }
        return ids
    }

    /// Section display names (id → name): the shipped sections, overridden and extended by `config`
    /// (feeds.yaml loaded with `FeedsConfig.load`, which validates it).
    public static func sectionNames(_ config: FeedsConfig?) -> [String: String] {
        var names: [String: String] = [:]
        for s in SectionConfig.standard { names[s.id] = s.name }
        for s in config?.sections ?? [] { names[s.id] = s.name }
        return names
    }
}
