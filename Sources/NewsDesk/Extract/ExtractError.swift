/// Why the extractor could not produce an article from a page.
public enum ExtractError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 could not read the page with the charset the decoder chose.
    case unreadable(url: String, reason: String)
    /// The page parsed, but it has no `<body>` text at all.
    case emptyPage(url: String)
    /// The page has text, but no path of the cascade found an article body in it (an index page, a login wall).
    case noArticle(url: String, reason: String)
    /// A site rule's selector does not compile.
    case badSelector(url: String, selector: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let url, let reason):
            return "extract: \(url): the page could not be parsed (\(reason)); check the charset (--charset) or the fetched bytes"
        case .emptyPage(let url):
            return "extract: \(url): the page has no body text; it may need JavaScript or be an error page"
        case .noArticle(let url, let reason):
            return "extract: \(url): no article body found (\(reason)); if the page holds one, add a site rule (sites: content) for its host"
        case .badSelector(let url, let selector, let reason):
            return "extract: \(url): site rule selector \"\(selector)\" is invalid (\(reason)); fix it in feeds.yaml"
        }
    }
}
