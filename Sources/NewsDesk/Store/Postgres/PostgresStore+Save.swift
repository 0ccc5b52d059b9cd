import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresStore {
    /// Stores one article in one transaction, with `ArticleStore.save`'s identity rules (URL, declared URL with
    /// agreeing text, content hash, near-copy) and outcomes.
    ///
    /// Concurrency: before looking anything up, the transaction takes advisory locks on the article's URL keys and
    /// text hash (sorted, so two writers never wait on each other in a cycle): a second worker saving the same
    /// article waits for the first to commit, then finds it and links. The change sequence is assigned under one
    /// more lock held to commit, so `change_seq` commits in order and an export cursor never skips a row.
    @discardableResult
    public func save(_ draft: ArticleDraft, mode: SaveMode) throws(StoreError) -> SaveOutcome {
        try save(draft, mode: mode, lease: SourceLease.current)
    }

    func save(_ draft: ArticleDraft, mode: SaveMode, lease: SourceLease?) throws(StoreError) -> SaveOutcome {
        let plan = try SavePlan(draft, key: key(for:), display: display(for:))
        return try write("save \(draft.url)", lease: lease) { s in try Self.save(plan, draft, mode: mode, s) }
    }

    /// `save` for tasks: the transaction runs on a thread of NIO's blocking pool and the task suspends meanwhile,
    /// so no thread of the cooperative pool waits for the database.
    @discardableResult
    public func save(_ draft: ArticleDraft, mode: SaveMode) async throws(StoreError) -> SaveOutcome {
        do {
            // The task's lease goes along by hand: task-local values do not reach the pool's thread.
            let lease = SourceLease.current
            return try await NIOThreadPool.singleton.runIfActive { () throws -> SaveOutcome in try self.save(draft, mode: mode, lease: lease) }
        } catch let e as StoreError { throw e } catch {
            throw .server(operation: "save \(draft.url)", reason: "\(error)")
        }
    }

    public func knownItems(sourceID: String, items: [FeedItem]) throws -> Set<String> {
        try run("check known items of \(sourceID)") { s in
            var known = Set<String>()
            guard !items.isEmpty else { return known }
            let ids = items.map(\.id)
            for row in try s.query("SELECT item_id FROM feed_items WHERE source_id = \(sourceID) AND item_id = ANY(\(ids))") {
                known.insert(try row.get("item_id", String.self))
            }
            var byKey: [String: [String]] = [:]
            for item in items where !known.contains(item.id) {
                if let k = key(for: item.link) { byKey[k, default: []].append(item.id) }
            }
            if !byKey.isEmpty {
                let keys = Array(byKey.keys)
                for row in try s.query("SELECT url FROM article_urls WHERE url = ANY(\(keys))") {
                    for id in byKey[try row.get("url", String.self)] ?? [] { known.insert(id) }
                }
            }
            return known
        }
    }

    // MARK: - inside the transaction

    static func save(_ p: SavePlan, _ draft: ArticleDraft, mode: SaveMode, _ s: PostgresSession) throws -> SaveOutcome {
        let lockKeys = Set(p.seenKeys + p.declaredKeys + [p.hash]).sorted()
        try s.query("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(\(lockKeys)::text[]) AS k")
        var existing: (ArticleRecord, DuplicateMatch)?
        if let id = try articleID(forKeys: p.seenKeys, s), let r = try article(id: id, s) { existing = (r, .url) }
        if existing == nil, let id = try articleID(forKeys: p.declaredKeys, s), let r = try article(id: id, s),
           r.contentHash == p.hash || r.title == p.title || Fingerprint.similarity(Fingerprint.decode(r.fingerprint), p.signature) >= 0.5 {
            existing = (r, .declaredURL)
        }
        if existing == nil, !draft.text.isEmpty,
           let row = try s.query("SELECT * FROM articles WHERE content_hash = \(p.hash) ORDER BY id LIMIT 1").first {
            existing = (try ArticleRecord(pg: row), .contentHash)
        }
        if existing == nil, p.nearCopyEligible, let (r, sim) = try nearCopy(p.signature, s) {
            existing = (r, .nearCopy(similarity: sim))
        }

        if let (record, match) = existing {
            let id = record.id ?? 0
            try link(p.seen, kind: "seen", to: id, at: p.now, s)
            if let o = p.originalPair { try link([o], kind: "original", to: id, at: p.now, s) }
            try recordFeedItem(draft, id, p.now, s)
            switch mode {
            case .ingest:
                return .linked(id: id, match: match)
            case .reimport(let pin):
                if case .nearCopy = match { return .linked(id: id, match: match) }
                if case .contentHash = match, pin == nil { return .linked(id: id, match: match) }
                return try revise(record, with: draft, plan: p, pin: pin, s)
            }
        }

        guard !p.title.isEmpty || !draft.text.isEmpty else {
            throw StoreError.invalidArticle(url: draft.url, reason: "no title and no text")
        }
        var canonical = p.canonicalPair ?? p.seen[0]
        if try !s.query("SELECT 1 AS one FROM articles WHERE canonical_url = \(canonical.seen) LIMIT 1").isEmpty { canonical = p.seen[0] }
        var section = draft.classification
        var pinned = false
        if case .reimport(let pin?) = mode {
            section = Classification(section: pin, confidence: 1, method: .pinned, reason: "pinned by hand (reimport --section \(pin))")
            pinned = true
        }
        let seq = try nextChangeSeq(s)
        let e = draft.extracted
        let rows = try s.query("""
            INSERT INTO articles (canonical_url, original_url, source_id, section, section_pinned, confidence, classification_method, reason,
                title, byline_reporters, byline_agency, byline_emails, byline_raw, published, updated, fetched_at, changed_at, attribution,
                lead_image, description, site_name, language, keywords, html, text, content_hash, fingerprint, image_count, extractor,
                revision, change_seq, search)
            VALUES (\(canonical.seen), \(e.originalURL), \(draft.sourceID), \(section.section), \(pinned), \(min(1, max(0, section.confidence))),
                \(section.method.rawValue), \(section.reason), \(p.title), \(try json(e.byline.reporters)), \(e.byline.agency),
                \(try json(e.byline.emails)), \(e.byline.raw), \(e.published), \(e.updated), \(draft.fetchedAt), \(p.now), \(e.attribution),
                \(e.leadImage), \(e.description), \(e.siteName), \(e.language), \(try json(e.keywords)), \(draft.html), \(draft.text),
                \(p.hash), \(ByteBuffer(bytes: Fingerprint.encode(p.signature))), \(draft.imageCount), \(e.extractor), 1, \(seq),
                setweight(to_tsvector('newsdesk', \(p.search.title)), 'A') || setweight(to_tsvector('newsdesk', \(p.search.body)), 'B'))
            RETURNING id
            """)
        guard let id = try rows.first?.get("id", Int64.self) else {
            throw StoreError.server(operation: "save \(draft.url)", reason: "no id after insert")
        }
        try link([canonical], kind: "canonical", to: id, at: p.now, s)
        try link(p.seen, kind: "seen", to: id, at: p.now, s)
        if let o = p.originalPair { try link([o], kind: "original", to: id, at: p.now, s) }
        if p.nearCopyEligible { try writeBands(p.signature, id, new: true, s) }
        try recordFeedItem(draft, id, p.now, s)
        try s.query("UPDATE sources SET articles_stored = articles_stored + 1 WHERE id = \(draft.sourceID)")
        return .inserted(id: id)
    }

    static func json(_ array: [String]) throws -> String {
        if array.isEmpty { return "[]" }
        return String(decoding: try JSONEncoder().encode(array), as: UTF8.self)
    }

    static func article(id: Int64, _ s: PostgresSession) throws -> ArticleRecord? {
        try s.query("SELECT * FROM articles WHERE id = \(id)").first.map { try ArticleRecord(pg: $0) }
    }

    static func articleID(forKeys keys: [String], _ s: PostgresSession) throws -> Int64? {
        guard !keys.isEmpty else { return nil }
        // The first key (in the page's order) that is known, as SQLite's loop finds it.
        let rows = try s.query("SELECT article_id, url FROM article_urls WHERE url = ANY(\(keys))")
        var found: [String: Int64] = [:]
        for r in rows { found[try r.get("url", String.self)] = try r.get("article_id", Int64.self) }
        for k in keys { if let id = found[k] { return id } }
        return nil
    }

    static func nearCopy(_ signature: [UInt64], _ s: PostgresSession) throws -> (ArticleRecord, Double)? {
        let keys = Fingerprint.bandKeys(signature)
        let bands = Array(0..<keys.count)
        let rows = try s.query("""
            SELECT DISTINCT b.article_id, a.fingerprint FROM unnest(\(bands)::integer[], \(keys)::bigint[]) AS v(band, hash)
            JOIN article_bands b ON b.band = v.band AND b.hash = v.hash JOIN articles a ON a.id = b.article_id
            ORDER BY b.article_id
            """)
        var best: (Int64, Double)?
        for r in rows {
            let id = try r.get("article_id", Int64.self)
            let fp = try r.get("fingerprint", ByteBuffer.self)
            let sim = Fingerprint.similarity(Fingerprint.decode(Data(fp.readableBytesView)), signature)
            if sim >= Fingerprint.nearCopyThreshold, sim > (best?.1 ?? 0) { best = (id, sim) }
        }
        guard let (id, sim) = best, let r = try article(id: id, s) else { return nil }
        return (r, sim)
    }

    static func link(_ urls: [URLPair], kind: String, to id: Int64, at now: Date, _ s: PostgresSession) throws {
        guard !urls.isEmpty else { return }
        try s.query("""
            INSERT INTO article_urls (url, seen_url, article_id, kind, first_seen)
            SELECT u, seen, \(id), \(kind), \(now) FROM unnest(\(urls.map(\.key))::text[], \(urls.map(\.seen))::text[]) AS v(u, seen)
            ON CONFLICT (url) DO NOTHING
            """)
    }

    static func recordFeedItem(_ draft: ArticleDraft, _ id: Int64, _ now: Date, _ s: PostgresSession) throws {
        guard let item = draft.feedItemID, !item.isEmpty else { return }
        try s.query("DELETE FROM entry_failures WHERE source_id = \(draft.sourceID) AND item_id = \(item)")
        try s.query("""
            INSERT INTO feed_items (source_id, item_id, article_id, first_seen) VALUES (\(draft.sourceID), \(item), \(id), \(now))
            ON CONFLICT (source_id, item_id) DO NOTHING
            """)
    }

    /// The next `change_seq`, under a transaction-scoped lock held to commit: sequences commit in order.
    static func nextChangeSeq(_ s: PostgresSession) throws -> Int64 {
        try s.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.changeSeqLock))")
        return try s.query("SELECT coalesce(max(change_seq), 0) + 1 AS n FROM articles").first?.get("n", Int64.self) ?? 1
    }

    static func writeBands(_ signature: [UInt64], _ id: Int64, new: Bool = false, _ s: PostgresSession) throws {
        if !new { try s.query("DELETE FROM article_bands WHERE article_id = \(id)") }
        let keys = Fingerprint.bandKeys(signature)
        let bands = Array(0..<keys.count)
        try s.query("""
            INSERT INTO article_bands (band, hash, article_id) SELECT band, hash, \(id) FROM unnest(\(bands)::integer[], \(keys)::bigint[]) AS v(band, hash)
            ON CONFLICT DO NOTHING
            """)
    }

    static func revise(_ old: ArticleRecord, with draft: ArticleDraft, plan p: SavePlan, pin: String?, _ s: PostgresSession) throws -> SaveOutcome {
        let id = old.id ?? 0
        let plan = RevisionPlan(old: old, draft: draft, title: p.title, hash: p.hash, pin: pin)
        let changes = plan.changes
        if changes.isEmpty {
            var new = plan.reclassified
            if plan.pinChanged {
                new.changedAt = p.now
                new.changeSeq = try nextChangeSeq(s)
            }
            if plan.classificationChanged {
                try s.query("""
                    UPDATE articles SET section_pinned = \(new.sectionPinned), confidence = \(new.confidence),
                        classification_method = \(new.classificationMethod), reason = \(new.reason), changed_at = \(new.changedAt),
                        change_seq = \(new.changeSeq) WHERE id = \(id)
                    """)
            }
            return .unchanged(id: id)
        }
        try s.query("""
            INSERT INTO revisions (article_id, revision, title, section, html, text, content_hash, image_count, replaced_at, changes)
            VALUES (\(id), \(old.revision), \(old.title), \(old.section), \(old.html), \(old.text), \(old.contentHash), \(old.imageCount),
                \(p.now), \(changes.description))
            """)
        var new = plan.revised(signature: p.signature, now: p.now)
        new.changeSeq = try nextChangeSeq(s)
        let searchTitle = new.title == p.title ? p.search.title : SearchTokenizer.indexText(new.title)
        try s.query("""
            UPDATE articles SET section = \(new.section), section_pinned = \(new.sectionPinned), confidence = \(new.confidence),
                classification_method = \(new.classificationMethod), reason = \(new.reason), title = \(new.title), html = \(new.html),
                text = \(new.text), content_hash = \(new.contentHash), fingerprint = \(ByteBuffer(bytes: new.fingerprint)),
                image_count = \(new.imageCount), byline_reporters = \(try json(new.bylineReporters)), byline_agency = \(new.bylineAgency),
                byline_emails = \(try json(new.bylineEmails)), byline_raw = \(new.bylineRaw), updated = \(new.updated),
                published = \(new.published), attribution = \(new.attribution), lead_image = \(new.leadImage),
                description = \(new.description), keywords = \(try json(new.keywords)), extractor = \(new.extractor),
                revision = \(new.revision), changed_at = \(new.changedAt), change_seq = \(new.changeSeq),
                search = setweight(to_tsvector('newsdesk', \(searchTitle)), 'A') || setweight(to_tsvector('newsdesk', \(p.search.body)), 'B')
            WHERE id = \(id)
            """)
        if p.nearCopyEligible { try writeBands(p.signature, id, s) } else {
            try s.query("DELETE FROM article_bands WHERE article_id = \(id)")
        }
        return .revised(id: id, revision: new.revision, changes: changes)
    }
}

