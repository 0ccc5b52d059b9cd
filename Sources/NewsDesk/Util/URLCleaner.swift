/// Resolves, checks and cleans URLs found in pages and feeds.
///
/// - `resolve(_:against:)` resolves a possibly relative reference against an http(s) base (RFC 3986 §5.2,
///   with the browser's leniencies: surrounding whitespace trimmed, tab/newline removed, `\` read as `/`).
/// - `scheme(of:)` reports the scheme a browser would see: after entity decoding and after removing
///   whitespace and control characters anywhere (`jav&#x09;ascript:` → `javascript`).
/// - `clean(_:pageHost:)` removes tracking query parameters by table (``trackingParameters``,
///   ``trackingParameterPrefixes``; `ref` only when its value is the page's own host), keeps the other
///   parameters in order, and lowercases scheme and host.
///
/// A value type with no state beyond its tables; safe to share across tasks.
public struct URLCleaner: Sendable, Equatable {
    /// Exact query parameter names that only track (compared lowercased).
    public var trackingParameters: Set<String>
    /// Parameter name prefixes that only track (`utm_`).
    public var trackingParameterPrefixes: [String]

    /// A cleaner with the default tables plus `extraParameters` (names, or prefixes ending in `*`).
    public init(extraParameters: [String] = []) {
        var exact = Set(Self.defaultTrackingParameters)
        var prefixes = Self.defaultTrackingParameterPrefixes
        for p in extraParameters {
            let l = p.lowercased().trimmingWhitespace()
            guard !l.isEmpty else { continue }
            if l.hasSuffix("*") { prefixes.append(String(l.dropLast())) } else { exact.insert(l) }
        }
        trackingParameters = exact
        trackingParameterPrefixes = prefixes
    }

    /// The cleaner with the default tables.
    public static let standard = URLCleaner()

    // MARK: Tables (sorted)

    /// Tracking parameters removed from every URL. Sources: miniflux `urlcleaner.go`, ClearURLs "globalRules",
    /// Mailchimp/HubSpot/Yandex/Instagram documentation of their click ids.
    public static let defaultTrackingParameters: [String] = [
        "__s",          // Drip
        "_bhlid",       // beehiiv
        "_ga",          // Google Analytics linker
        "_gl",          // Google Analytics linker
        "_hsenc",       // HubSpot
        "_hsmi",        // HubSpot
        "_openstat",    // Yandex
        "dclid",        // Google Display
        "fbclid",       // Facebook
        "gbraid",       // Google Ads (iOS)
        "gclid",        // Google Ads
        "gclsrc",       // Google Ads
        "igshid",       // Instagram
        "mc_cid",       // Mailchimp campaign
        "mc_eid",       // Mailchimp subscriber
        "mkt_tok",      // Marketo
        "msclkid",      // Microsoft Ads
        "oly_anon_id",  // Omeda
        "oly_enc_id",   // Omeda
        "rb_clickid",   // Rakuten
        "s_cid",        // Adobe
        "twclid",       // Twitter/X Ads
        "vero_conv",    // Vero
        "vero_id",      // Vero
        "wbraid",       // Google Ads (web→app)
        "wickedid",     // WickedReports
        "yclid",        // Yandex
    ]

    /// Parameter name prefixes removed from every URL.
    public static let defaultTrackingParameterPrefixes: [String] = [
        "utm_",         // Urchin/Google Analytics campaign parameters
    ]

    // MARK: Static conveniences

    /// Removes tracking parameters with the default tables and canonicalizes scheme and host case.
    /// `pageHost` is the host of the page the URL was found on (for the `ref` rule); nil means the URL's own host.
    public static func clean(_ url: String, pageHost: String? = nil) -> String {
        standard.clean(url, pageHost: pageHost)
    }

    /// Removes tracking parameters (see ``trackingParameters``) and lowercases scheme and host.
    public func clean(_ url: String, pageHost: String? = nil) -> String {
        cleanCounting(url, pageHost: pageHost).url
    }

