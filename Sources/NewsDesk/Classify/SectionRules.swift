import Foundation

/// The classifier's signals as data: URL rules (host suffix, path, query parameter), page hints (`article:section`,
/// breadcrumbs, category markup), page tags and publishers. Operator rules from feeds.yaml `classify.rules` come
/// before the defaults. How much each kind of match weighs is `Classifier`'s business (`Match.kind`).
public struct SectionRules: Sendable, Equatable {
    /// Rules from feeds.yaml; any match here beats the default table.
    public let overrides: [SectionRule]
    /// The built-in table (`SectionRules+Default.swift`).
    public let defaults: [SectionRule]
    /// The defaults' hint rules by key (the first of equal keys).
    private let defaultHints: [String: SectionRule]

    public init(overrides: [SectionRule] = [], defaults: [SectionRule] = SectionRules.defaultTable) {
        self.overrides = overrides; self.defaults = defaults
        defaultHints = defaults == Self.defaultTable ? Self.defaultHintIndex
            : Dictionary(defaults.compactMap { r in r.hint.map { (Self.hintKey($0), r) } }, uniquingKeysWith: { a, _ in a })
    }

    public static func == (a: SectionRules, b: SectionRules) -> Bool { a.overrides == b.overrides && a.defaults == b.defaults }

    /// The default table plus the operator's rules.
    public func applying(_ overrides: ClassifyOverrides) -> SectionRules {
        let lowered = overrides.rules.map { r in
            SectionRule(host: r.host?.lowercased(), pathPrefix: r.pathPrefix?.lowercased(), query: r.query, hint: r.hint, section: r.section)
        }
        return SectionRules(overrides: lowered + self.overrides, defaults: defaults)
    }

    /// What kind of evidence a match is (strongest last).
    public enum Kind: Int, Sendable, Equatable, Comparable {
        /// A page tag or keyword that names or implies a section.
        case tag
        /// A publisher whose beat is one section (byline agency, portal's publisher name, site name).
        case publisher
        /// A URL path segment on any host (`/sports/`).
        case pathSegment
        /// A single-beat publisher's host (`etnews.com`).
        case publisherHost
        /// The page's own section (article:section, breadcrumbs, category markup).
        case pageSection
        /// A portal's section host, category path or section id (`sports.news.naver.com`, `sid=105`).
        case portal
        /// A rule from feeds.yaml.
        case `operator`
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// A rule that matched, with the text that says why.
    public struct Match: Sendable, Equatable {
        public var rule: SectionRule
        /// "url rule: sports.news.naver.com → sports", "page section \"IT/과학\" → it", "page tag \"rust\" → it".
        public var reason: String
        public var kind: Kind
    }

    /// The best URL rule for `url`: the first matching operator rule, else the most specific default.
    public func match(url: String) -> Match? {
        guard let parsed = ParsedURL(url) else { return nil }
        let urlRules = { (r: SectionRule) in r.host != nil || r.pathPrefix != nil || r.query != nil }
        if let r = overrides.first(where: { urlRules($0) && parsed.matches($0) }) { return Match(rule: r, reason: describe(r), kind: .operator) }
        var best: SectionRule? = nil
        for r in defaults where urlRules(r) && parsed.matches(r) {
            if best.map({ specificity($0) < specificity(r) }) ?? true { best = r }
        }
        return best.map { Match(rule: $0, reason: describe($0), kind: Self.kind(ofDefault: $0)) }
    }

    /// Portal rules (a query, or a portal host), publisher hosts, and path segments on any host.
    static func kind(ofDefault r: SectionRule) -> Kind {
        guard let host = r.host else { return .pathSegment }
        if r.query != nil || portalHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return .portal }
        return .publisherHost
    }

    /// The rule for a page hint (article:section or a breadcrumb). A breadcrumb trail ("뉴스 > IT/과학") is tried
    /// from its most specific part. Matching ignores case, spaces and punctuation ("IT/과학" = "it과학").
    public func match(hint: String) -> Match? {
        let parts = hint.split(whereSeparator: { ">|›»".contains($0) }).map(String.init).reversed()
        for part in parts {
            let key = Self.hintKey(part)
            guard !key.isEmpty else { continue }
            if let r = overrides.first(where: { $0.hint.map(Self.hintKey) == key }) ?? defaultHints[key] {
                return Match(rule: r, reason: "page section \"\(part.trimmingCharacters(in: .whitespaces))\" → \(r.section)", kind: .pageSection)
            }
        }
        return nil
    }

    /// The section a page tag or keyword points to: a hint word (operator's or built in) or a tag word
    /// (`tagTable`: programming languages, devices, leagues). A WordPress slug (`tag-open-source`) matches too.
    public func match(tag: String) -> Match? {
        let key = Self.hintKey(tag)
        guard !key.isEmpty else { return nil }
        let display = tag.trimmingCharacters(in: .whitespaces)
        if let r = overrides.first(where: { $0.hint.map(Self.hintKey) == key }) ?? defaultHints[key] {
            return Match(rule: r, reason: "page tag \"\(display)\" → \(r.section)", kind: .tag)
        }
        if let section = Self.tagWords[key] {
            return Match(rule: SectionRule(hint: display, section: section), reason: "page tag \"\(display)\" → \(section)", kind: .tag)
        }
        return nil
    }

