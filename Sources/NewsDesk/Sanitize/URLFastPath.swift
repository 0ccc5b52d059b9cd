/// The common case of ``URLRules/link(_:base:pageHost:counts:)`` and ``URLRules/image(_:base:pageHost:counts:)``
/// on bytes, without Strings or Foundation: an absolute `http(s)://` URL, or a path-absolute reference (`/a/b`)
/// under an http(s) base, whose authority is plain ASCII (no user info, no IPv6 literal), whose path has no dot
/// segment, with no noise (whitespace, controls, `\`) and no `ref` parameter; for images also no proxy, beacon
/// host or signed proxy. Such a URL only needs its scheme and host lowercased, an empty path made `/` and tracking
/// (and, for images, resize) parameters dropped; everything else returns nil and takes the String path.
///
/// The result is byte for byte what the String path gives (URLFastPathTests compares both on a generated table).
/// The policy's tables are copied as bytes; a table with a non-ASCII entry disables the fast path (String
/// comparison is by canonical equivalence, which bytes cannot mirror).
struct URLFastPath: Sendable {
    enum Kind: Sendable { case link, image }

    /// The scheme and authority of the base (`https://news.example.com`), for path-absolute references.
    struct Origin: Sendable {
        let bytes: [UInt8]
        let https: Bool

        /// The origin of `base` as `URLCleaner.resolve` writes it, or nil when references cannot be resolved
        /// against it on bytes.
        init?(base: String?) {
            guard let base else { return nil }
            let r = Array(URLCleaner.resolve("/", against: base).utf8)
            let https = r.starts(with: URLFastPath.httpsPrefix)
            guard https || r.starts(with: URLFastPath.httpPrefix), r.last == 0x2F else { return nil }
            let auth = r.dropLast().dropFirst(https ? 8 : 7)
            guard !auth.isEmpty, !auth.contains(where: { $0 >= 0x80 || $0 == 0x2F || $0 == 0x40 || $0 == 0x5B }) else { return nil }
            bytes = Array(r.dropLast())
            self.https = https
            let colon = auth.lastIndex(of: 0x3A) ?? auth.endIndex
            host = Array(auth[..<colon])
        }

        /// The lowercased host (no port).
        let host: [UInt8]
    }

    /// What the `ref` rule compares a `ref` value's host with: the page's host (lowercased, without `www.`), or
    /// the URL's own host when there is no page.
    enum RefHost: Sendable {
        case own
        case host([UInt8])
        /// A non-ASCII page host: `ref` parameters take the String path.
        case unusable

        init(pageHost: String?) {
            guard let pageHost else { self = .own; return }
            let b = Array(pageHost.utf8)
            self = b.contains(where: { $0 >= 0x80 }) ? .unusable : .host(URLFastPath.bareHost(b[...]))
        }
    }

    /// `URLCleaner.bareHost` on ASCII bytes: lowercased, without a leading `www.`.
    static func bareHost(_ h: ArraySlice<UInt8>) -> [UInt8] {
        var out = h.map(lower)
        if out.count >= 4, out[0] == 0x77, out[1] == 0x77, out[2] == 0x77, out[3] == 0x2E { out.removeFirst(4) }
        return out
    }

    private struct ProxyRule: Sendable {
        let hosts: [[UInt8]]
        let pathPrefix: [UInt8]
    }

    private struct ParameterRule: Sendable {
        let hosts: [[UInt8]]
        let names: [[UInt8]]
    }

    private let usable: Bool
    private let imagesUsable: Bool
    private let linkHTTP: Bool, linkHTTPS: Bool, imageHTTP: Bool, imageHTTPS: Bool
    /// Exact tracking parameter names, by length.
    private let trackingByLength: [[[UInt8]]]
    private let trackingPrefixes: [[UInt8]]
    private let proxyRules: [ProxyRule]
    private let parameterRules: [ParameterRule]
    private let beaconHosts: [[UInt8]]

    init(_ p: SanitizePolicy) {
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        var ascii = true
        func check(_ b: [UInt8]) -> [UInt8] { if b.contains(where: { $0 >= 0x80 }) { ascii = false }; return b }
        let exact = p.urlCleaner.trackingParameters.map { check(bytes($0)) }
        var byLength: [[[UInt8]]] = Array(repeating: [], count: (exact.map(\.count).max() ?? 0) + 1)
        for e in exact { byLength[e.count].append(e) }
        trackingByLength = byLength
        trackingPrefixes = p.urlCleaner.trackingParameterPrefixes.map { check(bytes($0)) }
        proxyRules = p.imageProxyRules.map { ProxyRule(hosts: $0.hosts.map { check(bytes($0)) }, pathPrefix: check(bytes($0.pathPrefix))) }
        parameterRules = p.imageParameterRules.map {
            ParameterRule(hosts: $0.hosts.map { check(bytes($0)) }, names: $0.parameters.map { check(bytes($0)) })
        }
        beaconHosts = p.beaconHosts.map { check(bytes($0)) }
        linkHTTP = p.linkSchemes.contains("http")
        linkHTTPS = p.linkSchemes.contains("https")
        imageHTTP = p.imageSchemes.contains("http")
        imageHTTPS = p.imageSchemes.contains("https")
        usable = ascii
        imagesUsable = ascii && p.signedProxy == nil
    }

