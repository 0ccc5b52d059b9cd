/// Link handling for feed items: resolution against the feed or page URL and tracking-parameter removal,
/// both through `URLCleaner`.
enum FeedLinks {
    /// `ref` resolved against `base` (an http(s) URL); nil when empty.
    static func resolve(_ ref: String, base: String?) -> String? {
        let resolved = URLCleaner.resolve(ref, against: base)
        return resolved.isEmpty ? nil : resolved
    }

    static func isHTTP(_ url: String) -> Bool {
        let l = url.prefix(8).lowercased()
        return l.hasPrefix("http://") || l.hasPrefix("https://")
    }

    /// An article link: absolute, http(s) only, tracking parameters removed.
    static func article(_ ref: String, base: String) -> String? {
        guard let abs = resolve(ref, base: base), isHTTP(abs) else { return nil }
        return URLCleaner.clean(abs, pageHost: URLCleaner.host(of: base))
    }
}
