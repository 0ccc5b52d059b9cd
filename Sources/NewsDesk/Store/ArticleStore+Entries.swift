import Foundation
import GRDB

/// A feed entry whose page failed in a run (see `ArticleStore.recordEntryFailure`).
public struct EntryFailure: Sendable, Equatable {
    public var sourceID: String
    public var itemID: String
    public var url: String
    /// Runs in which it failed, in a row.
    public var attempts: Int
    /// Gone for good (HTTP 410): given up at once.
    public var permanent: Bool
    public var stage: String
    public var error: String
    public var lastFailed: Date
}

extension ArticleStore {
    /// Counts one more failed run for a feed entry (a stored article for it clears the count).
    @discardableResult
    public func recordEntryFailure(sourceID: String, itemID: String, url: String, stage: String, error: String,
                                   permanent: Bool, at now: Date = Date()) throws(StoreError) -> Int {
        guard !itemID.isEmpty else { return 0 }
        return try writing("record entry failure \(url)") { db in
            try db.execute(sql: """
                INSERT INTO entry_failures (source_id, item_id, url, attempts, permanent, stage, error, first_failed, last_failed)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)
                ON CONFLICT (source_id, item_id) DO UPDATE SET
                    url = excluded.url, attempts = attempts + 1, permanent = max(permanent, excluded.permanent),
                    stage = excluded.stage, error = excluded.error, last_failed = excluded.last_failed
                """, arguments: [sourceID, itemID, url, permanent, stage, error, StoreDate.text(now), StoreDate.text(now)])
            return try Int.fetchOne(db, sql: "SELECT attempts FROM entry_failures WHERE source_id = ? AND item_id = ?",
                                    arguments: [sourceID, itemID]) ?? 1
        }
    }

    /// The entries of `items` that have been given up: failed `maxAttempts` runs in a row, or gone for good.
    public func givenUpEntries(sourceID: String, items: [FeedItem], maxAttempts: Int) throws -> Set<String> {
        try reading("check failing entries of \(sourceID)") { db in
            var out = Set<String>()
            let statement = try db.cachedStatement(sql: "SELECT attempts, permanent FROM entry_failures WHERE source_id = ? AND item_id = ?")
            for item in items {
                if let row = try Row.fetchOne(statement, arguments: [sourceID, item.id]) {
                    let attempts: Int = row["attempts"], permanent: Bool = row["permanent"]
                    if permanent || attempts >= maxAttempts { out.insert(item.id) }
                }
            }
            return out
        }
    }

    /// Failing entries, most recent first (`newsdesk sources` shows their count per source).
    public func entryFailures(sourceID: String? = nil) throws -> [EntryFailure] {
        try reading("list failing entries") { db in
            var sql = "SELECT * FROM entry_failures"
            var arguments: StatementArguments = []
            if let sourceID { sql += " WHERE source_id = ?"; arguments = [sourceID] }
            sql += " ORDER BY last_failed DESC"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
                EntryFailure(sourceID: r["source_id"], itemID: r["item_id"], url: r["url"], attempts: r["attempts"],
                             permanent: r["permanent"], stage: r["stage"], error: r["error"], lastFailed: r["last_failed"])
            }
        }
    }
}
