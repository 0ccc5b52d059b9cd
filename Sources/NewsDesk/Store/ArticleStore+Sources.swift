import Foundation
import GRDB

/// What one run did with one source, as the pipeline reports it to the store.
public struct SourceFetchResult: Sendable, Equatable {
    /// How the fetch ended.
    public enum Outcome: Sendable, Equatable {
        /// Fetched and parsed (200), with the response's validators.
        case fetched(etag: String?, lastModified: String?)
        /// 304: nothing new.
        case notModified
        /// The source failed; `retryAfter` when the server said when to come back.
        case failed(message: String, retryAfter: Date?)
    }
    public var outcome: Outcome
    public var status: Int?
    public var at: Date
    public init(outcome: Outcome, status: Int?, at: Date = Date()) { self.outcome = outcome; self.status = status; self.at = at }
}

extension ArticleStore {
    /// Creates or renames the rows of configured sources (fetch state is kept).
    public func syncSources(_ sources: [SourceConfig]) throws {
        try writing("sync sources") { db in
            for s in sources {
                let location = s.url ?? s.path.map { "path:" + $0 } ?? ""
                let section = s.mixed ? nil : s.section
                if var r = try SourceRecord.fetchOne(db, key: s.id) {
                    r.name = s.name; r.location = location; r.section = section
                    try r.update(db)
                } else {
                    try SourceRecord(id: s.id, name: s.name, location: location, section: section).insert(db)
                }
            }
        }
    }

    /// Makes sure a source row exists (for `reimport` of a page outside every configured source).
    public func ensureSource(id: String, name: String, location: String, section: String?) throws {
        try writing("create source \(id)") { db in
            if try SourceRecord.fetchOne(db, key: id) == nil {
                try SourceRecord(id: id, name: name, location: location, section: section).insert(db)
            }
        }
    }

    /// All sources with their health, by id.
    public func sources() throws -> [SourceRecord] {
        try reading("read sources") { db in try SourceRecord.order(Column("id")).fetchAll(db) }
    }

    /// One source's state, or nil.
    public func source(id: String) throws -> SourceRecord? {
        try reading("read source \(id)") { db in try SourceRecord.fetchOne(db, key: id) }
    }

    /// Records a fetch of a source and schedules the next one: `interval` after a success; after a failure
    /// `min(interval × 2^failures, 24 h)` (exponential backoff), or the server's Retry-After if later.
    @discardableResult
    public func recordFetch(sourceID: String, _ result: SourceFetchResult, interval: Int) throws -> SourceRecord? {
        try writing("record fetch of \(sourceID)") { db in
            guard var r = try SourceRecord.fetchOne(db, key: sourceID) else { return nil }
            r.lastAttempt = result.at
            r.lastStatus = result.status
            switch result.outcome {
            case .fetched(let etag, let lastModified):
                r.etag = etag
                r.lastModified = lastModified
                r.lastSuccess = result.at
                r.consecutiveFailures = 0
                r.lastError = nil
                r.retryAfter = nil
                r.nextDue = result.at.addingTimeInterval(TimeInterval(interval))
            case .notModified:
                r.lastSuccess = result.at
                r.consecutiveFailures = 0
                r.lastError = nil
                r.retryAfter = nil
                r.nextDue = result.at.addingTimeInterval(TimeInterval(interval))
            case .failed(let message, let retryAfter):
                r.consecutiveFailures += 1
                r.lastError = message
                r.retryAfter = retryAfter
                let backoff = min(Double(interval) * pow(2, Double(min(r.consecutiveFailures, 16))), 86_400)
                var due = result.at.addingTimeInterval(backoff)
                if let retryAfter, retryAfter > due { due = retryAfter }
                r.nextDue = due
            }
            try r.update(db)
            return r
        }
    }
}
