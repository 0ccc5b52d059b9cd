import Foundation
import GRDB

extension ArticleStore {
    /// Stores one article in one transaction: inserts it, links it to the article it duplicates, or (re-import)
    /// revises it, keeping the previous version.
    ///
    /// Identity, in order: a URL of the page (fetched URL, feed link, portal id) already known; the page's declared
    /// canonical/original URL already known *and* the text agrees (a bogus `rel=canonical` to a home page must not
    /// merge stories); the same normalized text; a near-copy by MinHash (≥ `Fingerprint.nearCopyThreshold`).
    /// A pinned section is never changed except by a new pin.
    @discardableResult
    public func save(_ draft: ArticleDraft, mode: SaveMode = .ingest) throws(StoreError) -> SaveOutcome {
        try writing("save \(draft.url)", try saveTransaction(draft, mode: mode))
    }

    /// `save` for tasks: the hashing and indexing text are computed on the caller's task, then the caller *suspends*
    /// while GRDB's writer runs the transaction, instead of blocking a thread of the cooperative pool (on two cores
    /// a blocked thread was half the machine waiting for the other article's commit).
    @discardableResult
    public func save(_ draft: ArticleDraft, mode: SaveMode = .ingest) async throws(StoreError) -> SaveOutcome {
        try await writingAsync("save \(draft.url)", try saveTransaction(draft, mode: mode))
    }

