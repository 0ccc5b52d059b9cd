import Foundation
import Yams

// Loading feeds.yaml: compose the YAML into nodes (for line numbers), read every field with its line,
// validate, and report every problem at once. Keys are snake_case; see docs/config.md.

extension FeedsConfig {
    /// Reads and validates `path`. Throws `ConfigError` listing every problem as `file:line: field: message`.
    ///
    /// `path:` entries of sources are resolved against the config file's folder and stored absolute.
    public static func load(path: String) throws(ConfigError) -> FeedsConfig {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let t = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(file: path, reason: "the file is not UTF-8 text (save it as UTF-8)")
            }
            text = t
        } catch let e as ConfigError {
            throw e
        } catch {
            throw .unreadable(file: path, reason: "cannot read the config file (\(error.localizedDescription)); pass --config FILE or create feeds.yaml")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, directory: directory)
    }

    /// Parses and validates YAML text. `file` names it in messages; `directory` resolves `path:` entries.
    public static func parse(yaml: String, file: String = "feeds.yaml", directory: String = ".") throws(ConfigError) -> FeedsConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw .invalid(file: file, problems: [yamlProblem(error, file: file)])
        } catch {
            throw .invalid(file: file, problems: [ConfigProblem(file: file, line: 0, field: "", message: "not valid YAML: \(error)")])
        }
        guard let root else {
            throw .invalid(file: file, problems: [ConfigProblem(file: file, line: 0, field: "", message: "the file is empty (add `sources:`; see docs/config.md)")])
        }
        var loader = ConfigLoader(reader: ConfigReader(file: file), directory: directory)
        let config = loader.read(root)
        let problems = loader.reader.problems.sorted { ($0.line, $0.field) < ($1.line, $1.field) }
        guard problems.isEmpty, var config else {
            throw .invalid(file: file, problems: problems)
        }
        config.warnings = loader.reader.warnings
        config.lines = loader.reader.lines
        return config
    }

    private static func yamlProblem(_ error: YamlError, file: String) -> ConfigProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ConfigProblem(file: file, line: mark.line, field: "", message: "not valid YAML: \(ctx)\(problem) (check indentation and quoting)")
        case .reader(let problem, let offset, let value, let yaml):
            // A character YAML refuses (a control character, an invalid code point): name its line (a fuzz finding).
            let line = offset.map { n in 1 + yaml.prefix(n).count(where: \.isNewline) } ?? 0
            let code = value >= 0 ? String(format: " U+%04X", value) : ""
            return ConfigProblem(file: file, line: line, field: "",
                                 message: "not valid YAML: \(problem)\(code) (remove the character; the file must be plain UTF-8 text)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigProblem(file: file, line: context.mark.line, field: "",
                                 message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping (keep one)")
        default:
            return ConfigProblem(file: file, line: 0, field: "", message: "not valid YAML: \(error)")
        }
    }
}

/// The schema of feeds.yaml, read node by node.
private struct ConfigLoader {
    var reader: ConfigReader
    let directory: String

