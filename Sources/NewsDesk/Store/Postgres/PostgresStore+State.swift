import Foundation
import PostgresNIO

// Sources, runs and entry failures on PostgreSQL: `ArticleStore+Sources/Runs/Entries` with the same rules.

extension PostgresStore {
    static let sourceColumns = """
        id, name, location, section, etag, last_modified, last_attempt, last_success, consecutive_failures, last_error, retry_after,
        next_due, last_status, articles_stored
        """

    static func sourceRecord(_ r: PostgresRandomAccessRow) throws -> SourceRecord {
        SourceRecord(id: try r.get("id"), name: try r.get("name"), location: try r.get("location"), section: try r.get("section"),
                     etag: try r.get("etag"), lastModified: try r.get("last_modified"), lastAttempt: try r.get("last_attempt"),
                     lastSuccess: try r.get("last_success"), consecutiveFailures: try r.get("consecutive_failures"),
                     lastError: try r.get("last_error"), retryAfter: try r.get("retry_after"), nextDue: try r.get("next_due"),
                     lastStatus: try r.get("last_status"), articlesStored: try r.get("articles_stored"))
    }

    public func syncSources(_ sources: [SourceConfig]) throws {
        try write("sync sources") { s in
            for src in sources {
                let location = src.url ?? src.path.map { "path:" + $0 } ?? ""
                let section = src.mixed ? nil : src.section
                try s.query("""
                    INSERT INTO sources (id, name, location, section) VALUES (\(src.id), \(src.name), \(location), \(section))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, location = excluded.location, section = excluded.section
                    WHERE (sources.name, sources.location, sources.section) IS DISTINCT FROM (excluded.name, excluded.location, excluded.section)
                    """)
            }
        }
    }

    public func ensureSource(id: String, name: String, location: String, section: String?) throws {
        try write("create source \(id)") { s in
            try s.query("INSERT INTO sources (id, name, location, section) VALUES (\(id), \(name), \(location), \(section)) ON CONFLICT (id) DO NOTHING")
        }
    }

    public func sources() throws -> [SourceRecord] {
        try run("read sources") { s in try s.query("SELECT \(unescaped: Self.sourceColumns) FROM sources ORDER BY id COLLATE \"C\"").map(Self.sourceRecord) }
    }

    public func source(id: String) throws -> SourceRecord? {
        try run("read source \(id)") { s in try s.query("SELECT \(unescaped: Self.sourceColumns) FROM sources WHERE id = \(id)").first.map(Self.sourceRecord) }
    }

    @discardableResult
    public func recordFetch(sourceID: String, _ result: SourceFetchResult, interval: Int) throws -> SourceRecord? {
        try write("record fetch of \(sourceID)") { s in
            guard let row = try s.query("SELECT \(unescaped: Self.sourceColumns) FROM sources WHERE id = \(sourceID) FOR UPDATE").first else { return nil }
            var r = try Self.sourceRecord(row)
            r.apply(result, interval: interval)
            try s.query("""
                UPDATE sources SET last_attempt = \(r.lastAttempt), last_status = \(r.lastStatus), etag = \(r.etag),
                    last_modified = \(r.lastModified), last_success = \(r.lastSuccess), consecutive_failures = \(r.consecutiveFailures),
                    last_error = \(r.lastError), retry_after = \(r.retryAfter), next_due = \(r.nextDue)
                WHERE id = \(sourceID)
                """)
            return r
        }
    }

    // MARK: runs

