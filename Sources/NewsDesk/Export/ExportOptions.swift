import Foundation
import Yams

/// Parsing of `newsdesk export` option values, kept in the library so the rules are tested.
public enum ExportOptions {
    /// Korea Standard Time, the zone of dates given without one (as `DateParser` does for Korean sources).
    static let kstOffset: TimeInterval = 9 * 3600

    /// `--since` / `--until`: RFC 3339 (`2026-11-29T09:00:00+09:00`), or `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM[:SS]`
    /// read as KST.
    public static func parseDate(_ text: String, option: String) throws(ExportError) -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = RFC3339.parse(t) { return d }
        var candidate = t
        if candidate.count == 10 { candidate += "T00:00:00" } else if candidate.count == 16 { candidate += ":00" }
        if candidate.count == 19, let d = RFC3339.parse(candidate + "Z") { return d.addingTimeInterval(-kstOffset) }
        throw .invalidOption(name: option, value: text, expected: "an RFC 3339 time such as 2026-11-29T09:00:00+09:00, or 2026-11-29 (KST)")
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

    /// Section display names from the `sections:` block of feeds.yaml, as a mapping (`it: IT뉴스`) or a list of
    /// `{id, name}`; the shipped sections (`SectionConfig.standard`) without a config file.
    public static func sectionNames(configPath: String?) throws(ExportError) -> [String: String] {
        var names: [String: String] = [:]
        for s in SectionConfig.standard { names[s.id] = s.name }
        guard let configPath else { return names }
        let text: String
        do { text = try String(contentsOfFile: configPath, encoding: .utf8) } catch {
            throw .invalidOption(name: "--config", value: configPath, expected: "a readable feeds.yaml")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw .invalidOption(name: "--config", value: configPath, expected: "valid YAML (\(error))")
        }
        guard let sections = root?.mapping?["sections"] else { return names }
        if let map = sections.mapping {
            for (k, v) in map {
                if let id = k.string, let name = v.string ?? v.mapping?["name"]?.string { names[id] = name }
            }
        } else if let list = sections.sequence {
            for item in list {
                if let m = item.mapping, let id = m["id"]?.string, let name = m["name"]?.string { names[id] = name }
            }
        }
        return names
    }
}
