/// Link handling for feed items: resolution against the feed or page URL and tracking-parameter removal,
/// both through `URLCleaner`.
enum FeedLinks {
    /// `ref` resolved against `base` (an http(s) URL); nil when empty.
    static func resolve(_ ref: String, base: String?) -> String? {
        let resolved = URLCleaner.resolve(ref, against: base)
        return resolved.isEmpty ? nil : resolved
    }

    /// An absolute http(s) URL with a host (`https:///`, `https://:80/` and `https://::/` have none: fuzz findings;
    /// a colon left in the host means a port no browser or libcurl accepts).
    static func isHTTP(_ url: String) -> Bool {
        let l = url.prefix(8).lowercased()
        guard l.hasPrefix("http://") || l.hasPrefix("https://"), let host = URLCleaner.host(of: url), !host.isEmpty else { return false }
        return host.hasPrefix("[") || !host.contains(":")
    }

    /// An article link: absolute, http(s) with a host, tracking parameters removed.
    static func article(_ ref: String, base: String) -> String? {
        guard let abs = resolve(ref, base: base), isHTTP(abs) else { return nil }
        let cleaned = URLCleaner.clean(abs, pageHost: URLCleaner.host(of: base))
        return isHTTP(cleaned) ? cleaned : nil
    }
}
