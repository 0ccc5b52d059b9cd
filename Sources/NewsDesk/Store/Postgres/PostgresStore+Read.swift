import Foundation
import NIOCore
import PostgresNIO

extension ArticleRecord {
    /// A row of `articles` read from PostgreSQL.
    init(pg r: PostgresRandomAccessRow) throws {
        id = try r.get("id", Int64.self)
        canonicalUrl = try r.get("canonical_url")
        originalUrl = try r.get("original_url")
        sourceId = try r.get("source_id")
        section = try r.get("section")
        sectionPinned = try r.get("section_pinned")
        confidence = try r.get("confidence")
        classificationMethod = try r.get("classification_method")
        reason = try r.get("reason")
        title = try r.get("title")
        bylineReporters = try Self.pgStrings(try r.get("byline_reporters"))
        bylineAgency = try r.get("byline_agency")
        bylineEmails = try Self.pgStrings(try r.get("byline_emails"))
        bylineRaw = try r.get("byline_raw")
        published = try r.get("published")
        updated = try r.get("updated")
        fetchedAt = try r.get("fetched_at")
        changedAt = try r.get("changed_at")
        attribution = try r.get("attribution")
        leadImage = try r.get("lead_image")
        description = try r.get("description")
        siteName = try r.get("site_name")
        language = try r.get("language")
        keywords = try Self.pgStrings(try r.get("keywords"))
        html = try r.get("html")
        text = try r.get("text")
        contentHash = try r.get("content_hash")
        fingerprint = Data((try r.get("fingerprint", ByteBuffer.self)).readableBytesView)
        imageCount = try r.get("image_count")
        extractor = try r.get("extractor")
        revision = try r.get("revision")
        changeSeq = try r.get("change_seq")
    }

    static func pgStrings(_ json: String) throws -> [String] {
        guard json != "[]", !json.isEmpty else { return [] }
        guard let array = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
            throw StoreError.server(operation: "read articles", reason: "not a JSON array of strings: \(json.prefix(80))")
        }
        return array
    }
}

extension PostgresStore {
    /// The columns every article read needs (not the search vector).
    static let articleColumns = """
        id, canonical_url, original_url, source_id, section, section_pinned, confidence, classification_method, reason, title,
        byline_reporters, byline_agency, byline_emails, byline_raw, published, updated, fetched_at, changed_at, attribution, lead_image,
        description, site_name, language, keywords, html, text, content_hash, fingerprint, image_count, extractor, revision, change_seq
        """

    /// `ArticleStore.whereClause` in PostgreSQL parameters (appended to `b`).
    static func whereClause(_ f: ArticleFilter, _ b: inout SQLBuilder, prefix: String = "") -> [String] {
        var parts: [String] = []
        if !f.sections.isEmpty { parts.append("\(prefix)section = ANY(\(b.bind(f.sections)))") }
        if !f.sources.isEmpty { parts.append("\(prefix)source_id = ANY(\(b.bind(f.sources)))") }
        if !f.ids.isEmpty { parts.append("\(prefix)id = ANY(\(b.bind(f.ids)))") }
        if let since = f.since { parts.append("coalesce(\(prefix)published, \(prefix)fetched_at) >= \(b.bind(since))") }
        if let until = f.until { parts.append("coalesce(\(prefix)published, \(prefix)fetched_at) < \(b.bind(until))") }
        if let after = f.changedAfter { parts.append("\(prefix)change_seq > \(b.bind(after))") }
        return parts
    }

