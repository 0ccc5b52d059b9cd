import Foundation

/// Everything the pipeline knows about one article, ready for `ArticleStore.save`.
public struct ArticleDraft: Sendable, Equatable {
    public var sourceID: String
    /// The URL the page was fetched from (after redirects).
    public var url: String
    /// Other URLs this page is known under for sure (the feed's link, the URL before redirects).
    public var seenURLs: [String]
    /// The feed entry's id, so later runs skip the entry without fetching.
    public var feedItemID: String?
    public var extracted: ExtractedArticle
    /// Sanitized HTML fragment and its plain text.
    public var html: String
    public var text: String
    public var imageCount: Int
    public var classification: Classification
    public var fetchedAt: Date

    public init(sourceID: String, url: String, seenURLs: [String] = [], feedItemID: String? = nil, extracted: ExtractedArticle,
                html: String, text: String, imageCount: Int, classification: Classification, fetchedAt: Date = Date()) {
        self.sourceID = sourceID; self.url = url; self.seenURLs = seenURLs; self.feedItemID = feedItemID
        self.extracted = extracted; self.html = html; self.text = text; self.imageCount = imageCount
        self.classification = classification; self.fetchedAt = fetchedAt
    }
}

/// How `save` treats an article already in the store.
public enum SaveMode: Sendable, Equatable {
    /// A feed run: a known article is linked (new URLs, feed entry), never rewritten.
    case ingest
    /// `reimport`: a known article is compared and, if anything changed, revised; `pinSection` pins by hand.
    case reimport(pinSection: String?)
}

/// Why a new page was recognized as an article already stored.
public enum DuplicateMatch: Sendable, Equatable, CustomStringConvertible {
    /// One of its URLs (or a portal id) is already known.
    case url
    /// The page's declared canonical/original URL is known and the text agrees.
    case declaredURL
    /// The same normalized text (SHA-256).
    case contentHash
    /// A near-copy (MinHash estimated similarity).
    case nearCopy(similarity: Double)

    public var description: String {
        switch self {
        case .url: return "same URL"
        case .declaredURL: return "page names a stored URL"
        case .contentHash: return "same text"
        case .nearCopy(let s): return "near-copy (similarity \(String(format: "%.2f", s)))"
        }
    }
}

/// What a re-import changed.
public struct ArticleChanges: Sendable, Equatable, CustomStringConvertible {
    public var oldTitle: String
    public var newTitle: String
    public var oldBodyChars: Int
    public var newBodyChars: Int
    public var oldImages: Int
    public var newImages: Int
    public var oldSection: String
    public var newSection: String
    public var textChanged: Bool

    public var isEmpty: Bool { oldTitle == newTitle && !textChanged && oldImages == newImages && oldSection == newSection }

    public var description: String {
        var parts: [String] = []
        if oldTitle != newTitle { parts.append("title: \"\(oldTitle)\" → \"\(newTitle)\"") }
        if textChanged { parts.append("body: \(oldBodyChars) → \(newBodyChars) chars") }
        if oldImages != newImages { parts.append("images: \(oldImages) → \(newImages)") }
        if oldSection != newSection { parts.append("section: \(oldSection) → \(newSection)") }
        return parts.isEmpty ? "nothing changed" : parts.joined(separator: "; ")
    }
}

/// What `save` did.
public enum SaveOutcome: Sendable, Equatable {
    case inserted(id: Int64)
    /// Already stored: the new URLs/feed entry were linked to it.
    case linked(id: Int64, match: DuplicateMatch)
    /// Re-import found nothing different.
    case unchanged(id: Int64)
    /// Re-import changed it: the previous version is kept as a revision.
    case revised(id: Int64, revision: Int, changes: ArticleChanges)

    /// The article's id.
    public var id: Int64 {
        switch self {
        case .inserted(let id), .linked(let id, _), .unchanged(let id), .revised(let id, _, _): return id
        }
    }
}