    /// The section of a single-beat publisher (`publisherTable`), by its name as the page gives it.
    public func match(publisher: String) -> Match? {
        let display = publisher.trimmingCharacters(in: .whitespaces)
        guard let section = Self.publishers[Self.hintKey(publisher)] else { return nil }
        return Match(rule: SectionRule(hint: display, section: section), reason: "publisher \(display) → \(section)", kind: .publisher)
    }

    private static let defaultHintIndex: [String: SectionRule] =
        Dictionary(hintTable.compactMap { r in r.hint.map { (hintKey($0), r) } }, uniquingKeysWith: { a, _ in a })
    private static let tagWords: [String: String] = Dictionary(tagTable.map { (hintKey($0.term), $0.section) }, uniquingKeysWith: { a, _ in a })
    private static let publishers: [String: String] =
        Dictionary(publisherTable.map { (hintKey($0.name), $0.section) }, uniquingKeysWith: { a, _ in a })

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

    /// A small parser for http(s) URLs (URLComponents is slow on Linux and the classifier runs per article).
    /// Works on UTF-8 code units: every delimiter is ASCII, so the indices stay on scalar boundaries.
    init?(_ s: String) {
        let space = UInt8(ascii: " ")
        var rest = Substring(s)
        while let f = rest.utf8.first, f == space { rest = rest[rest.utf8.index(after: rest.startIndex)...] }
        while let l = rest.utf8.last, l == space { rest = rest[..<rest.utf8.index(before: rest.endIndex)] }
        guard let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), rest[colon...].utf8.starts(with: "://".utf8) else { return nil }
        rest = rest[rest.utf8.index(colon, offsetBy: 3)...]
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        let authorityEnd = rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.utf8.index(after: at)...] }
        if let colon = authority.utf8.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
        let h = authority.lowercased()
        guard !h.isEmpty, !h.utf8.contains(space) else { return nil }
        host = h.utf8.starts(with: "www.".utf8) ? String(h.dropFirst(4)) : h
        let afterAuthority = rest[authorityEnd...]
        let queryStart = afterAuthority.utf8.firstIndex(of: UInt8(ascii: "?"))
        path = String(afterAuthority[..<(queryStart ?? afterAuthority.endIndex)]).lowercased()
        query = []
        if let q = queryStart {
            for item in afterAuthority[afterAuthority.utf8.index(after: q)...].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((pair[0].lowercased(), pair.count > 1 ? String(pair[1]) : ""))
            }
        }
    }

    /// Host: suffix match on label boundaries. Path: a prefix when the rule names a host, else the segments
    /// anywhere in the path ("/sports/" matches "/news/sports/123"). Query: `name=value` present.
    func matches(_ r: SectionRule) -> Bool {
        if let h = r.host {
            guard host.utf8.count >= h.utf8.count, host.hasSuffix(h) else { return false }
            if host.utf8.count > h.utf8.count {
                let dot = host.utf8.index(host.utf8.endIndex, offsetBy: -(h.utf8.count + 1))
                guard host.utf8[dot] == UInt8(ascii: ".") else { return false }
            }
        }
        if let p = r.pathPrefix {
            if r.host != nil {
                guard path.hasPrefix(p) || path + "/" == p else { return false }
            } else {
                guard Self.pathContainsSegments(path, p) else { return false }
            }
        }
        if let q = r.query {
            guard !query.isEmpty else { return false }
            let pair = q.split(separator: "=", maxSplits: 1).map(String.init)
            let name = pair.first?.lowercased() ?? ""
            let value = pair.count > 1 ? pair[1] : nil
            guard query.contains(where: { $0.0 == name && (value == nil || $0.1 == value) }) else { return false }
        }
        return true
    }

    /// Whether `path + "/"` contains `segments` (with a trailing "/" added when missing), on UTF-8 code units
    /// without building either string (`String.contains` goes through Foundation on Linux).
    static func pathContainsSegments(_ path: String, _ segments: String) -> Bool {
        var path = path, segments = segments
        return path.withUTF8 { hay in
            segments.withUTF8 { needle in
                let slash = UInt8(ascii: "/")
                // Virtual strings: hay + "/" and needle (+ "/" unless it ends with one).
                let hayCount = hay.count + 1
                let needleCount = needle.count + (needle.last == slash ? 0 : 1)
                guard needleCount <= hayCount else { return false }
                @inline(__always) func h(_ i: Int) -> UInt8 { i < hay.count ? hay[i] : slash }
                @inline(__always) func n(_ i: Int) -> UInt8 { i < needle.count ? needle[i] : slash }
                for start in 0...(hayCount - needleCount) {
                    var k = 0
                    while k < needleCount && h(start + k) == n(k) { k += 1 }
                    if k == needleCount { return true }
                }
                return false
            }
        }
    }
}