/// What `save` computes from a draft before touching the database (keys, hash, MinHash, search text): the same
/// values `ArticleStore.save` computes, for the PostgreSQL transaction.
struct SavePlan: Sendable {
    var title: String
    var seen: [URLPair]
    var seenKeys: [String]
    var canonicalPair: URLPair?
    var originalPair: URLPair?
    var declaredKeys: [String]
    var hash: String
    var signature: [UInt64]
    var nearCopyEligible: Bool
    var search: SearchText
    var now: Date

    init(_ draft: ArticleDraft, key: (String) -> String?, display: (String) -> String?) throws(StoreError) {
        guard let urlKey = key(draft.url), let urlDisplay = display(draft.url) else {
            throw .invalidArticle(url: draft.url, reason: "not an absolute http(s) URL")
        }
        title = draft.extracted.title.trimmed
        var seen: [URLPair] = [URLPair(key: urlKey, seen: urlDisplay)]
        for u in draft.seenURLs {
            if let k = key(u), let d = display(u), !seen.contains(where: { $0.key == k }) { seen.append(URLPair(key: k, seen: d)) }
        }
        self.seen = seen
        seenKeys = seen.map(\.key)
        canonicalPair = draft.extracted.canonicalURL.flatMap { u in
            guard let k = key(u), let d = display(u), ArticleStore.trustworthy(k, for: urlKey) else { return nil }
            return URLPair(key: k, seen: d)
        }
        originalPair = draft.extracted.originalURL.flatMap { u in
            guard let k = key(u), let d = display(u) else { return nil }
            return URLPair(key: k, seen: d)
        }
        let keys = seenKeys
        declaredKeys = [canonicalPair?.key, originalPair?.key].compactMap { $0 }.filter { !keys.contains($0) }
        hash = Fingerprint.contentHash(draft.text)
        let scalars = Fingerprint.normalizedScalars(draft.text)
        signature = Fingerprint.minhash(scalars: scalars)
        nearCopyEligible = Fingerprint.eligible(scalars: scalars)
        search = SearchText(title: SearchTokenizer.indexText(title), body: SearchTokenizer.indexText(draft.text))
        now = Date()
    }
}