    static func stored(_ r: ArticleRecord, _ s: PostgresSession) throws -> StoredArticle {
        let id = r.id ?? 0
        let others = try s.query("""
            SELECT seen_url FROM article_urls WHERE article_id = \(id) AND seen_url <> \(r.canonicalUrl) AND kind <> 'canonical'
            GROUP BY seen_url ORDER BY min(first_seen), seen_url COLLATE "C"
            """).map { try $0.get("seen_url", String.self) }
        return StoredArticle(
            id: id, canonicalURL: r.canonicalUrl, otherURLs: others, originalURL: r.originalUrl, sourceID: r.sourceId,
            section: r.section, sectionPinned: r.sectionPinned, confidence: r.confidence, classificationReason: r.reason,
            title: r.title, byline: Byline(reporters: r.bylineReporters, agency: r.bylineAgency, emails: r.bylineEmails, raw: r.bylineRaw),
            published: r.published, updated: r.updated, fetchedAt: r.fetchedAt, changedAt: r.changedAt,
            attribution: r.attribution, leadImage: r.leadImage, description: r.description, siteName: r.siteName,
            language: r.language, keywords: r.keywords, html: r.html, text: r.text, contentHash: r.contentHash,
            revision: r.revision, changeSeq: r.changeSeq)
    }

    static func summary(_ r: PostgresRandomAccessRow) throws -> ArticleSummary {
        ArticleSummary(id: try r.get("id"), canonicalURL: try r.get("canonical_url"), sourceID: try r.get("source_id"),
                       section: try r.get("section"), sectionPinned: try r.get("section_pinned"), title: try r.get("title"),
                       published: try r.get("published"), fetchedAt: try r.get("fetched_at"), revision: try r.get("revision"), snippet: nil)
    }

