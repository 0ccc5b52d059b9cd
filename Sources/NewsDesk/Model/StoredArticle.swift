import Foundation

/// An article as the store keeps it: what the pipeline produced plus its identity, section and history.
public struct StoredArticle: Sendable, Equatable, Codable {
    public var id: Int64
    /// Canonical URL (tracking parameters gone, mobile hosts folded); unique in the store.
    public var canonicalURL: String
    /// Every other URL the article was seen under (feeds, portals, redirects).
    public var otherURLs: [String]
    /// The publisher's original URL when a portal page names it.
    public var originalURL: String?
    public var sourceID: String
    public var section: String
    /// True when a person pinned the section (`reimport --section`); it survives later imports.
    public var sectionPinned: Bool
    public var confidence: Double
    public var classificationReason: String
    public var title: String
    public var byline: Byline
    public var published: Date?
    public var updated: Date?
    /// When NewsDesk first stored the article.
    public var fetchedAt: Date
    /// When the stored article last changed (first store or a revision); export cursors follow this.
    public var changedAt: Date
    public var attribution: String?
    public var leadImage: String?
    public var description: String?
    public var siteName: String?
    public var language: String?
    public var keywords: [String]
    /// The sanitized HTML fragment.
    public var html: String
    /// The plain text of the body.
    public var text: String
    /// SHA-256 (hex) of the normalized text.
    public var contentHash: String
    /// 1 for the first version, +1 for each stored revision.
    public var revision: Int
    /// A store-wide counter bumped on every insert or revision (strictly increasing); export cursors follow it.
    public var changeSeq: Int64

    public init(id: Int64, canonicalURL: String, otherURLs: [String] = [], originalURL: String? = nil, sourceID: String,
                section: String, sectionPinned: Bool = false, confidence: Double, classificationReason: String, title: String,
                byline: Byline = Byline(), published: Date? = nil, updated: Date? = nil, fetchedAt: Date, changedAt: Date,
                attribution: String? = nil, leadImage: String? = nil, description: String? = nil, siteName: String? = nil,
                language: String? = nil, keywords: [String] = [], html: String, text: String, contentHash: String, revision: Int = 1, changeSeq: Int64 = 0) {
        self.id = id; self.canonicalURL = canonicalURL; self.otherURLs = otherURLs; self.originalURL = originalURL
        self.sourceID = sourceID; self.section = section; self.sectionPinned = sectionPinned; self.confidence = confidence
        self.classificationReason = classificationReason; self.title = title; self.byline = byline; self.published = published
        self.updated = updated; self.fetchedAt = fetchedAt; self.changedAt = changedAt; self.attribution = attribution
        self.leadImage = leadImage; self.description = description; self.siteName = siteName; self.language = language
        self.keywords = keywords; self.html = html; self.text = text; self.contentHash = contentHash; self.revision = revision
        self.changeSeq = changeSeq
    }
}

/// Which stored articles a reader (list, export) wants. Empty arrays and nils mean "no restriction".
public struct ArticleFilter: Sendable, Equatable {
    public var sections: [String]
    public var sources: [String]
    /// Articles published (or, with no published date, fetched) at or after this time.
    public var since: Date?
    /// … and before this time.
    public var until: Date?
    public var ids: [Int64]
    public var limit: Int?
    /// Only articles whose `changeSeq` is greater than this (incremental export).
    public var changedAfter: Int64?

    public init(sections: [String] = [], sources: [String] = [], since: Date? = nil, until: Date? = nil,
                ids: [Int64] = [], limit: Int? = nil, changedAfter: Int64? = nil) {
        self.sections = sections; self.sources = sources; self.since = since; self.until = until
        self.ids = ids; self.limit = limit; self.changedAfter = changedAfter
    }
}