    /// Writes into `out` (replacing its content) the URL the String path would give for `raw`, and returns how many
    /// tracking parameters it removed; nil when `raw` needs the String path (`out` is then unspecified).
    func rewrite(_ raw: UnsafeBufferPointer<UInt8>, kind: Kind, origin: Origin?, refHost: RefHost,
                 into out: inout [UInt8]) -> Int? {
        guard usable, kind == .link || imagesUsable else { return nil }
        let n = raw.count
        guard n > 0 else { return nil }
        // Noise and backslashes: the String path strips or rewrites them.
        for i in 0..<n {
            let b = raw[i]
            if b <= 0x20 || b == 0x7F || b == 0x5C { return nil }
        }
        out.removeAll(keepingCapacity: true)
        // The end of the part before query and fragment.
        var end = n
        for i in 0..<n where raw[i] == 0x3F || raw[i] == 0x23 { end = i; break }
        if raw[0] == 0x2F {
            // Path-absolute reference: the base's origin, already lowercased by resolve.
            guard n < 2 || raw[1] != 0x2F, let origin, allowed(kind, https: origin.https) else { return nil }
            out.append(contentsOf: origin.bytes)
            let h = origin.https ? 8 : 7
            return finish(raw, kind: kind, pathStart: 0, end: end, refHost: refHost, host: h..<(h + origin.host.count), into: &out)
        }
        // http: or https:, any case, then //.
        guard n >= 8, raw[0] | 0x20 == 0x68, raw[1] | 0x20 == 0x74, raw[2] | 0x20 == 0x74, raw[3] | 0x20 == 0x70 else { return nil }
        let https = raw[4] | 0x20 == 0x73
        let p = https ? 5 : 4
        guard raw[p] == 0x3A, p + 2 < end, raw[p + 1] == 0x2F, raw[p + 2] == 0x2F, allowed(kind, https: https) else { return nil }
        out.append(contentsOf: https ? Self.httpsPrefix : Self.httpPrefix)
        let authStart = p + 3
        var authEnd = authStart
        while authEnd < end, raw[authEnd] != 0x2F { authEnd += 1 }
        guard authEnd > authStart else { return nil }
        var hostEnd = authEnd
        for i in authStart..<authEnd {
            let b = raw[i]
            if b >= 0x80 || b == 0x40 || b == 0x5B { return nil }
            // `%`, `\`, `?`, `#` in the authority, or a host ending in a dot: a browser reads another host than these
            // bytes (`lcs%2Enaver.com`, `lcs.naver.com\p.gif`, `lcs.naver.com.`): the String path decides (fuzz finding).
            if b == 0x25 || b == 0x5C || b == 0x3F || b == 0x23 { return nil }
            if b == 0x3A { hostEnd = i }
            out.append(Self.lower(b))
        }
        guard hostEnd > authStart, raw[hostEnd - 1] != 0x2E else { return nil }
        let h = https ? 8 : 7
        return finish(raw, kind: kind, pathStart: authEnd, end: end, refHost: refHost, host: h..<(h + hostEnd - authStart), into: &out)
    }

    fileprivate static let httpPrefix: [UInt8] = Array("http://".utf8)
    fileprivate static let httpsPrefix: [UInt8] = Array("https://".utf8)

    @inline(__always)
    private func allowed(_ kind: Kind, https: Bool) -> Bool {
        switch kind {
        case .link: return https ? linkHTTPS : linkHTTP
        case .image: return https ? imageHTTPS : imageHTTP
        }
    }

