import Foundation

/// Identity keys for article URLs, used by the store to find an article whatever URL it arrives under.
///
/// A key is `https://` + host (lowercased, without a leading `www.`, `m.` or `mobile.`) + path + query, with no
/// fragment and no default port; tracking parameters are removed by the cleaner passed in (the pipeline passes
/// `URLCleaner`). Portal articles get one key per article whatever the variant: Daum `v.daum.net/v/ID`
/// (also `m.v.daum.net`, `news.v.daum.net`, `v.media.daum.net`) and Naver `OID/AID` (`n.news.naver.com/article`,
/// `/mnews/article`, `news.naver.com/main/read.naver?oid=&aid=`, `sports`/`entertain` variants).
enum ArticleURL {
    /// Host prefixes folded away (mobile and www variants of one site), longest first.
    static let foldedHostPrefixes = ["mobile.", "www.", "m."]

    /// A portal's own article identity.
    public enum PortalID: Sendable, Equatable {
        case daum(id: String)
        case naver(oid: String, aid: String)

        /// The URL the key is built from.
        public var url: String {
            switch self {
            case .daum(let id): return "https://v.daum.net/v/\(id)"
            case .naver(let oid, let aid): return "https://n.news.naver.com/article/\(oid)/\(aid)"
            }
        }
    }

    /// Recognizes Daum and Naver article URLs (all their mobile/section variants).
    public static func portalID(_ url: String) -> PortalID? {
        guard let c = URLComponents(string: url), let host = c.host?.lowercased() else { return nil }
        let parts = c.path.split(separator: "/").map(String.init)
        let query = Dictionary((c.queryItems ?? []).compactMap { q in q.value.map { (q.name.lowercased(), $0) } },
                               uniquingKeysWith: { a, _ in a })
        if host == "daum.net" || host.hasSuffix(".daum.net") {
            // v.daum.net/v/20240101120000123, news.v.daum.net/v/…, v.media.daum.net/v/…
            if parts.count >= 2, parts[0] == "v", isDigits(parts[1]) { return .daum(id: parts[1]) }
            return nil
        }
        if host == "naver.com" || host.hasSuffix(".naver.com") {
            // n.news.naver.com/article/OID/AID, /mnews/article/OID/AID, m.sports.naver.com/article/OID/AID,
            // m.entertain.naver.com/article/OID/AID, …/article/OID/AID?sid=105
            if let i = parts.firstIndex(of: "article"), parts.count >= i + 3, isDigits(parts[i + 1]), isDigits(parts[i + 2]) {
                return .naver(oid: parts[i + 1], aid: parts[i + 2])
            }
            // news.naver.com/main/read.naver?oid=…&aid=…, sports.news.naver.com/news.nhn?oid=&aid=, entertain…/read?oid=&aid=
            if let oid = query["oid"], let aid = query["aid"], isDigits(oid), isDigits(aid) { return .naver(oid: oid, aid: aid) }
            return nil
        }
        return nil
    }

    /// The identity key of `url`, or nil when it is not an absolute http(s) URL.
    public static func key(_ url: String, cleaner: (String) -> String = { $0 }) -> String? {
        normalized(url, cleaner: cleaner, identity: true)
    }

    /// The URL to show and re-fetch for `url`: the portal's canonical article URL, or the URL cleaned of tracking
    /// parameters, fragment and default port, with scheme and host lowercased (the scheme and host are kept).
    public static func display(_ url: String, cleaner: (String) -> String = { $0 }) -> String? {
        normalized(url, cleaner: cleaner, identity: false)
    }

    /// What `key` and `display` share; `identity` also folds `www.`/`m.`-style host prefixes and a trailing dot and
    /// makes every scheme https, so the variants of one address get one key.
    private static func normalized(_ url: String, cleaner: (String) -> String, identity: Bool) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if let portal = portalID(trimmed) { return portal.url }
        guard var c = URLComponents(string: cleaner(trimmed)),
              let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = c.host?.lowercased(), !host.isEmpty else { return nil }
        if identity {
            for prefix in foldedHostPrefixes where host.hasPrefix(prefix) && host.dropFirst(prefix.count).contains(".") {
                host = String(host.dropFirst(prefix.count))
                break
            }
            if host.hasSuffix(".") { host.removeLast() }
        }
        if (scheme == "http" && c.port == 80) || (scheme == "https" && c.port == 443) { c.port = nil }
        c.scheme = identity ? "https" : scheme
        c.host = host
        c.fragment = nil
        c.user = nil
        c.password = nil
        if c.percentEncodedPath.isEmpty { c.percentEncodedPath = "/" }
        if let q = c.percentEncodedQuery, q.isEmpty { c.percentEncodedQuery = nil }
        return c.string
    }

    private static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
}
