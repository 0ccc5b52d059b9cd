import Foundation
import GRDB

extension ArticleStore {
    /// Starts a run. Runs still marked `running` (a killed process) are marked `interrupted` first; call this only
    /// while holding the ingest lock.
    public func beginRun(dryRun: Bool, at start: Date = Date()) throws -> Int64 {
        try writing("begin run") { db in
            try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            var run = RunRecord(id: nil, startedAt: start, finishedAt: nil, status: "running", dryRun: dryRun, sourcesChecked: 0,
                                articlesNew: 0, articlesLinked: 0, articlesSkipped: 0, errors: 0)
            try run.insert(db)
            return run.id ?? 0
        }
    }

    /// Records what a run did with one source.
    func recordRunSource(_ record: RunSourceRecord) throws {
        try writing("record run source \(record.sourceId)") { db in try record.save(db) }
    }

    /// Records one error of a run.
    public func recordRunError(runID: Int64, sourceID: String?, url: String?, stage: String, message: String) throws {
        try writing("record run error") { db in
            var e = RunErrorRecord(id: nil, runId: runID, sourceId: sourceID, url: url, stage: stage, message: message, at: Date())
            try e.insert(db)
        }
    }

    /// Finishes a run with its totals.
    public func finishRun(_ id: Int64, status: String, sourcesChecked: Int, articlesNew: Int, articlesLinked: Int,
                          articlesSkipped: Int, errors: Int, at end: Date = Date()) throws {
        try writing("finish run \(id)") { db in
            guard var run = try RunRecord.fetchOne(db, key: id) else { return }
            run.finishedAt = end; run.status = status; run.sourcesChecked = sourcesChecked; run.articlesNew = articlesNew
            run.articlesLinked = articlesLinked; run.articlesSkipped = articlesSkipped; run.errors = errors
            try run.update(db)
        }
    }

    /// The most recent runs, newest first.
    func runs(limit: Int = 10) throws -> [RunRecord] {
        try reading("read runs") { db in try RunRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    /// The errors of one run.
    func runErrors(runID: Int64) throws -> [RunErrorRecord] {
        try reading("read run errors") { db in try RunErrorRecord.filter(Column("run_id") == runID).order(Column("id")).fetchAll(db) }
    }
}
