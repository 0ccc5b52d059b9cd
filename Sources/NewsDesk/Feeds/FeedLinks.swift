import Foundation

/// Link handling for feed items: resolution against the feed or page URL and clean-up.
enum FeedLinks {
    /// `ref` resolved against `base`; nil when it is not a URL.
    static func resolve(_ ref: String, base: String?) -> String? {
        let r = ref.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !r.isEmpty else { return nil }
        if let base, let b = URL(string: base), let u = URL(string: r, relativeTo: b) { return u.absoluteURL.absoluteString }
        return URL(string: r)?.absoluteString
    }

    static func isHTTP(_ url: String) -> Bool {
        let l = url.prefix(8).lowercased()
        return l.hasPrefix("http://") || l.hasPrefix("https://")
    }

    /// An article link: absolute, http(s) only.
    static func article(_ ref: String, base: String) -> String? {
        guard let abs = resolve(ref, base: base), isHTTP(abs) else { return nil }
        return abs
    }
}
