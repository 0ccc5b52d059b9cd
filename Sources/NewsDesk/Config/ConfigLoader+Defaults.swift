import Foundation
import Yams

// `sections:` and `defaults:` of feeds.yaml.

extension ConfigLoader {
    mutating func readSections(_ top: ConfigReader.Fields) -> [SectionConfig] {
        guard let node = top.values["sections"], !ConfigReader.isNull(node) else { return SectionConfig.standard }
        guard case .mapping(let m) = node else {
            reader.report(ConfigReader.line(node), "sections", "expected `id: display name` lines (e.g. `it: IT뉴스`), found \(ConfigReader.kind(node))")
            return SectionConfig.standard
        }
        var out: [SectionConfig] = []
        for (k, v) in m {
            guard let id = k.scalar?.string, Self.isIdentifier(id) else {
                reader.report(ConfigReader.line(k), "sections", "section id \(ConfigReader.kind(k)) must be a word of a-z, 0-9, - or _")
                continue
            }
            guard case .scalar(let name) = v, !ConfigReader.isNull(v), !name.string.isEmpty else {
                reader.report(ConfigReader.line(v), "sections.\(id)", "expected a display name (e.g. `\(id): IT뉴스`)")
                continue
            }
            out.append(SectionConfig(id: id, name: name.string))
        }
        if out.isEmpty, m.count == 0 { reader.report(ConfigReader.line(node), "sections", "is empty (list at least one `id: name`)") }
        return out
    }

    mutating func readDefaults(_ top: ConfigReader.Fields) -> FetchDefaults {
        var d = FetchDefaults.standard
        guard let node = top.values["defaults"], !ConfigReader.isNull(node),
              let f = reader.fields(node, at: "defaults", known: Self.defaultKeys) else { return d }
        if let v = reader.int(f, "interval", in: 60...604_800, unit: "seconds") { d.interval = v }
        if let v = reader.string(f, "user_agent") {
            if v.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { reader.report(f.line(of: "user_agent"), "defaults.user_agent", "must be one line") }
            else { d.userAgent = v }
        }
        if let v = reader.double(f, "connect_timeout", in: 0.1...300, unit: "seconds") { d.connectTimeout = v }
        if let v = reader.double(f, "total_timeout", in: 0.5...3600, unit: "seconds") { d.totalTimeout = v }
        if d.totalTimeout < d.connectTimeout {
            reader.report(f.line(of: "total_timeout"), "defaults.total_timeout", "is shorter than connect_timeout (make it at least \(ConfigReader.fmt(d.connectTimeout)))")
        }
        if let v = reader.int(f, "max_body_bytes", in: 1024...1_073_741_824, unit: "bytes") { d.maxBodyBytes = v }
        if let v = reader.int(f, "max_items_per_run", in: 1...10_000) { d.maxItemsPerRun = v }
        if let v = reader.int(f, "max_entry_attempts", in: 1...1000) { d.maxEntryAttempts = v }
        if let v = reader.string(f, "ca_bundle") {
            let path = v.hasPrefix("/") ? v : (directory as NSString).appendingPathComponent(v)
            if FileManager.default.isReadableFile(atPath: path) { d.caBundle = path } else {
                reader.report(f.line(of: "ca_bundle"), "defaults.ca_bundle", "no readable file at \(path) (a PEM file of CA certificates)")
            }
        }
        if let v = reader.double(f, "politeness_delay", in: 0...300, unit: "seconds") { d.politenessDelay = v }
        if let v = reader.int(f, "per_host_concurrency", in: 1...16) { d.perHostConcurrency = v }
        if let v = reader.int(f, "concurrency", in: 1...256) { d.concurrency = v }
        if let v = reader.bool(f, "obey_robots") { d.obeyRobots = v }
        if let v = reader.int(f, "low_speed_limit", in: 0...100_000_000, unit: "bytes per second") { d.lowSpeedLimit = v }
        if let v = reader.double(f, "low_speed_time", in: 1...3600, unit: "seconds") { d.lowSpeedTime = v }
        if let v = reader.string(f, "timezone") {
            if let tz = TimeZone(identifier: v.trimmingCharacters(in: .whitespaces)) { d.timeZone = tz } else {
                reader.report(f.line(of: "timezone"), "defaults.timezone", "unknown time zone \"\(v)\" (use an IANA name such as Asia/Seoul, UTC or Europe/Berlin)")
            }
        }
        return d
    }
}
