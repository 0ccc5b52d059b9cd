import Foundation
import GRDB

// One Codable record type per table (GRDB's "trust SQLite" practice). Column names are snake_case in SQL,
// camelCase in Swift; the constraints live in the migrations (StoreSchema.swift), not here.

/// A table row whose Swift properties are the camelCase names of its snake_case columns: the column strategies
/// every record shares, declared once.
protocol SnakeCaseRecord: FetchableRecord, EncodableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row with an `INTEGER PRIMARY KEY` `id`, set from the row id when inserted.
protocol RowIDRecord: MutablePersistableRecord {
    var id: Int64? { get set }
}

extension RowIDRecord {
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A feed source and its fetch state (`sources` table): validators, health and when it is next due.
public struct SourceRecord: Codable, Sendable, Equatable, SnakeCaseRecord, PersistableRecord {
    public static let databaseTableName = "sources"
    // Public: the `sources` command reads it (the shared defaults are internal).
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    public var id: String
    public var name: String
    /// The feed URL, or `path:` plus the file for a local source.
    public var location: String
    /// The section of a single-section source; nil for a mixed source.
    public var section: String?
    public var etag: String?
    public var lastModified: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var consecutiveFailures: Int
    public var lastError: String?
    /// A server's Retry-After, as an absolute time.
    public var retryAfter: Date?
    /// Not fetched before this time (interval, backoff or Retry-After).
    public var nextDue: Date?
    public var lastStatus: Int?
    public var articlesStored: Int

    public init(id: String, name: String, location: String, section: String?, etag: String? = nil, lastModified: String? = nil,
                lastAttempt: Date? = nil, lastSuccess: Date? = nil, consecutiveFailures: Int = 0, lastError: String? = nil,
                retryAfter: Date? = nil, nextDue: Date? = nil, lastStatus: Int? = nil, articlesStored: Int = 0) {
        self.id = id; self.name = name; self.location = location; self.section = section; self.etag = etag
        self.lastModified = lastModified; self.lastAttempt = lastAttempt; self.lastSuccess = lastSuccess
        self.consecutiveFailures = consecutiveFailures; self.lastError = lastError; self.retryAfter = retryAfter
        self.nextDue = nextDue; self.lastStatus = lastStatus; self.articlesStored = articlesStored
    }
}

/// One row of `articles`: the current version of an article.
struct ArticleRecord: Codable, Sendable, SnakeCaseRecord, RowIDRecord {
    static let databaseTableName = "articles"

    var id: Int64?
    var canonicalUrl: String
    var originalUrl: String?
    var sourceId: String
    var section: String
    var sectionPinned: Bool
    var confidence: Double
    var classificationMethod: String
    var reason: String
    var title: String
    var bylineReporters: [String]
    var bylineAgency: String?
    var bylineEmails: [String]
    var bylineRaw: String?
    var published: Date?
    var updated: Date?
    var fetchedAt: Date
    var changedAt: Date
    var attribution: String?
    var leadImage: String?
    var description: String?
    var siteName: String?
    var language: String?
    var keywords: [String]
    var html: String
    var text: String
    var contentHash: String
    /// MinHash signature (`Fingerprint.count` little-endian UInt64s).
    var fingerprint: Data
    var imageCount: Int
    var extractor: String
    var revision: Int
    var changeSeq: Int64


}

extension ArticleRecord {
    /// Reads a row by column name without the Codable/snake-case machinery: export and list stream every article
    /// through this, and the generic decoder was half of an export's CPU time.
    init(row: Row) throws {
        id = row["id"]
        canonicalUrl = row["canonical_url"]
        originalUrl = row["original_url"]
        sourceId = row["source_id"]
        section = row["section"]
        sectionPinned = row["section_pinned"]
        confidence = row["confidence"]
        classificationMethod = row["classification_method"]
        reason = row["reason"]
        title = row["title"]
        bylineReporters = try Self.strings(row["byline_reporters"], column: "byline_reporters")
        bylineAgency = row["byline_agency"]
        bylineEmails = try Self.strings(row["byline_emails"], column: "byline_emails")
        bylineRaw = row["byline_raw"]
        published = row["published"]
        updated = row["updated"]
        fetchedAt = row["fetched_at"]
        changedAt = row["changed_at"]
        attribution = row["attribution"]
        leadImage = row["lead_image"]
        description = row["description"]
        siteName = row["site_name"]
        language = row["language"]
        keywords = try Self.strings(row["keywords"], column: "keywords")
        html = row["html"]
        text = row["text"]
        contentHash = row["content_hash"]
        fingerprint = row["fingerprint"]
        imageCount = row["image_count"]
        extractor = row["extractor"]
        revision = row["revision"]
        changeSeq = row["change_seq"]
    }