    /// `clean` plus the number of parameters removed.
    func cleanCounting(_ url: String, pageHost: String?) -> (url: String, removed: Int) {
        var parts = URLParts(url.strippingURLNoise())
        parts.scheme = parts.scheme?.lowercased()
        if let a = parts.authority { parts.authority = Self.lowercaseHost(in: a) }
        guard let query = parts.query else { return (parts.joined, 0) }
        let ownHost = parts.host
        var kept: [Substring] = []
        var removed = 0
        for itemBytes in query.utf8.split(separator: 0x26, omittingEmptySubsequences: true) {
            guard let item = Substring(itemBytes) as Substring? else { continue }
            let eq = item.utf8.firstIndex(of: 0x3D) ?? item.endIndex
            let name = item[item.startIndex..<eq].lowercased()
            if trackingParameters.contains(name) { removed += 1; continue }
            if trackingParameterPrefixes.contains(where: { name.hasPrefix($0) }) { removed += 1; continue }
            if name == "ref", let refHost = (pageHost ?? ownHost).map(Self.bareHost), eq < item.endIndex {
                let value = String(item[item.utf8.index(after: eq)...]).removingPercentEncodingLossy()
                if Self.bareHost(Self.hostOfRefValue(value)) == refHost { removed += 1; continue }
            }
            kept.append(item)
        }
        parts.query = kept.isEmpty ? nil : kept.joined(separator: "&")
        return (parts.joined, removed)
    }

    /// Resolves `reference` against `base` (http or https). Returns the reference itself (noise removed)
    /// when it is already absolute or when there is no usable base.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.strippingURLNoise()
        let refParts = URLParts(ref)
        if refParts.scheme != nil { return refParts.normalizedAbsolute }
        guard let base, case let b = URLParts(base.strippingURLNoise()),
              let bs = b.scheme?.lowercased(), bs == "http" || bs == "https", b.authority != nil
        else { return ref }
        var r = URLParts("")
        r.scheme = bs
        if let auth = refParts.authority {
            r.authority = auth
            r.path = removeDotSegments(refParts.path)
            r.query = refParts.query
        } else {
            r.authority = b.authority
            if refParts.path.isEmpty {
                r.path = b.path
                r.query = refParts.query ?? b.query
            } else {
                if refParts.path.hasPrefix("/") {
                    r.path = removeDotSegments(refParts.path)
                } else {
                    let basePath = b.path.isEmpty ? "/" : b.path
                    let dir = basePath[..<(basePath.lastIndex(of: "/").map { basePath.index(after: $0) } ?? basePath.startIndex)]
                    r.path = removeDotSegments(dir + refParts.path)
                }
                r.query = refParts.query
            }
        }
        r.fragment = refParts.fragment
        if r.path.isEmpty { r.path = "/" }
        return r.normalizedAbsolute
    }

    /// The lowercased scheme a browser would see, or nil for a relative reference.
    /// Entities are decoded first and whitespace and control characters are removed anywhere.
    public static func scheme(of url: String) -> String? {
        var letters: [UInt8] = []
        for b in HTMLEntities.decode(url).utf8 {
            if b <= 0x20 || b == 0x7F { continue }
            if b == UInt8(ascii: ":") {
                guard let first = letters.first, isASCIIAlpha(first) else { return nil }
                return String(decoding: letters, as: UTF8.self).lowercased()
            }
            if isASCIIAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E {
                letters.append(b)
            } else {
                return nil
            }
        }
        return nil
    }

    /// Whether `url` is relative or uses one of `schemes` (lowercase), judged as by ``scheme(of:)``.
    public static func hasAllowedScheme(_ url: String, _ schemes: Set<String>) -> Bool {
        guard let s = scheme(of: url) else {
            // Relative, unless it starts with something a browser might still read as a scheme.
            return true
        }
        return schemes.contains(s)
    }

    /// The lowercased host of an absolute or scheme-relative URL.
    public static func host(of url: String) -> String? { URLParts(url.strippingURLNoise()).host }

    // MARK: Helpers

    static func isASCIIAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    static func bareHost(_ h: String) -> String {
        let l = h.lowercased()
        return l.hasPrefix("www.") ? String(l.dropFirst(4)) : l
    }

    private static func hostOfRefValue(_ v: String) -> String {
        if v.contains("//") { return URLParts(v).host ?? v }
        return String(v.split(separator: "/", maxSplits: 1).first ?? "")
    }

    private static func lowercaseHost(in authority: String) -> String {
        guard let at = authority.utf8.lastIndex(of: 0x40) else { return authority.lowercased() }
        return String(authority[...at]) + authority[authority.utf8.index(after: at)...].lowercased()
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: some StringProtocol) -> String {
        // Fast path: no "." or ".." segment anywhere.
        var prev: UInt8 = 0x2F
        var dotted = false
        for b in path.utf8 { if b == 0x2E && prev == 0x2F { dotted = true; break }; prev = b }
        if !dotted { return String(path) }
        var input: [String] = String(path).split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        let absolute = path.hasPrefix("/")
        if absolute { input.removeFirst() }
        var out: [String] = []
        for (i, seg) in input.enumerated() {
            let last = i == input.count - 1
            switch seg {
            case ".": if last { out.append("") }
            case "..":
                if !out.isEmpty { out.removeLast() }
                if last { out.append("") }
            default: out.append(seg)
            }
        }
        return (absolute ? "/" : "") + out.joined(separator: "/")
    }
}

