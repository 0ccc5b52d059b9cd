/// The URL half of the policy: links, images (lazy sources, proxies, resize parameters, beacons) and `cite`.
struct URLRules: Sendable {
    let policy: SanitizePolicy
    /// The byte-level common case of `link` and `image`.
    let fast: URLFastPath

    init(policy: SanitizePolicy) {
        self.policy = policy
        fast = URLFastPath(policy)
    }

    enum Outcome: Equatable {
        case url(String)
        case rejected(String)
        case beacon
        case empty
    }

    struct Counts { var parametersRemoved = 0; var proxiesUnwrapped = 0 }

    /// An `a href`: relative or a link scheme; resolved and cleaned of tracking parameters.
    func link(_ raw: String, base: String?, pageHost: String?, counts: inout Counts) -> Outcome {
        let s = raw.strippingURLNoise()
        if s.isEmpty { return .empty }
        if let scheme = URLCleaner.scheme(of: s), !policy.linkSchemes.contains(scheme) { return .rejected(raw) }
        let resolved = URLCleaner.resolve(s, against: base)
        let scheme = URLCleaner.scheme(of: resolved)
        if let scheme, !policy.linkSchemes.contains(scheme) { return .rejected(raw) }
        // No query: nothing to clean (resolve already lowercased scheme and host).
        if scheme == "mailto" || !resolved.utf8.contains(0x3F) { return .url(resolved) }
        let (clean, removed) = policy.urlCleaner.cleanCounting(resolved, pageHost: pageHost)
        counts.parametersRemoved += removed
        return .url(clean)
    }

    /// A `cite` URL: http(s) or relative, resolved.
    func cite(_ raw: String, base: String?) -> Outcome {
        let s = raw.strippingURLNoise()
        if s.isEmpty { return .empty }
        let resolved = URLCleaner.resolve(s, against: base)
        if let scheme = URLCleaner.scheme(of: resolved), !policy.imageSchemes.contains(scheme) { return .rejected(raw) }
        return .url(resolved)
    }

    /// An image source: scheme-checked, resolved, proxies unwrapped (repeatedly), resize and tracking parameters
    /// dropped, beacons recognised.
    func image(_ raw: String, base: String?, pageHost: String?, counts: inout Counts) -> Outcome {
        let s = raw.strippingURLNoise()
        if s.isEmpty { return .empty }
        if let scheme = URLCleaner.scheme(of: s), !policy.imageSchemes.contains(scheme) { return .rejected(raw) }
        var u = URLCleaner.resolve(s, against: base)
        for _ in 0..<6 {
            guard let inner = Self.unwrapProxy(u, rules: policy.imageProxyRules) else { break }
            counts.proxiesUnwrapped += 1
            u = URLCleaner.resolve(inner, against: u)
        }
        if let scheme = URLCleaner.scheme(of: u), !policy.imageSchemes.contains(scheme) { return .rejected(raw) }
        // An absolute URL needs a host (`http:` alone was kept as an og:image: a fuzz finding; the fast path agrees).
        if URLCleaner.scheme(of: u) != nil, (URLCleaner.host(of: u) ?? "").isEmpty { return .rejected(raw) }
        u = applyParameterRules(u)
        var clean = u
        if u.utf8.contains(0x3F) {
            let (c, removed) = policy.urlCleaner.cleanCounting(u, pageHost: pageHost)
            clean = c
            counts.parametersRemoved += removed
        }
        if let host = URLCleaner.host(of: clean), Self.hostMatches(Self.browserHost(host), policy.beaconHosts) { return .beacon }
        return .url(clean)
    }

    /// The widest candidate of a `srcset` (`url 640w, url 2x`), or the first when no descriptor says more.
    static func bestSrcsetCandidate(_ srcset: String) -> String? {
        var best: (url: String, score: Double)?
        for part in srcset.split(separator: ",") {
            let fields = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            guard let url = fields.first else { continue }
            var score = 0.0
            if fields.count > 1, let d = fields.last, let v = Double(d.dropLast()) {
                score = d.hasSuffix("w") ? v : (d.hasSuffix("x") ? v * 1000 : 0)
            }
            if best == nil || score > (best?.score ?? 0) { best = (String(url), score) }
        }
        return best?.url
    }