    /// Everything `save` computes outside the database, and the transaction that applies it.
    private func saveTransaction(_ draft: ArticleDraft, mode: SaveMode) throws(StoreError) -> @Sendable (Database) throws -> SaveOutcome {
        guard let urlKey = key(for: draft.url), let urlDisplay = display(for: draft.url) else {
            throw .invalidArticle(url: draft.url, reason: "not an absolute http(s) URL")
        }
        let title = draft.extracted.title.trimmed
        var seenURLs: [URLPair] = [URLPair(key: urlKey, seen: urlDisplay)]
        for u in draft.seenURLs { if let k = key(for: u), let d = display(for: u), !seenURLs.contains(where: { $0.key == k }) { seenURLs.append(URLPair(key: k, seen: d)) } }
        let seen = seenURLs
        let seenKeys = seen.map(\.key)
        let canonicalPair: URLPair? = draft.extracted.canonicalURL.flatMap { u in
            guard let k = key(for: u), let d = display(for: u), Self.trustworthy(k, for: urlKey) else { return nil }
            return URLPair(key: k, seen: d)
        }
        let canonicalKey = canonicalPair?.key
        let originalPair: URLPair? = draft.extracted.originalURL.flatMap { u in
            guard let k = key(for: u), let d = display(for: u) else { return nil }
            return URLPair(key: k, seen: d)
        }
        let originalKey = originalPair?.key
        let declaredKeys = [canonicalKey, originalKey].compactMap { $0 }.filter { !seenKeys.contains($0) }
        let hash = Fingerprint.contentHash(draft.text)
        let scalars = Fingerprint.normalizedScalars(draft.text)
        let signature = Fingerprint.minhash(scalars: scalars)
        let nearCopyEligible = Fingerprint.eligible(scalars: scalars)
        let searchText = SearchText(title: SearchTokenizer.indexText(title), body: SearchTokenizer.indexText(draft.text))
        let now = Date()

        return { db in
            // 1. Already known under a URL of this page?
            var existing: (ArticleRecord, DuplicateMatch)?
            if let id = try Self.articleID(forKeys: seenKeys, db), let r = try Self.article(id: id, db) {
                existing = (r, .url)
            }
            if existing == nil, let id = try Self.articleID(forKeys: declaredKeys, db), let r = try Self.article(id: id, db),
               r.contentHash == hash || r.title == title || Fingerprint.similarity(Fingerprint.decode(r.fingerprint), signature) >= 0.5 {
                existing = (r, .declaredURL)
            }
            if existing == nil, !draft.text.isEmpty,
               let r = try ArticleRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1"),
                                                  arguments: [hash]) {
                existing = (r, .contentHash)
            }
            if existing == nil, nearCopyEligible, let (r, sim) = try Self.nearCopy(signature, db) {
                existing = (r, .nearCopy(similarity: sim))
            }

            if let (record, match) = existing {
                let id = record.id ?? 0
                try Self.link(seen, kind: "seen", to: id, at: now, db)
                if let originalPair { try Self.link([originalPair], kind: "original", to: id, at: now, db) }
                try Self.recordFeedItem(draft, id, now, db)
                switch mode {
                case .ingest:
                    return .linked(id: id, match: match)
                case .reimport(let pin):
                    if case .nearCopy = match { return .linked(id: id, match: match) }
                    if case .contentHash = match, pin == nil { return .linked(id: id, match: match) }
                    return try Self.revise(record, with: draft, title: title, hash: hash, signature: signature, nearCopyEligible: nearCopyEligible,
                                           search: searchText, pin: pin, now: now, db)
                }
            }

            // 2. New article.
            guard !title.isEmpty || !draft.text.isEmpty else {
                throw StoreError.invalidArticle(url: draft.url, reason: "no title and no text")
            }
            var canonical = canonicalPair ?? seen[0]
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM articles WHERE canonical_url = ? LIMIT 1"),
                                 arguments: [canonical.seen]) == true { canonical = seen[0] }
            var section = draft.classification
            var pinned = false
            if case .reimport(let pin?) = mode {
                section = Classification(section: pin, confidence: 1, method: .pinned, reason: "pinned by hand (reimport --section \(pin))")
                pinned = true
            }
            var record = ArticleRecord(
                id: nil, canonicalUrl: canonical.seen, originalUrl: draft.extracted.originalURL, sourceId: draft.sourceID,
                section: section.section, sectionPinned: pinned, confidence: min(1, max(0, section.confidence)),
                classificationMethod: section.method.rawValue, reason: section.reason, title: title,
                bylineReporters: draft.extracted.byline.reporters, bylineAgency: draft.extracted.byline.agency,
                bylineEmails: draft.extracted.byline.emails, bylineRaw: draft.extracted.byline.raw,
                published: draft.extracted.published, updated: draft.extracted.updated, fetchedAt: draft.fetchedAt, changedAt: now,
                attribution: draft.extracted.attribution, leadImage: draft.extracted.leadImage, description: draft.extracted.description,
                siteName: draft.extracted.siteName, language: draft.extracted.language, keywords: draft.extracted.keywords,
                html: draft.html, text: draft.text, contentHash: hash, fingerprint: Fingerprint.encode(signature),
                imageCount: draft.imageCount, extractor: draft.extracted.extractor, revision: 1, changeSeq: try Self.nextChangeSeq(db))
            try record.insert(db)
            guard let id = record.id else { throw StoreError.database(operation: "save \(draft.url)", reason: "no rowid after insert") }
            try Self.link([canonical], kind: "canonical", to: id, at: now, db)
            try Self.link(seen, kind: "seen", to: id, at: now, db)
            if let originalPair { try Self.link([originalPair], kind: "original", to: id, at: now, db) }
            if nearCopyEligible { try Self.writeBands(signature, id, new: true, db) }
            try Self.index(id: id, searchText, replacing: nil, db)
            try Self.recordFeedItem(draft, id, now, db)
            try db.cachedStatement(sql: "UPDATE sources SET articles_stored = articles_stored + 1 WHERE id = ?").execute(arguments: [draft.sourceID])
            return .inserted(id: id)
        }
    }

    /// Entries of a feed already handled, by feed id or (any variant of) link: the pipeline skips them.
    public func knownItems(sourceID: String, items: [FeedItem]) throws -> Set<String> {
        try reading("check known items of \(sourceID)") { db in
            var known = Set<String>()
            for item in items {
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM feed_items WHERE source_id = ? AND item_id = ?"),
                                     arguments: [sourceID, item.id]) == true {
                    known.insert(item.id)
                } else if let k = key(for: item.link),
                          try Int64.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM article_urls WHERE url = ?"), arguments: [k]) != nil {
                    known.insert(item.id)
                }
            }
            return known
        }
    }

    // MARK: - helpers (inside the write transaction)

    /// A declared canonical is trusted only when it points at an article path on the same site (not a home page).
    static func trustworthy(_ canonical: String, for urlKey: String) -> Bool {
        guard let c = URLComponents(string: canonical), let u = URLComponents(string: urlKey) else { return false }
        let path = c.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return !path.isEmpty && (c.host == u.host || ArticleURL.portalID(canonical) != nil) && (path.count > 1 || c.query != nil)
    }

    /// One article by id (a cached statement: the query interface compiled its SQL on every call).
    static func article(id: Int64, _ db: Database) throws -> ArticleRecord? {
        try ArticleRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM articles WHERE id = ?"), arguments: [id])
    }

    static func articleID(forKeys keys: [String], _ db: Database) throws -> Int64? {
        for k in keys {
            if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM article_urls WHERE url = ?"), arguments: [k]) { return id }
        }
        return nil
    }

    static func nearCopy(_ signature: [UInt64], _ db: Database) throws -> (ArticleRecord, Double)? {
        // All bands in one statement, not one query per band.
        var arguments = StatementArguments()
        for (band, key) in Fingerprint.bandKeys(signature).enumerated() { arguments += [band, key] }
        let candidates = Set(try Int64.fetchAll(db.cachedStatement(sql: bandLookupSQL), arguments: arguments))
        var best: (Int64, Double)?
        for id in candidates.sorted() {
            guard let fp = try Data.fetchOne(db.cachedStatement(sql: "SELECT fingerprint FROM articles WHERE id = ?"), arguments: [id]) else { continue }
            let sim = Fingerprint.similarity(Fingerprint.decode(fp), signature)
            if sim >= Fingerprint.nearCopyThreshold, sim > (best?.1 ?? 0) { best = (id, sim) }
        }
        guard let (id, sim) = best, let r = try article(id: id, db) else { return nil }
        return (r, sim)
    }

    static func link(_ urls: [URLPair], kind: String, to id: Int64, at now: Date, _ db: Database) throws {
        for u in urls {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_urls (url, seen_url, article_id, kind, first_seen) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [u.key, u.seen, id, kind, StoreDate.text(now)])
        }
    }

    static func recordFeedItem(_ draft: ArticleDraft, _ id: Int64, _ now: Date, _ db: Database) throws {
        guard let item = draft.feedItemID, !item.isEmpty else { return }
        try db.cachedStatement(sql: "DELETE FROM entry_failures WHERE source_id = ? AND item_id = ?").execute(arguments: [draft.sourceID, item])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO feed_items (source_id, item_id, article_id, first_seen) VALUES (?, ?, ?, ?)")
            .execute(arguments: [draft.sourceID, item, id, StoreDate.text(now)])
    }

    static func nextChangeSeq(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(change_seq), 0) + 1 FROM articles"))) ?? 1
    }

    /// A join from the band keys (SQLite scans the table for a row-value `IN (VALUES …)`; the join searches the key).
    static let bandLookupSQL = "SELECT DISTINCT b.article_id FROM (VALUES "
        + Array(repeating: "(?, ?)", count: Fingerprint.bands).joined(separator: ", ")
        + ") AS v JOIN article_bands b ON b.band = v.column1 AND b.hash = v.column2"
    static let bandInsertSQL = "INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES "
        + Array(repeating: "(?, ?, ?)", count: Fingerprint.bands).joined(separator: ", ")

    /// The article's LSH band keys, in one statement; `new`: the article has none yet (no delete needed).
    static func writeBands(_ signature: [UInt64], _ id: Int64, new: Bool = false, _ db: Database) throws {
        if !new { try db.cachedStatement(sql: "DELETE FROM article_bands WHERE article_id = ?").execute(arguments: [id]) }
        var arguments = StatementArguments()
        for (band, key) in Fingerprint.bandKeys(signature).enumerated() { arguments += [band, key, id] }
        try db.cachedStatement(sql: bandInsertSQL).execute(arguments: arguments)
    }

    /// The article's search row. The index is contentless: replacing a row means handing FTS5 the values it indexed
    /// (`old`, recomputed from the stored title and text, which `indexText` maps the same way every time).
    static func index(id: Int64, _ search: SearchText, replacing old: SearchText?, _ db: Database) throws {
        if let old {
            try db.cachedStatement(sql: "INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', ?, ?, ?)")
                .execute(arguments: [id, old.title, old.body])
        }
        try db.cachedStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [id, search.title, search.body])
    }

    static func revise(_ old: ArticleRecord, with draft: ArticleDraft, title: String, hash: String, signature: [UInt64],
                       nearCopyEligible: Bool, search: SearchText, pin: String?, now: Date, _ db: Database) throws -> SaveOutcome {
        let id = old.id ?? 0
        let plan = RevisionPlan(old: old, draft: draft, title: title, hash: hash, pin: pin)
        let changes = plan.changes
        if changes.isEmpty {
            var new = plan.reclassified
            if plan.pinChanged {
                new.changedAt = now
                new.changeSeq = try nextChangeSeq(db)
            }
            if plan.classificationChanged { try new.update(db) }
            return .unchanged(id: id)
        }
        var revision = RevisionRecord(id: nil, articleId: id, revision: old.revision, title: old.title, section: old.section,
                                      html: old.html, text: old.text, contentHash: old.contentHash, imageCount: old.imageCount,
                                      replacedAt: now, changes: changes.description)
        try revision.insert(db)
        var new = plan.revised(signature: signature, now: now)
        new.changeSeq = try nextChangeSeq(db)
        try new.update(db)
        if nearCopyEligible { try writeBands(signature, id, db) } else {
            try db.execute(sql: "DELETE FROM article_bands WHERE article_id = ?", arguments: [id])
        }
        let indexed = new.title == title ? search : SearchText(title: SearchTokenizer.indexText(new.title), body: search.body)
        try index(id: id, indexed, replacing: SearchText(title: SearchTokenizer.indexText(old.title), body: SearchTokenizer.indexText(old.text)), db)
        return .revised(id: id, revision: new.revision, changes: changes)
    }
}

/// Title and body in the search index's bigram form (computed before the write transaction).
struct SearchText: Equatable {
    var title: String
    var body: String
}

/// A URL's identity key and the cleaned URL as seen.
struct URLPair: Equatable {
    var key: String
    var seen: String
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