    /// Appends path, query (filtered) and fragment; `out[host]` is the lowercased host.
    private func finish(_ raw: UnsafeBufferPointer<UInt8>, kind: Kind, pathStart: Int, end: Int, refHost: RefHost,
                        host: Range<Int>, into out: inout [UInt8]) -> Int? {
        // Path: no dot segment (RFC 3986 removal would change it); empty becomes "/".
        var prev: UInt8 = 0x2F
        var nonASCII = false
        for i in pathStart..<end {
            let b = raw[i]
            if b == 0x2E && prev == 0x2F { return nil }
            if b >= 0x80 { nonASCII = true }
            prev = b
        }
        let path = UnsafeBufferPointer(rebasing: raw[pathStart..<end])
        var dropNames: [[UInt8]] = []
        if kind == .image {
            let h = out[host]
            for r in proxyRules where Self.hostMatches(h, r.hosts) {
                // A proxy (or a path the String comparison might read differently): the String path decides.
                if nonASCII || path.isEmpty || Self.hasPrefix(path, r.pathPrefix) { return nil }
            }
            if Self.hostMatches(h, beaconHosts) { return nil }
            for r in parameterRules where Self.hostMatches(h, r.hosts) { dropNames += r.names }
        }
        if path.isEmpty { out.append(0x2F) } else { out.append(contentsOf: path) }
        var removed = 0
        if end < raw.count, raw[end] == 0x3F {
            var qEnd = end + 1
            while qEnd < raw.count, raw[qEnd] != 0x23 { qEnd += 1 }
            let mark = out.count
            out.append(0x3F)
            var first = true
            var i = end + 1
            while i < qEnd {
                var j = i
                while j < qEnd, raw[j] != 0x26 { j += 1 }
                if j > i {
                    var eq = i
                    while eq < j, raw[eq] != 0x3D { eq += 1 }
                    let name = UnsafeBufferPointer(rebasing: raw[i..<eq])
                    if name.contains(where: { $0 >= 0x80 }) { return nil }
                    if !dropNames.isEmpty, dropNames.contains(where: { Self.equalsLowercased(name, $0) }) {
                        // Resize parameter (not counted).
                    } else if isTracking(name) {
                        removed += 1
                    } else {
                        if eq < j, name.count == 3, Self.equalsLowercased(name, Self.ref) {
                            guard let own = refIsOwn(UnsafeBufferPointer(rebasing: raw[(eq + 1)..<j]), refHost, out[host]) else { return nil }
                            if own { removed += 1; i = j + 1; continue }
                        }
                        if !first { out.append(0x26) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<j]))
                        first = false
                    }
                }
                i = j + 1
            }
            if first { out.removeSubrange(mark...) }
            if qEnd < raw.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[qEnd...])) }
        } else if end < raw.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[end...]))
        }
        return removed
    }

    private static let ref: [UInt8] = Array("ref".utf8)

    /// Whether a `ref` value names the page's (or the URL's own) host, as `URLCleaner.cleanCounting` decides;
    /// nil when that needs the String path (percent-encoding, a URL, non-ASCII, a leading slash, empty).
    private func refIsOwn(_ value: UnsafeBufferPointer<UInt8>, _ refHost: RefHost, _ ownHost: ArraySlice<UInt8>) -> Bool? {
        guard let first = value.first, first != 0x2F else { return nil }
        var slash = value.count
        for (k, b) in value.enumerated() {
            if b >= 0x80 || b == 0x25 { return nil }
            if b == 0x2F {
                if k + 1 < value.count, value[k + 1] == 0x2F { return nil }
                if slash == value.count { slash = k }
            }
        }
        let target: [UInt8]
        switch refHost {
        case .own: target = Self.bareHost(ownHost)
        case .host(let h): target = h
        case .unusable: return nil
        }
        return Self.bareHost(ArraySlice(value[0..<slash])) == target
    }

    @inline(__always)
    private func isTracking(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.count < trackingByLength.count {
            for e in trackingByLength[name.count] where Self.equalsLowercased(name, e) { return true }
        }
        for p in trackingPrefixes where p.count <= name.count {
            var match = true
            for k in 0..<p.count where Self.lower(name[k]) != p[k] { match = false; break }
            if match { return true }
        }
        return false
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `name` lowercased equals `e` byte for byte.
    @inline(__always)
    private static func equalsLowercased(_ name: UnsafeBufferPointer<UInt8>, _ e: [UInt8]) -> Bool {
        guard name.count == e.count else { return false }
        for k in 0..<e.count where lower(name[k]) != e[k] { return false }
        return true
    }

    private static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, _ p: [UInt8]) -> Bool {
        guard s.count >= p.count else { return false }
        for k in 0..<p.count where s[k] != p[k] { return false }
        return true
    }

    /// `URLRules.hostMatches` on bytes: equal, or a suffix after a dot.
    private static func hostMatches(_ host: ArraySlice<UInt8>, _ suffixes: [[UInt8]]) -> Bool {
        for h in suffixes {
            if host.count == h.count {
                if host.elementsEqual(h) { return true }
            } else if host.count > h.count {
                let start = host.endIndex - h.count
                if host[start - 1] == 0x2E && host[start...].elementsEqual(h) { return true }
            }
        }
        return false
    }
}