    /// The host a browser connects to for `host` as written: percent-decoded, compatibility-mapped (fullwidth letters
    /// and dots), lowercased, without the trailing dot of a fully qualified name. What the beacon table is matched
    /// against, so `lcs%2Enaver.com`, `LCS.naver.com.` and `ｌｃｓ．naver.com` are all `lcs.naver.com` (fuzz finding).
    static func browserHost(_ host: String) -> String {
        var h = (host.removingPercentEncoding ?? host).precomposedStringWithCompatibilityMapping.lowercased()
        for dot in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] where h.contains(dot) { h = h.replacingOccurrences(of: dot, with: ".") }
        while h.hasSuffix(".") { h.removeLast() }
        return h
    }

    static func hostMatches(_ host: String, _ suffixes: some Sequence<String>) -> Bool {
        for h in suffixes where host == h || host.hasSuffix("." + h) { return true }
        return false
    }

    /// The original behind an image proxy URL, or nil when no rule matches.
    static func unwrapProxy(_ url: String, rules: [ImageProxyRule]) -> String? {
        let parts = URLParts(url)
        guard let host = parts.host else { return nil }
        let path = parts.path.isEmpty ? "/" : parts.path
        for rule in rules where hostMatches(host, rule.hosts) && path.hasPrefix(rule.pathPrefix) {
            if let param = rule.parameter {
                guard let q = parts.query, let v = Self.parameterValue(param, in: q, fragment: parts.fragment) else { continue }
                return v
            }
            if rule.pathEmbedded {
                let rest = path.dropFirst(rule.pathPrefix.count)
                guard let firstSlash = rest.firstIndex(of: "/") ?? Optional(rest.endIndex),
                      rest[..<firstSlash].contains("."), !rest.isEmpty else { continue }
                let lower = rest.lowercased()
                if lower.hasPrefix("http:/") || lower.hasPrefix("https:/") { return String(rest) }
                let ssl = parts.query?.split(separator: "&").contains("ssl=1") ?? false
                return (ssl ? "https://" : "http://") + rest
            }
        }
        return nil
    }

    /// A proxy's parameter value: quoted (`"…"`), plain (an inner query runs to the end) or percent-encoded
    /// (decoded up to three times for nested encodings).
    static func parameterValue(_ name: String, in query: String, fragment: String?) -> String? {
        var start: String.Index?
        var searchFrom = query.startIndex
        let needle = name.lowercased() + "="
        while searchFrom < query.endIndex, let r = query.range(of: needle, options: .caseInsensitive, range: searchFrom..<query.endIndex) {
            if r.lowerBound == query.startIndex || query[query.index(before: r.lowerBound)] == "&" { start = r.upperBound; break }
            searchFrom = r.upperBound
        }
        guard let start else { return nil }
        let rest = query[start...]
        let upToAmp = rest[..<(rest.firstIndex(of: "&") ?? rest.endIndex)]
        var value: String
        if rest.hasPrefix("\"") || rest.hasPrefix("'") || rest.lowercased().hasPrefix("%22") {
            let q = rest.hasPrefix("%") ? "%22" : String(rest.prefix(1))
            let inner = rest.dropFirst(q.count)
            let close = inner.range(of: q, options: .caseInsensitive)?.lowerBound ?? (inner.firstIndex(of: "&") ?? inner.endIndex)
            value = String(inner[..<close])
        } else {
            let lower = upToAmp.lowercased()
            let plain = lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
            if plain && upToAmp.contains("?") {
                value = String(rest) + (fragment.map { "#" + $0 } ?? "")
            } else {
                value = String(upToAmp)
            }
        }
        for _ in 0..<3 {
            let l = value.lowercased()
            guard l.hasPrefix("http%3a") || l.hasPrefix("https%3a") || l.hasPrefix("%2f%2f") || l.hasPrefix("%22") || l.hasPrefix("http%253a") || l.hasPrefix("https%253a") else { break }
            value = value.removingPercentEncodingLossy()
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        }
        let l = value.lowercased()
        guard l.hasPrefix("http:") || l.hasPrefix("https:") || l.hasPrefix("//") else { return nil }
        return value
    }

    private func applyParameterRules(_ url: String) -> String {
        guard url.utf8.contains(0x3F), !policy.imageParameterRules.isEmpty else { return url }
        var parts = URLParts(url)
        guard let host = parts.host, let q = parts.query else { return url }
        var drop: Set<String> = []
        for r in policy.imageParameterRules where Self.hostMatches(host, r.hosts) { drop.formUnion(r.parameters) }
        guard !drop.isEmpty else { return url }
        let kept = q.split(separator: "&").filter { item in
            let name = item[..<(item.firstIndex(of: "=") ?? item.endIndex)].lowercased()
            return !drop.contains(name)
        }
        parts.query = kept.isEmpty ? nil : kept.joined(separator: "&")
        return parts.joined
    }
}