    public func beginRun(dryRun: Bool, at start: Date) throws -> Int64 {
        try write("begin run") { s in
            try s.query("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            return try s.query("INSERT INTO runs (started_at, status, dry_run) VALUES (\(start), 'running', \(dryRun)) RETURNING id")
                .first?.get("id", Int64.self) ?? 0
        }
    }

    public func recordRunSource(runID: Int64, sourceID: String, status: String, itemsSeen: Int, new: Int, linked: Int, skipped: Int,
                                errors: Int, error: String?) throws {
        try write("record run source \(sourceID)") { s in
            try s.query("""
                INSERT INTO run_sources (run_id, source_id, status, items_seen, articles_new, articles_linked, articles_skipped, errors, error)
                VALUES (\(runID), \(sourceID), \(status), \(itemsSeen), \(new), \(linked), \(skipped), \(errors), \(error))
                ON CONFLICT (run_id, source_id) DO UPDATE SET status = excluded.status, items_seen = excluded.items_seen,
                    articles_new = excluded.articles_new, articles_linked = excluded.articles_linked,
                    articles_skipped = excluded.articles_skipped, errors = excluded.errors, error = excluded.error
                """)
        }
    }

    public func recordRunError(runID: Int64, sourceID: String?, url: String?, stage: String, message: String) throws {
        try write("record run error") { s in
            try s.query("""
                INSERT INTO run_errors (run_id, source_id, url, stage, message, at) VALUES (\(runID), \(sourceID), \(url), \(stage), \(message), \(Date()))
                """)
        }
    }

    public func finishRun(_ id: Int64, status: String, sourcesChecked: Int, articlesNew: Int, articlesLinked: Int,
                          articlesSkipped: Int, errors: Int, at end: Date) throws {
        try write("finish run \(id)") { s in
            try s.query("""
                UPDATE runs SET finished_at = \(end), status = \(status), sources_checked = \(sourcesChecked), articles_new = \(articlesNew),
                    articles_linked = \(articlesLinked), articles_skipped = \(articlesSkipped), errors = \(errors)
                WHERE id = \(id)
                """)
        }
    }

    func runs(limit: Int) throws -> [RunRecord] {
        try run("read runs") { s in
            try s.query("SELECT * FROM runs ORDER BY id DESC LIMIT \(limit)").map { r in
                RunRecord(id: try r.get("id"), startedAt: try r.get("started_at"), finishedAt: try r.get("finished_at"), status: try r.get("status"),
                          dryRun: try r.get("dry_run"), sourcesChecked: try r.get("sources_checked"), articlesNew: try r.get("articles_new"),
                          articlesLinked: try r.get("articles_linked"), articlesSkipped: try r.get("articles_skipped"), errors: try r.get("errors"))
            }
        }
    }

    func runErrors(runID: Int64) throws -> [RunErrorRecord] {
        try run("read run errors") { s in
            try s.query("SELECT * FROM run_errors WHERE run_id = \(runID) ORDER BY id").map { r in
                RunErrorRecord(id: try r.get("id"), runId: try r.get("run_id"), sourceId: try r.get("source_id"), url: try r.get("url"),
                               stage: try r.get("stage"), message: try r.get("message"), at: try r.get("at"))
            }
        }
    }

    // MARK: entry failures

    @discardableResult
    public func recordEntryFailure(sourceID: String, itemID: String, url: String, stage: String, error: String,
                                   permanent: Bool, at now: Date) throws(StoreError) -> Int {
        guard !itemID.isEmpty else { return 0 }
        return try write("record entry failure \(url)") { s in
            try s.query("""
                INSERT INTO entry_failures (source_id, item_id, url, attempts, permanent, stage, error, first_failed, last_failed)
                VALUES (\(sourceID), \(itemID), \(url), 1, \(permanent), \(stage), \(error), \(now), \(now))
                ON CONFLICT (source_id, item_id) DO UPDATE SET
                    url = excluded.url, attempts = entry_failures.attempts + 1, permanent = entry_failures.permanent OR excluded.permanent,
                    stage = excluded.stage, error = excluded.error, last_failed = excluded.last_failed
                RETURNING attempts
                """).first?.get("attempts", Int.self) ?? 1
        }
    }

    public func givenUpEntries(sourceID: String, items: [FeedItem], maxAttempts: Int) throws -> Set<String> {
        guard !items.isEmpty else { return [] }
        return try run("check failing entries of \(sourceID)") { s in
            Set(try s.query("""
                SELECT item_id FROM entry_failures WHERE source_id = \(sourceID) AND item_id = ANY(\(items.map(\.id)))
                    AND (permanent OR attempts >= \(maxAttempts))
                """).map { try $0.get("item_id", String.self) })
        }
    }

    public func entryFailures(sourceID: String?) throws -> [EntryFailure] {
        try run("list failing entries") { s in
            try s.query("SELECT * FROM entry_failures WHERE \(sourceID)::text IS NULL OR source_id = \(sourceID) ORDER BY last_failed DESC").map { r in
                EntryFailure(sourceID: try r.get("source_id"), itemID: try r.get("item_id"), url: try r.get("url"), attempts: try r.get("attempts"),
                             permanent: try r.get("permanent"), stage: try r.get("stage"), error: try r.get("error"), lastFailed: try r.get("last_failed"))
            }
        }
    }
}

extension SourceRecord {
    /// `ArticleStore.recordFetch`'s schedule: `interval` after a success; after a failure
    /// `min(interval × 2^failures, 24 h)`, or the server's Retry-After if later.
    mutating func apply(_ result: SourceFetchResult, interval: Int) {
        lastAttempt = result.at
        lastStatus = result.status
        switch result.outcome {
        case .fetched(let etag, let lastModified):
            self.etag = etag
            self.lastModified = lastModified
            lastSuccess = result.at
            consecutiveFailures = 0
            lastError = nil
            retryAfter = nil
            nextDue = result.at.addingTimeInterval(TimeInterval(interval))
        case .notModified:
            lastSuccess = result.at
            consecutiveFailures = 0
            lastError = nil
            retryAfter = nil
            nextDue = result.at.addingTimeInterval(TimeInterval(interval))
        case .failed(let message, let retryAfter):
            consecutiveFailures += 1
            lastError = message
            self.retryAfter = retryAfter
            let backoff = min(Double(interval) * pow(2, Double(min(consecutiveFailures, 16))), 86_400)
            var due = result.at.addingTimeInterval(backoff)
            if let retryAfter, retryAfter > due { due = retryAfter }
            nextDue = due
        }
    }
}
