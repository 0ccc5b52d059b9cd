/// Which kind of document a feed was.
public enum FeedFormat: String, Sendable, Equatable, Codable {
    case rss, rdf, atom, jsonFeed, html
}

/// What `FeedParser.parse` found: the feed's title, its items in document order, and warnings about what was
/// skipped or repaired (truncation, items without a link, unreadable dates).
public struct ParsedFeed: Sendable, Equatable {
    public var title: String?
    public var format: FeedFormat
    public var items: [FeedItem]
    public var warnings: [String]

    public init(title: String?, format: FeedFormat, items: [FeedItem], warnings: [String] = []) {
        self.title = title; self.format = format; self.items = items; self.warnings = warnings
    }
}
