import Foundation
import Yams

/// The schema of feeds.yaml, read node by node.
struct ConfigLoader {
    var reader: ConfigReader
    let directory: String

    static let topKeys = ["classify", "defaults", "sanitize", "sections", "sites", "sources", "store"]
    static let storeKeys = ["lease_seconds", "url"]
    static let defaultKeys = ["ca_bundle", "concurrency", "connect_timeout", "interval", "low_speed_limit", "low_speed_time", "max_body_bytes",
                              "max_entry_attempts", "max_items_per_run", "obey_robots", "per_host_concurrency", "politeness_delay", "timezone",
                              "total_timeout", "user_agent"]
    static let sourceKeys = ["allow_networks", "base_url", "charset", "headers", "id", "interval", "max_items", "mixed", "name",
                             "obey_robots", "path", "section", "site", "type", "url"]
    static let siteKeys = ["byline", "content", "date", "hosts", "links", "name", "remove", "title"]
    static let sanitizeKeys = ["allow_tags", "beacon_hosts", "extra_tracking_attributes", "extra_tracking_parameters", "iframe_hosts",
                               "image_proxy_rules", "remove_tags", "signed_proxy"]
    static let proxyRuleKeys = ["hosts", "name", "parameter", "path_embedded", "path_prefix"]
    static let signedProxyKeys = ["key_env", "signature_encoding", "template"]
    static let classifyKeys = ["default_section", "model", "rules", "threshold"]
    static let ruleKeys = ["hint", "host", "path_prefix", "query", "section"]

    mutating func read(_ root: Node) -> FeedsConfig? {
        guard let top = reader.fields(root, at: "", known: Self.topKeys) else { return nil }
        let sections = readSections(top)
        let sectionIDs = Set(sections.map(\.id))
        let defaults = readDefaults(top)
        var sources: [SourceConfig] = []
        if let items = reader.sequence(top, "sources") {
            if items.isEmpty { reader.report(top.line(of: "sources"), "sources", "the list is empty (add at least one source)") }
            var seen: [String: String] = [:]
            for (node, path) in items {
                guard let s = readSource(node, path: path, sections: sectionIDs) else { continue }
                if let first = seen[s.id] {
                    reader.report(s.line, "\(path).id", "duplicate id \"\(s.id)\" (also \(first)); ids must be unique")
                } else {
                    seen[s.id] = path
                }
                sources.append(s)
            }
        } else if !top.has("sources") {
            reader.report(top.line, "sources", "missing (add a `sources:` list; see docs/config.md)")
        }
        var sites: [SiteRule] = []
        if let items = reader.sequence(top, "sites") {
            for (node, path) in items {
                if let rule = readSite(node, path: path, requireHosts: true) { sites.append(rule) }
            }
        }
        let sanitize = top.values["sanitize"].flatMap { readSanitize($0) } ?? SanitizeOverrides()
        let classify = top.values["classify"].flatMap { readClassify($0, sections: sectionIDs) } ?? ClassifyOverrides()
        var config = FeedsConfig(sections: sections, defaults: defaults, sources: sources, sites: sites,
                                 sanitize: sanitize, classify: classify, file: reader.file)
        if let node = top.values["store"] { (config.store, config.leaseSeconds) = readStore(node) }
        return config
    }

    /// `store:` — `url:` a SQLite file (relative to the config's folder) or `postgres://USER@HOST:PORT/DB`;
    /// `lease_seconds:` how long a worker's lease on a source lasts (`ingest --workers/--loop`).
    mutating func readStore(_ node: Node) -> (StoreLocation?, Double?) {
        guard !ConfigReader.isNull(node), let f = reader.fields(node, at: "store", known: Self.storeKeys) else { return (nil, nil) }
        let lease = reader.double(f, "lease_seconds", in: 1...86_400, unit: "seconds")
        guard let url = reader.string(f, "url") else { return (nil, lease) }
        do {
            let location = try StoreLocation(url)
            if case .sqlite(let path) = location, !path.hasPrefix("/") {
                return (.sqlite(path: URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path), lease)
            }
            return (location, lease)
        } catch {
            reader.report(f.line(of: "url"), f.field("url"), error.reason)
            return (nil, lease)
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, CharacterSet.alphanumerics.contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// `text` with its scheme in lower case (`HTTPS://x` → `https://x`): schemes are case-insensitive (RFC 3986 § 3.1),
    /// and everything after the loader (fetcher, robots.txt, URL identity) compares them as written.
    static func lowercasingScheme(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        return text[..<colon].lowercased() + text[colon...]
    }

    /// nil when `text` is an absolute http(s) URL with a host; otherwise what is wrong and what to write.
    static func httpURLProblem(_ text: String) -> String? {
        // A space or control character is no part of a URL (Foundation would read `https://r? .x.com/` as host `r`).
        if let bad = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "not an http(s) URL: it contains U+\(String(format: "%04X", bad.value)) (percent-encode a space as %20, remove other control characters)"
        }
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased() else {
            return "not an http(s) URL (write the full address, e.g. https://example.com/rss)"
        }
        guard scheme == "http" || scheme == "https" else {
            return "not an http(s) URL: scheme \"\(scheme)\" is not fetched (use https://…, or `path:` for a local file)"
        }
        guard let host = c.host, !host.isEmpty else { return "not an http(s) URL: no host (write e.g. https://example.com/rss)" }
        return nil
    }
}
