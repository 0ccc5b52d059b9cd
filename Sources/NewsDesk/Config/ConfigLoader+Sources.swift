import Foundation
import Yams

// `sources:` (with headers and a site rule each) and `sites:` of feeds.yaml.

extension ConfigLoader {
    mutating func readSource(_ node: Node, path: String, sections: Set<String>) -> SourceConfig? {
        guard let f = reader.fields(node, at: path, known: Self.sourceKeys) else { return nil }
        let id = reader.string(f, "id", required: true, hint: "add `id: short-name`, unique among sources")
        if let id, !Self.isIdentifier(id) {
            reader.report(f.line(of: "id"), f.field("id"), "\"\(id)\" must be a word of a-z, A-Z, 0-9, '-', '_' or '.'")
        }
        var s = SourceConfig(id: id ?? "", name: id ?? "", line: f.line)
        if let name = reader.string(f, "name") { s.name = name }
        let url = reader.string(f, "url")
        let filePath = reader.string(f, "path")
        switch (url, filePath) {
        case (nil, nil):
            if !f.has("url") && !f.has("path") {
                reader.report(f.line, f.field("url"), "missing (give `url: https://…` for a feed or page, or `path: file` for a local file)")
            }
        case (.some, .some):
            reader.report(f.line(of: "path"), f.field("path"), "a source has either `url:` or `path:`, not both (remove one)")
        case (let u?, nil):
            if let why = Self.httpURLProblem(u) { reader.report(f.line(of: "url"), f.field("url"), why) } else { s.url = Self.lowercasingScheme(u) }
        case (nil, let p?):
            let resolved = p.hasPrefix("/") ? p : URL(fileURLWithPath: directory).appendingPathComponent(p).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: resolved) {
                s.path = resolved
            } else {
                reader.report(f.line(of: "path"), f.field("path"), "no such file \(resolved) (path is relative to the config file's folder)")
            }
        }
        if let t = reader.string(f, "type") {
            if let type = SourceType(rawValue: t.lowercased()) { s.type = type } else {
                reader.report(f.line(of: "type"), f.field("type"), "unknown type \"\(t)\" (use one of \(SourceType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let sec = reader.string(f, "section") {
            if sections.contains(sec) { s.section = sec } else {
                reader.report(f.line(of: "section"), f.field("section"), "unknown section \"\(sec)\" (use one of \(sections.sorted().joined(separator: ", ")), or add it under `sections:`)")
            }
        }
        if let m = reader.bool(f, "mixed") { s.mixed = m }
        if s.mixed, f.has("section") {
            reader.report(f.line(of: "mixed"), f.field("mixed"), "`mixed: true` and `section:` contradict (a mixed source has no single section; remove one)")
        } else if !s.mixed, !f.has("section") {
            reader.report(f.line, f.field("section"), "missing (give `section: <id>` for a single-section source, or `mixed: true`)")
        }
        if let cs = reader.string(f, "charset") {
            if CharsetDecoder.isKnownCharset(cs) { s.charset = cs } else {
                reader.report(f.line(of: "charset"), f.field("charset"), "unknown charset \"\(cs)\" (use a name iconv knows: UTF-8, EUC-KR, CP949, windows-1252, …)")
            }
        }
        if let node = f.values["headers"], !ConfigReader.isNull(node) { s.headers = readHeaders(node, path: f.field("headers")) }
        if let nets = reader.stringList(f, "allow_networks") {
            for (i, n) in nets.enumerated() {
                do throws(CIDRError) {
                    let network = try IPNetwork(n.value)
                    s.allowNetworks.append(network)
                    if let why = AllowNetworksWarning.check(network) { reader.warn(n.line, "\(f.field("allow_networks"))[\(i)]", why) }
                } catch {
                    reader.report(n.line, "\(f.field("allow_networks"))[\(i)]", error.description)
                }
            }
        }
        if let site = f.values["site"], !ConfigReader.isNull(site) { s.site = readSite(site, path: f.field("site"), requireHosts: false) }
        if s.type == .html, s.site?.links == nil {
            reader.report(f.line(of: "type"), f.field("site.links"), "missing: a `type: html` source needs `site: { links: <selector> }` to find article links")
        }
        s.interval = reader.int(f, "interval", in: 60...604_800, unit: "seconds")
        s.maxItems = reader.int(f, "max_items", in: 1...10_000)
        s.obeyRobots = reader.bool(f, "obey_robots")
        if let b = reader.string(f, "base_url") {
            if let why = Self.httpURLProblem(b) { reader.report(f.line(of: "base_url"), f.field("base_url"), why) }
            else if url != nil { reader.report(f.line(of: "base_url"), f.field("base_url"), "only for `path:` sources (a `url:` source's links resolve against its URL; remove it)") }
            else { s.baseURL = Self.lowercasingScheme(b) }
        }
        return s
    }

    mutating func readHeaders(_ node: Node, path: String) -> [String: String] {
        guard case .mapping(let m) = node else {
            reader.report(ConfigReader.line(node), path, "expected `Header-Name: value` lines, found \(ConfigReader.kind(node))")
            return [:]
        }
        var out: [String: String] = [:]
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for (k, v) in m {
            guard let name = k.scalar?.string, !name.isEmpty, name.unicodeScalars.allSatisfy(token.contains) else {
                reader.report(ConfigReader.line(k), path, "\(ConfigReader.kind(k)) is not a valid header name")
                continue
            }
            guard case .scalar(let value) = v, !value.string.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                reader.report(ConfigReader.line(v), "\(path).\(name)", "expected one line of text")
                continue
            }
            if ["host", "content-length", "transfer-encoding", "connection"].contains(name.lowercased()) {
                reader.report(ConfigReader.line(k), "\(path).\(name)", "is set by the fetcher and cannot be overridden (remove it)")
                continue
            }
            out[name] = value.string
        }
        return out
    }

    mutating func readSite(_ node: Node, path: String, requireHosts: Bool) -> SiteRule? {
        guard let f = reader.fields(node, at: path, known: Self.siteKeys) else { return nil }
        var rule = SiteRule()
        if let hosts = reader.stringList(f, "hosts") { rule.hosts = hosts.map { $0.value.lowercased() } }
        if requireHosts, rule.hosts.isEmpty {
            reader.report(f.line, f.field("hosts"), "missing (a site rule needs `hosts: [example.com]` to know where it applies)")
        }
        rule.name = reader.string(f, "name")
        func selector(_ key: String) -> String? {
            guard let text = reader.string(f, key) else { return nil }
            do throws(Selector.ParseError) {
                _ = try Selector(text)
                return text
            } catch {
                reader.report(f.line(of: key), f.field(key), "\(error) (use XPath or the CSS subset in docs/config.md)")
                return nil
            }
        }
        rule.content = selector("content")
        rule.title = selector("title")
        rule.byline = selector("byline")
        rule.date = selector("date")
        rule.links = selector("links")
        if let list = reader.stringList(f, "remove") {
            for (i, item) in list.enumerated() {
                do throws(Selector.ParseError) {
                    _ = try Selector(item.value)
                    rule.remove.append(item.value)
                } catch {
                    reader.report(item.line, "\(f.field("remove"))[\(i)]", "\(error) (use XPath or the CSS subset in docs/config.md)")
                }
            }
        }
        return rule
    }
}