    static let topKeys = ["classify", "defaults", "sanitize", "sections", "sites", "sources"]
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
        return FeedsConfig(sections: sections, defaults: defaults, sources: sources, sites: sites,
                           sanitize: sanitize, classify: classify, file: reader.file)
    }

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
            if let why = Self.httpURLProblem(u) { reader.report(f.line(of: "url"), f.field("url"), why) } else { s.url = u }
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
            if HTMLDocument.isKnownEncoding(cs) { s.charset = cs } else {
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
            else { s.baseURL = b }
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

    mutating func readSanitize(_ node: Node) -> SanitizeOverrides? {
        guard !ConfigReader.isNull(node), let f = reader.fields(node, at: "sanitize", known: Self.sanitizeKeys) else { return nil }
        var o = SanitizeOverrides()
        func words(_ key: String) -> [String] { reader.stringList(f, key)?.map { $0.value.trimmingCharacters(in: .whitespaces) } ?? [] }
        o.extraTrackingAttributes = words("extra_tracking_attributes").map { $0.lowercased() }
        o.extraTrackingParameters = words("extra_tracking_parameters")
        o.iframeHosts = words("iframe_hosts").map { $0.lowercased() }
        o.beaconHosts = words("beacon_hosts").map { $0.lowercased() }
        o.allowTags = words("allow_tags").map { $0.lowercased() }
        o.removeTags = words("remove_tags").map { $0.lowercased() }
        for tag in Set(o.allowTags).intersection(o.removeTags).sorted() {
            reader.report(f.line(of: "remove_tags"), "sanitize.remove_tags", "\"\(tag)\" is also in allow_tags (keep it in one list)")
        }
        if let rules = reader.sequence(f, "image_proxy_rules") {
            for (n, p) in rules {
                guard let rf = reader.fields(n, at: p, known: Self.proxyRuleKeys) else { continue }
                let name = reader.string(rf, "name", required: true)
                let hosts = reader.stringList(rf, "hosts")?.map { $0.value.lowercased() } ?? []
                if hosts.isEmpty { reader.report(rf.line, rf.field("hosts"), "missing (list the proxy's hosts)") }
                let prefix = reader.string(rf, "path_prefix") ?? "/"
                if !prefix.hasPrefix("/") { reader.report(rf.line(of: "path_prefix"), rf.field("path_prefix"), "must start with /") }
                let parameter = reader.string(rf, "parameter")
                let embedded = reader.bool(rf, "path_embedded") ?? false
                if parameter == nil, !embedded {
                    reader.report(rf.line, rf.field("parameter"), "missing (name the query parameter holding the original, or set `path_embedded: true`)")
                }
                if let name { o.imageProxyRules.append(ImageProxyRule(name: name, hosts: hosts, pathPrefix: prefix, parameter: parameter, pathEmbedded: embedded)) }
            }
        }
        if let sp = f.values["signed_proxy"], !ConfigReader.isNull(sp), let pf = reader.fields(sp, at: "sanitize.signed_proxy", known: Self.signedProxyKeys) {
            let template = reader.string(pf, "template", required: true, hint: "add `template: https://img.example/{sig}/{url_b64}`")
            if let template {
                if Self.httpURLProblem(template.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")) != nil {
                    reader.report(pf.line(of: "template"), pf.field("template"), "must be an http(s) URL template")
                } else if !["{url}", "{url_b64}", "{url_hex}"].contains(where: template.contains) || !template.contains("{sig}") {
                    reader.report(pf.line(of: "template"), pf.field("template"), "must contain {sig} and one of {url}, {url_b64}, {url_hex}")
                }
            }
            var cfg = SignedProxyConfig(template: template ?? "")
            if let env = reader.string(pf, "key_env") {
                if env.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) { cfg.keyEnv = env }
                else { reader.report(pf.line(of: "key_env"), pf.field("key_env"), "must be an environment variable name (A-Z, 0-9, _); the key itself never goes in this file") }
            }
            if let enc = reader.string(pf, "signature_encoding") {
                if ["hex", "base64url"].contains(enc) { cfg.signatureEncoding = enc }
                else { reader.report(pf.line(of: "signature_encoding"), pf.field("signature_encoding"), "unknown encoding \"\(enc)\" (use hex or base64url)") }
            }
            if template != nil { o.signedProxy = cfg }
        }
        return o
    }

    mutating func readClassify(_ node: Node, sections: Set<String>) -> ClassifyOverrides? {
        guard !ConfigReader.isNull(node), let f = reader.fields(node, at: "classify", known: Self.classifyKeys) else { return nil }
        var c = ClassifyOverrides()
        c.threshold = reader.double(f, "threshold", in: 0...1)
        if let d = reader.string(f, "default_section") {
            if sections.contains(d) { c.defaultSection = d }
            else { reader.report(f.line(of: "default_section"), f.field("default_section"), "unknown section \"\(d)\" (use one of \(sections.sorted().joined(separator: ", ")))") }
        }
        if let m = reader.string(f, "model") {
            let resolved = m.hasPrefix("/") ? m : URL(fileURLWithPath: directory).appendingPathComponent(m).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: resolved) { c.model = resolved }
            else { reader.report(f.line(of: "model"), f.field("model"), "no such file \(resolved) (path is relative to the config file's folder)") }
        }
        if let rules = reader.sequence(f, "rules") {
            for (n, p) in rules {
                guard let rf = reader.fields(n, at: p, known: Self.ruleKeys) else { continue }
                let rule = SectionRule(host: reader.string(rf, "host")?.lowercased(), pathPrefix: reader.string(rf, "path_prefix"),
                                       query: reader.string(rf, "query"), hint: reader.string(rf, "hint"),
                                       section: reader.string(rf, "section", required: true, hint: "add `section: <id>`") ?? "")
                if rule.host == nil, rule.pathPrefix == nil, rule.query == nil, rule.hint == nil {
                    reader.report(rf.line, p, "matches nothing (give at least one of host, path_prefix, query, hint)")
                }
                if let q = rule.query, !q.contains("=") { reader.report(rf.line(of: "query"), rf.field("query"), "expected `name=value`") }
                if let pp = rule.pathPrefix, !pp.hasPrefix("/") { reader.report(rf.line(of: "path_prefix"), rf.field("path_prefix"), "must start with /") }
                if !rule.section.isEmpty, !sections.contains(rule.section) {
                    reader.report(rf.line(of: "section"), rf.field("section"), "unknown section \"\(rule.section)\" (use one of \(sections.sorted().joined(separator: ", ")))")
                }
                c.rules.append(rule)
            }
        }
        return c
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, CharacterSet.alphanumerics.contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// nil when `text` is an absolute http(s) URL with a host; otherwise what is wrong and what to write.
    static func httpURLProblem(_ text: String) -> String? {
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
