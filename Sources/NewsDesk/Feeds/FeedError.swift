/// Errors of the feed stage. Each names the feed URL and says what to do; one failing source never stops a run.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not well-formed and nothing usable could be recovered.
    case malformed(url: String, detail: String)
    /// A well-formed document that is not RSS, RDF, Atom or JSON Feed (e.g. an HTML page).
    case notAFeed(url: String, found: String)
    /// The document declares entities that expand without bound (billion laughs); parsing was stopped.
    case entityExpansion(url: String, detail: String)
    /// `type: html` needs `site.links` to find article links on the section page.
    case missingLinkSelector(url: String)
    /// The link selector could not be evaluated.
    case invalidSelector(url: String, selector: String)
    /// The page's charset is unknown to iconv.
    case unknownCharset(url: String, charset: String)

    public var description: String {
        switch self {
        case .malformed(let url, let detail):
            return "feeds: \(url): not a readable feed (\(detail)); check that the URL serves RSS/Atom/JSON Feed, "
                + "or set `type:`/`charset:` for this source in feeds.yaml"
        case .notAFeed(let url, let found):
            return "feeds: \(url): found \(found), not RSS, RDF, Atom or JSON Feed; point `url:` at the feed, "
                + "or set `type: html` with a `site.links` selector for a section page"
        case .entityExpansion(let url, let detail):
            return "feeds: \(url): refused, the document's DTD declares entities that expand without bound (\(detail)); "
                + "the publisher must fix the feed, or disable the source"
        case .missingLinkSelector(let url):
            return "feeds: \(url): `type: html` needs a link selector; add `site: { links: \"…\" }` to this source in feeds.yaml"
        case .invalidSelector(let url, let selector):
            return "feeds: \(url): link selector \"\(selector)\" could not be evaluated; fix `site.links` in feeds.yaml"
        case .unknownCharset(let url, let charset):
            return "feeds: \(url): charset \"\(charset)\" is unknown to iconv; set `charset:` for this source in feeds.yaml"
        }
    }
}
