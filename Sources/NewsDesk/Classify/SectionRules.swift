import Foundation

/// The classifier's strong signals as data: URL rules (host suffix, path, query parameter) and page hints
/// (`article:section`, breadcrumbs). Operator rules from feeds.yaml `classify.rules` come before the defaults.
public struct SectionRules: Sendable, Equatable {
    /// Rules from feeds.yaml; any match here beats the default table.
    public var overrides: [SectionRule]
    /// The built-in table (`SectionRules+Default.swift`).
    public var defaults: [SectionRule]

    public init(overrides: [SectionRule] = [], defaults: [SectionRule] = SectionRules.defaultTable) {
        self.overrides = overrides; self.defaults = defaults
    }

    /// The default table plus the operator's rules.
    public func applying(_ overrides: ClassifyOverrides) -> SectionRules {
        SectionRules(overrides: overrides.rules + self.overrides, defaults: defaults)
    }

    /// A rule that matched, with the text that says why.
    public struct Match: Sendable, Equatable {
        public var rule: SectionRule
        /// "sports.news.naver.com → sports", "sid1=105 → it", "hint 스포츠 → sports".
        public var reason: String
    }

    /// The best URL rule for `url`: the first matching operator rule, else the most specific default.
    public func match(url: String) -> Match? {
        guard let parsed = ParsedURL(url) else { return nil }
        let urlRules = { (r: SectionRule) in r.host != nil || r.pathPrefix != nil || r.query != nil }
        if let r = overrides.first(where: { urlRules($0) && parsed.matches($0) }) { return Match(rule: r, reason: describe(r)) }
        let best = defaults.filter { urlRules($0) && parsed.matches($0) }.max { specificity($0) < specificity($1) }
        return best.map { Match(rule: $0, reason: describe($0)) }
    }

    /// The rule for a page hint (article:section or a breadcrumb). A breadcrumb trail ("뉴스 > IT/과학") is tried
    /// from its most specific part. Matching ignores case, spaces and punctuation ("IT/과학" = "it과학").
    public func match(hint: String) -> Match? {
        let parts = hint.split(whereSeparator: { ">|›»".contains($0) }).map(String.init).reversed()
        for part in parts {
            let key = Self.hintKey(part)
            guard !key.isEmpty else { continue }
            if let r = overrides.first(where: { $0.hint.map(Self.hintKey) == key }) ?? defaults.first(where: { $0.hint.map(Self.hintKey) == key }) {
                return Match(rule: r, reason: "page section \"\(part.trimmingCharacters(in: .whitespaces))\" → \(r.section)")
            }
        }
        return nil
    }

    /// Lowercased letters and digits only.
    static func hintKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    private func specificity(_ r: SectionRule) -> Int {
        (r.host?.count ?? 0) * 4 + (r.pathPrefix?.count ?? 0) * 2 + (r.query != nil ? 100 : 0)
    }

    private func describe(_ r: SectionRule) -> String {
        let pattern = [r.host, r.pathPrefix, r.query.map { "?" + $0 }].compactMap { $0 }.joined()
        return "url rule: \(pattern) → \(r.section)"
    }
}

/// Host (lowercased, without "www."), path (lowercased) and query items of a URL.
struct ParsedURL {
    var host: String
    var path: String
    var query: [(String, String)]

    init?(_ s: String) {
        guard let c = URLComponents(string: s.trimmingCharacters(in: .whitespaces)), let h = c.host?.lowercased(), !h.isEmpty else { return nil }
        host = h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
        path = c.percentEncodedPath.lowercased()
        query = (c.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }
    }

    /// Host: suffix match on label boundaries. Path: a prefix when the rule names a host, else the segments
    /// anywhere in the path ("/sports/" matches "/news/sports/123"). Query: `name=value` present.
    func matches(_ r: SectionRule) -> Bool {
        if let h = r.host?.lowercased() {
            guard host == h || host.hasSuffix("." + h) else { return false }
        }
        if let p = r.pathPrefix?.lowercased() {
            if r.host != nil {
                guard path.hasPrefix(p) || path + "/" == p else { return false }
            } else {
                let segment = p.hasSuffix("/") ? p : p + "/"
                guard (path + "/").contains(segment) else { return false }
            }
        }
        if let q = r.query {
            let pair = q.split(separator: "=", maxSplits: 1).map(String.init)
            let name = pair.first?.lowercased() ?? ""
            let value = pair.count > 1 ? pair[1] : nil
            guard query.contains(where: { $0.0 == name && (value == nil || $0.1 == value) }) else { return false }
        }
        return true
    }
}
