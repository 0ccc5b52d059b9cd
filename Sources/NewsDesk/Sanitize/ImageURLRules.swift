/// The image half of the sanitize policy as a small value: how one image URL leaves NewsDesk (resolved against the
/// page, scheme-checked, image proxies unwrapped — `img1.daumcdn.net/thumb/…?fname=ORIGINAL`, Naver's search
/// thumbnails and the operator's `image_proxy_rules` —, resize and tracking parameters dropped, beacons refused).
///
/// The sanitizer writes every `<img>` of a body with these rules; the extractor (`og:image`, JSON-LD `image`, the first
/// body image) and the pipeline (a feed item's enclosure, `media:thumbnail` or description `<img>`) use this value for
/// every other image URL, so a lead image is named the way the body names it. Sendable; build it once per policy.
public struct ImageURLRules: Sendable {
    let rules: URLRules

    /// The rules of `policy` (the default policy, or one extended with `feeds.yaml`'s `sanitize:` block).
    public init(policy: SanitizePolicy = .default) {
        rules = URLRules(policy: policy)
    }

    init(rules: URLRules) { self.rules = rules }

    /// `raw` as NewsDesk writes an image URL, resolved against `base`; nil when the rules refuse it (a scheme other
    /// than http(s), no host, a tracking pixel) or it is empty.
    public func url(_ raw: String, base: String?) -> String? {
        var counts = URLRules.Counts()
        if case .url(let u) = rules.image(raw, base: base, pageHost: base.flatMap(URLCleaner.host(of:)), counts: &counts) {
            return u
        }
        return nil
    }
}
