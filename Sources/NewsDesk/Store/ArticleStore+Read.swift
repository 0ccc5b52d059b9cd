import Foundation
import GRDB

/// A short view of a stored article for listings and search results.
public struct ArticleSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var canonicalURL: String
    public var sourceID: String
    public var section: String
    public var sectionPinned: Bool
    public var title: String
    public var published: Date?
    public var fetchedAt: Date
    public var revision: Int
    /// For search results: a piece of the text around the first match.
    public var snippet: String?
}

extension ArticleStore {
    /// Streams the articles matching `filter` in `changeSeq` order (GRDB cursor: one article in memory at a time).
    /// `filter.changedAfter` gives incremental reads; `filter.limit` caps the count.
    public func forEachArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        try stream(filter, order: "change_seq", body)
    }

    /// Streams the articles matching `filter`, newest change first (`changeSeq` descending), at most `filter.limit`:
    /// an Atom window. `filter.changedAfter` is honoured like in `forEachArticle`.
    public func forEachLatestArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        try stream(filter, order: "change_seq DESC", body)
    }

    private func stream(_ filter: ArticleFilter, order: String, _ body: (StoredArticle) throws -> Void) throws {
        let (whereSQL, args) = Self.whereClause(filter)
        var sql = "SELECT * FROM articles\(whereSQL) ORDER BY \(order)"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        try reading("read articles") { db in
            let cursor = try ArticleRecord.fetchCursor(db, sql: sql, arguments: args)
            while let record = try cursor.next() {
                try body(try Self.stored(record, db))
            }
        }
    }

    /// The sections that hold articles matching `filter` (its `limit` ignored), sorted.
    public func articleSections(_ filter: ArticleFilter) throws -> [String] {
        var f = filter
        f.limit = nil
        let (whereSQL, args) = Self.whereClause(f)
        return try reading("read sections") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT section FROM articles\(whereSQL) ORDER BY section", arguments: args)
        }
    }

    /// The article with this id, or nil.
    public func article(id: Int64) throws -> StoredArticle? {
        try reading("read article \(id)") { db in
            try ArticleRecord.fetchOne(db, key: id).map { try Self.stored($0, db) }
        }
    }

    /// The article known under this URL (any URL it was seen under, in any of its variants), or nil.
    public func article(url: String) throws -> StoredArticle? {
        guard let key = key(for: url) else { return nil }
        return try reading("read article \(url)") { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT article_id FROM article_urls WHERE url = ?", arguments: [key]),
                  let record = try ArticleRecord.fetchOne(db, key: id) else { return nil }
            return try Self.stored(record, db)
        }
    }

    /// The previous versions of an article, oldest first.
    public func revisions(articleID: Int64) throws -> [RevisionRecord] {
        try reading("read revisions of \(articleID)") { db in
            try RevisionRecord.filter(Column("article_id") == articleID).order(Column("revision")).fetchAll(db)
        }
    }

    /// Articles matching `filter`, newest (published, else fetched) first; `filter.limit` defaults to 50.
    public func list(_ filter: ArticleFilter) throws -> [ArticleSummary] {
        let (whereSQL, args) = Self.whereClause(filter)
        let sql = """
            SELECT id, canonical_url, source_id, section, section_pinned, title, published, fetched_at, revision
            FROM articles\(whereSQL) ORDER BY coalesce(published, fetched_at) DESC, id DESC LIMIT \(max(0, filter.limit ?? 50))
            """
        return try reading("list articles") { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map(Self.summary)
        }
    }

    /// Articles from single-section sources and articles pinned by hand, as (title + lead, section), for training
    /// the classifier (`classify train --from-store`).
    public func labelledExamples() throws -> [(text: String, section: String)] {
        try reading("read labelled examples") { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.title, substr(a.text, 1, 400) AS lead,
                       CASE WHEN a.section_pinned THEN a.section ELSE s.section END AS label
                FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.section_pinned OR s.section IS NOT NULL
                ORDER BY a.id
                """)
            var out: [(text: String, section: String)] = []
            while let row = try rows.next() {
                let title: String = row["title"]
                let lead: String = row["lead"]
                guard let label: String = row["label"] else { continue }
                out.append((text: title + "\n" + Self.firstParagraph(lead), section: label))
            }
            return out
        }
    }

    /// The last `change_seq` an export named `name` has read, or nil when it never ran.
    public func exportCursor(_ name: String) throws -> Int64? {
        try reading("read export cursor \(name)") { db in try ExportCursorRecord.fetchOne(db, key: name)?.changeSeq }
    }

    /// Records that the export named `name` has read up to `seq`.
    public func setExportCursor(_ name: String, to seq: Int64) throws {
        try writing("set export cursor \(name)") { db in
            try ExportCursorRecord(name: name, changeSeq: seq, updatedAt: Date()).save(db)
        }
    }

    /// The highest `change_seq` in the store (0 when empty).
    public func latestChangeSeq() throws -> Int64 {
        try reading("read change_seq") { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(change_seq), 0) FROM articles") ?? 0 }
    }

    // MARK: - helpers

    static func whereClause(_ f: ArticleFilter) -> (String, StatementArguments) {
        var parts: [String] = []
        var args = StatementArguments()
        if !f.sections.isEmpty {
            parts.append("section IN (\(Array(repeating: "?", count: f.sections.count).joined(separator: ",")))")
            args += StatementArguments(f.sections)
        }
        if !f.sources.isEmpty {
            parts.append("source_id IN (\(Array(repeating: "?", count: f.sources.count).joined(separator: ",")))")
            args += StatementArguments(f.sources)
        }
        if !f.ids.isEmpty {
            parts.append("id IN (\(Array(repeating: "?", count: f.ids.count).joined(separator: ",")))")
            args += StatementArguments(f.ids)
        }
        if let since = f.since { parts.append("coalesce(published, fetched_at) >= ?"); args += [since] }
        if let until = f.until { parts.append("coalesce(published, fetched_at) < ?"); args += [until] }
        if let after = f.changedAfter { parts.append("change_seq > ?"); args += [after] }
        return (parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND "), args)
    }

    static func stored(_ r: ArticleRecord, _ db: Database) throws -> StoredArticle {
        let id = r.id ?? 0
        let others = try String.fetchAll(db, sql: """
            SELECT seen_url FROM article_urls WHERE article_id = ? AND seen_url <> ? AND kind <> 'canonical'
            GROUP BY seen_url ORDER BY min(first_seen), seen_url
            """, arguments: [id, r.canonicalUrl])
        return StoredArticle(
            id: id, canonicalURL: r.canonicalUrl, otherURLs: others, originalURL: r.originalUrl, sourceID: r.sourceId,
            section: r.section, sectionPinned: r.sectionPinned, confidence: r.confidence, classificationReason: r.reason,
            title: r.title, byline: Byline(reporters: r.bylineReporters, agency: r.bylineAgency, emails: r.bylineEmails, raw: r.bylineRaw),
            published: r.published, updated: r.updated, fetchedAt: r.fetchedAt, changedAt: r.changedAt,
            attribution: r.attribution, leadImage: r.leadImage, description: r.description, siteName: r.siteName,
            language: r.language, keywords: r.keywords, html: r.html, text: r.text, contentHash: r.contentHash,
            revision: r.revision, changeSeq: r.changeSeq)
    }

    static func summary(_ row: Row) -> ArticleSummary {
        ArticleSummary(id: row["id"], canonicalURL: row["canonical_url"], sourceID: row["source_id"], section: row["section"],
                       sectionPinned: row["section_pinned"], title: row["title"], published: row["published"],
                       fetchedAt: row["fetched_at"], revision: row["revision"], snippet: nil)
    }

    static func firstParagraph(_ text: String) -> String {
        let para = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return String(para.prefix(300))
    }
}