    /// Writes the row without the Codable/snake-case machinery (it was a tenth of an ingest's write transaction); the
    /// values are the ones the Codable encoder wrote: dates as GRDB's date text, arrays as JSON.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["canonical_url"] = canonicalUrl
        container["original_url"] = originalUrl
        container["source_id"] = sourceId
        container["section"] = section
        container["section_pinned"] = sectionPinned
        container["confidence"] = confidence
        container["classification_method"] = classificationMethod
        container["reason"] = reason
        container["title"] = title
        container["byline_reporters"] = try Self.json(bylineReporters, column: "byline_reporters")
        container["byline_agency"] = bylineAgency
        container["byline_emails"] = try Self.json(bylineEmails, column: "byline_emails")
        container["byline_raw"] = bylineRaw
        container["published"] = published.map(StoreDate.text)
        container["updated"] = updated.map(StoreDate.text)
        container["fetched_at"] = StoreDate.text(fetchedAt)
        container["changed_at"] = StoreDate.text(changedAt)
        container["attribution"] = attribution
        container["lead_image"] = leadImage
        container["description"] = description
        container["site_name"] = siteName
        container["language"] = language
        container["keywords"] = try Self.json(keywords, column: "keywords")
        container["html"] = html
        container["text"] = text
        container["content_hash"] = contentHash
        container["fingerprint"] = fingerprint
        container["image_count"] = imageCount
        container["extractor"] = extractor
        container["revision"] = revision
        container["change_seq"] = changeSeq
    }

    /// A string array as JSON text, with GRDB's JSON encoder for the column (`[]` without it).
    private static func json(_ array: [String], column: String) throws -> String {
        if array.isEmpty { return "[]" }
        let data = try databaseJSONEncoder(for: column).encode(array)
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON array of strings as stored by the Codable encoder (`[]` is the common case and skips the parser).
    private static func strings(_ json: String?, column: String) throws -> [String] {
        guard let json, json != "[]", !json.isEmpty else { return [] }
        guard let array = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
            throw StoreError.database(operation: "read articles.\(column)", reason: "not a JSON array of strings: \(json.prefix(80))")
        }
        return array
    }
}

/// One row of `article_urls`: a URL an article was seen under (`url` its identity key, `seenUrl` as seen, cleaned).
struct ArticleURLRecord: Codable, Sendable, SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "article_urls"

    var url: String
    var seenUrl: String
    var articleId: Int64
    /// `canonical`, `seen`, `original`, `feed`.
    var kind: String
    var firstSeen: Date
}

/// One row of `revisions`: a previous version of an article, kept when a re-import changed it.
public struct RevisionRecord: Codable, Sendable, Equatable, SnakeCaseRecord, RowIDRecord {
    public static let databaseTableName = "revisions"
    // Public: `show` reads it (the shared defaults are internal).
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var id: Int64?
    public var articleId: Int64
    /// The revision number this row was (the article now has a higher one).
    public var revision: Int
    public var title: String
    public var section: String
    public var html: String
    public var text: String
    public var contentHash: String
    public var imageCount: Int
    /// When this version was replaced.
    public var replacedAt: Date
    /// What the replacement changed, e.g. "title; body 1200→1350 chars".
    public var changes: String

}

/// One row of `runs`: an ingest run and its totals.
struct RunRecord: Codable, Sendable, Equatable, SnakeCaseRecord, RowIDRecord {
    static let databaseTableName = "runs"

    var id: Int64?
    var startedAt: Date
    var finishedAt: Date?
    /// `running`, `ok`, `partial`, `failed`, `interrupted` (a run that never finished, e.g. killed).
    var status: String
    var dryRun: Bool
    var sourcesChecked: Int
    var articlesNew: Int
    var articlesLinked: Int
    var articlesSkipped: Int
    var errors: Int

}

/// One row of `run_sources`: what one run did with one source.
struct RunSourceRecord: Codable, Sendable, Equatable, SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "run_sources"

    var runId: Int64
    var sourceId: String
    /// `ok`, `not_modified`, `failed`, `skipped` (not due).
    var status: String
    var itemsSeen: Int
    var articlesNew: Int
    var articlesLinked: Int
    var articlesSkipped: Int
    var errors: Int
    var error: String?
}

/// One row of `run_errors`: one failure during a run (a source, a page or an article).
struct RunErrorRecord: Codable, Sendable, Equatable, SnakeCaseRecord, RowIDRecord {
    static let databaseTableName = "run_errors"

    var id: Int64?
    var runId: Int64
    var sourceId: String?
    var url: String?
    /// `fetch`, `decode`, `feed`, `extract`, `sanitize`, `classify`, `store`.
    var stage: String
    var message: String
    var at: Date

}

/// One row of `feed_items`: a feed entry already handled, so the next run skips it without a fetch.
struct FeedItemRecord: Codable, Sendable, SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "feed_items"

    var sourceId: String
    var itemId: String
    var articleId: Int64
    var firstSeen: Date
}

/// One row of `export_cursors`: how far a named export has read (`change_seq`).
struct ExportCursorRecord: Codable, Sendable, SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "export_cursors"

    var name: String
    var changeSeq: Int64
    var updatedAt: Date
}