    /// Articles in `change_seq` order, read a page at a time (keyset on `change_seq`): one page in memory.
    private func stream(_ filter: ArticleFilter, descending: Bool, _ body: (StoredArticle) throws -> Void) throws {
        let page = 200
        var remaining = filter.limit.map { max(0, $0) } ?? Int.max
        var last: Int64?
        while remaining > 0 {
            let want = min(page, remaining)
            var b = SQLBuilder()
            var parts = Self.whereClause(filter, &b)
            if let last { parts.append("change_seq \(descending ? "<" : ">") \(b.bind(last))") }
            b.sql = "SELECT \(Self.articleColumns) FROM articles\(parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND "))"
                + " ORDER BY change_seq\(descending ? " DESC" : "") LIMIT \(want)"
            let batch = try run("read articles") { s in try s.query(b.query).map { try Self.stored(ArticleRecord(pg: $0), s) } }
            for a in batch { try body(a) }
            remaining -= batch.count
            guard batch.count == want, let seq = batch.last?.changeSeq else { break }
            last = seq
        }
    }

    public func forEachArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        try stream(filter, descending: false, body)
    }

    public func forEachLatestArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws {
        try stream(filter, descending: true, body)
    }

    public func articleSections(_ filter: ArticleFilter) throws -> [String] {
        var f = filter
        f.limit = nil
        var b = SQLBuilder()
        let parts = Self.whereClause(f, &b)
        b.sql = "SELECT DISTINCT section COLLATE \"C\" AS section FROM articles\(parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND ")) ORDER BY 1"
        return try run("read sections") { s in try s.query(b.query).map { try $0.get("section", String.self) } }
    }

    public func article(id: Int64) throws -> StoredArticle? {
        try run("read article \(id)") { s in try Self.article(id: id, s).map { try Self.stored($0, s) } }
    }

    public func article(url: String) throws -> StoredArticle? {
        guard let key = key(for: url) else { return nil }
        return try run("read article \(url)") { s in
            guard let id = try s.query("SELECT article_id FROM article_urls WHERE url = \(key)").first?.get("article_id", Int64.self),
                  let r = try Self.article(id: id, s) else { return nil }
            return try Self.stored(r, s)
        }
    }

    public func revisions(articleID: Int64) throws -> [RevisionRecord] {
        try run("read revisions of \(articleID)") { s in
            try s.query("SELECT * FROM revisions WHERE article_id = \(articleID) ORDER BY revision").map { r in
                RevisionRecord(id: try r.get("id"), articleId: try r.get("article_id"), revision: try r.get("revision"), title: try r.get("title"),
                               section: try r.get("section"), html: try r.get("html"), text: try r.get("text"),
                               contentHash: try r.get("content_hash"), imageCount: try r.get("image_count"),
                               replacedAt: try r.get("replaced_at"), changes: try r.get("changes"))
            }
        }
    }

    public func list(_ filter: ArticleFilter) throws -> [ArticleSummary] {
        var b = SQLBuilder()
        let parts = Self.whereClause(filter, &b)
        b.sql = """
            SELECT id, canonical_url, source_id, section, section_pinned, title, published, fetched_at, revision
            FROM articles\(parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND "))
            ORDER BY coalesce(published, fetched_at) DESC, id DESC LIMIT \(max(0, filter.limit ?? 50))
            """
        return try run("list articles") { s in try s.query(b.query).map(Self.summary) }
    }

    public func labelledExamples() throws -> [(text: String, section: String)] {
        try run("read labelled examples") { s in
            try s.query("""
                SELECT a.title, substr(a.text, 1, 400) AS lead,
                       CASE WHEN a.section_pinned THEN a.section ELSE s.section END AS label
                FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.section_pinned OR s.section IS NOT NULL
                ORDER BY a.id
                """).compactMap { r -> (text: String, section: String)? in
                guard let label = try r.get("label", String?.self) else { return nil }
                let title = try r.get("title", String.self), lead = try r.get("lead", String.self)
                return (text: title + "\n" + ArticleStore.firstParagraph(lead), section: label)
            }
        }
    }

    public func exportCursor(_ name: String) throws -> Int64? {
        try run("read export cursor \(name)") { s in
            try s.query("SELECT change_seq FROM export_cursors WHERE name = \(name)").first?.get("change_seq", Int64.self)
        }
    }

    public func setExportCursor(_ name: String, to seq: Int64) throws {
        try write("set export cursor \(name)") { s in
            try s.query("""
                INSERT INTO export_cursors (name, change_seq, updated_at) VALUES (\(name), \(seq), \(Date()))
                ON CONFLICT (name) DO UPDATE SET change_seq = excluded.change_seq, updated_at = excluded.updated_at
                """)
        }
    }

    public func latestChangeSeq() throws -> Int64 {
        try run("read change_seq") { s in
            try s.query("SELECT coalesce(max(change_seq), 0)::bigint AS n FROM articles").first?.get("n", Int64.self) ?? 0
        }
    }

    /// Full-text search: the same bigram/word text as SQLite's FTS5, as a `tsvector` with a GIN index
    /// (`SearchTokenizer.tsQuery`); ranked by `ts_rank` with the title weighted above the body.
    public func search(_ query: String, filter: ArticleFilter) throws -> [ArticleSummary] {
        let q = SearchTokenizer.tsQuery(query)
        guard q.match != nil || !q.likeTerms.isEmpty else { return [] }
        var b = SQLBuilder()
        var conditions: [String] = []
        var order = "coalesce(published, fetched_at) DESC"
        var rank = ""
        if let match = q.match {
            let p = b.bind(match)
            conditions.append("search @@ to_tsquery('newsdesk', \(p))")
            rank = ", ts_rank('{0.1, 0.2, 0.5, 1.0}', search, to_tsquery('newsdesk', \(p))) AS rank"
            order = "rank DESC, id"
        }
        conditions += Self.whereClause(filter, &b)
        for term in q.likeTerms {
            let p = b.bind(term)
            conditions.append("(strpos(title, \(p)) > 0 OR strpos(text, \(p)) > 0)")
        }
        b.sql = """
            SELECT id, canonical_url, source_id, section, section_pinned, title, published, fetched_at, revision, text\(rank)
            FROM articles WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(max(0, filter.limit ?? 20))
            """
        let words = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        return try run("search \(query)") { s in
            try s.query(b.query).map { r in
                var sum = try Self.summary(r)
                sum.snippet = ArticleStore.snippet(try r.get("text", String.self), words: words)
                return sum
            }
        }
    }
}