/// A URL split into its RFC 3986 components (no decoding).
struct URLParts {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(_ s: String) {
        // Byte-level splitting (String.Index from the UTF-8 view): Character iteration is far slower.
        var rest = Substring(s)
        if let hash = rest.utf8.firstIndex(of: 0x23) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.utf8.firstIndex(of: 0x3F) {
            query = String(rest[rest.utf8.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.utf8.firstIndex(of: 0x3A), let first = rest.utf8.first, URLCleaner.isASCIIAlpha(first),
           rest.utf8[..<colon].allSatisfy({ URLCleaner.isASCIIAlpha($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) {
            scheme = String(rest[..<colon])
            rest = rest[rest.utf8.index(after: colon)...]
        }
        let special = scheme.map { $0.utf8.count <= 5 && ["http", "https"].contains($0.lowercased()) } ?? true
        if special, rest.utf8.contains(0x5C) { rest = Substring(String(rest).replacingBackslashes()) }
        let u = rest.utf8
        if u.count >= 2, u.first == 0x2F, u[u.index(after: u.startIndex)] == 0x2F {
            let afterSlashes = u.index(u.startIndex, offsetBy: 2)
            let end = u[afterSlashes...].firstIndex(of: 0x2F) ?? u.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    /// The lowercased host without user info or port.
    var host: String? {
        guard let auth = authority else { return nil }
        var a = Substring(auth)
        if let at = a.utf8.lastIndex(of: 0x40) { a = a[a.utf8.index(after: at)...] }
        if a.utf8.first == 0x5B {
            if let close = a.utf8.firstIndex(of: 0x5D) { return String(a[...close]).lowercased() }
            return String(a).lowercased()
        }
        if let colon = a.utf8.lastIndex(of: 0x3A) { a = a[..<colon] }
        return a.lowercased()
    }

    var joined: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// For http(s): lowercase scheme and host, an empty path becomes `/`, dot segments removed.
    var normalizedAbsolute: String {
        var c = self
        guard let s = c.scheme?.lowercased() else { return joined }
        c.scheme = s
        if s == "http" || s == "https", let a = c.authority {
            if let at = a.utf8.lastIndex(of: 0x40) {
                c.authority = String(a[...at]) + a[a.utf8.index(after: at)...].lowercased()
            } else {
                c.authority = a.lowercased()
            }
            c.path = c.path.isEmpty ? "/" : URLCleaner.removeDotSegments(c.path)
        }
        return c.joined
    }
}

extension String {
    /// Trims ASCII whitespace and C0 controls at both ends, removes tab/CR/LF inside, encodes inner spaces.
    func strippingURLNoise() -> String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 > 0x20 }) else { return "" }
        guard let last = u.lastIndex(where: { $0 > 0x20 }) else { return "" }
        let core = self[first...last]
        if !core.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) { return String(core) }
        var out: [UInt8] = []
        out.reserveCapacity(core.utf8.count + 8)
        for b in core.utf8 {
            switch b {
            case 0x09, 0x0A, 0x0D: continue
            case 0x20: out.append(contentsOf: Array("%20".utf8))
            case 0x00...0x1F, 0x7F: continue
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func replacingBackslashes() -> String {
        guard utf8.contains(0x5C) else { return self }
        return String(decoding: utf8.map { $0 == 0x5C ? 0x2F : $0 }, as: UTF8.self)
    }

    func trimmingWhitespace() -> String {
        let u = utf8
        guard let f = u.firstIndex(where: { $0 > 0x20 }), let l = u.lastIndex(where: { $0 > 0x20 }) else { return "" }
        return String(self[f...l])
    }

    /// Percent-decodes; invalid sequences stay as they are; invalid UTF-8 is replaced.
    func removingPercentEncodingLossy() -> String {
        guard utf8.contains(0x25) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        let b = Array(utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
