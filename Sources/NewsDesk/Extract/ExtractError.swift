/// Why the extractor could not produce an article from a page.
public enum ExtractError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 could not read the page with the charset the decoder chose.
    case unreadable(url: String, reason: String)
    /// The page parsed, but it has no `<body>` text at all.
    case emptyPage(url: String)
    /// A site rule's selector does not compile.
    case badSelector(url: String, selector: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let url, let reason):
            return "extract: \(url): the page could not be parsed (\(reason)); check the charset (--charset) or the fetched bytes"
        case .emptyPage(let url):
            return "extract: \(url): the page has no body text; it may need JavaScript or be an error page"
        case .badSelector(let url, let selector, let reason):
            return "extract: \(url): site rule selector \"\(selector)\" is invalid (\(reason)); fix it in feeds.yaml"
        }
    }
}
