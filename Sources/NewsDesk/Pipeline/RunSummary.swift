import Foundation

/// What `Pipeline.ingest` is asked to do.
public struct IngestOptions: Sendable, Equatable {
    /// Only these sources (all when empty).
    public var sourceIDs: [String]
    /// Fetch and process but write nothing (no articles, no source state, no run record).
    public var dryRun: Bool
    /// Ignore due times (interval, backoff, Retry-After) and fetch every selected source now.
    public var force: Bool

    public init(sourceIDs: [String] = [], dryRun: Bool = false, force: Bool = false) {
        self.sourceIDs = sourceIDs; self.dryRun = dryRun; self.force = force
    }
}

/// What one run did with one source.
public struct SourceRunSummary: Sendable, Equatable, Codable {
    /// `ok`, `not_modified`, `failed`, `not_due`.
    public var status: SourceRunStatus
    public var id: String
    public var itemsSeen: Int = 0
    /// Articles stored for the first time.
    public var new: Int = 0
    /// Pages recognized as articles already stored (another URL, same text, near-copy) and linked.
    public var linked: Int = 0
    /// Feed entries already handled in an earlier run (not fetched again).
    public var known: Int = 0
    /// Pages or articles that failed (recorded in run errors).
    public var failed: Int = 0
    /// Entries skipped because their page failed `max_entry_attempts` runs in a row or is gone (410).
    public var givenUp: Int = 0
    /// Problems that stopped nothing but make the run partial: a mis-decoded page (stored, recorded in run errors).
    public var warnings: Int = 0
    public var error: String?
    /// When the source is next due (set after the run).
    public var nextDue: Date?

    public init(id: String, status: SourceRunStatus) { self.id = id; self.status = status }

    enum CodingKeys: String, CodingKey {
        case status, id, itemsSeen = "items_seen", new, linked, known, failed, givenUp = "given_up", warnings, error, nextDue = "next_due"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(SourceRunStatus.self, forKey: .status)
        id = try c.decode(String.self, forKey: .id)
        itemsSeen = try c.decodeIfPresent(Int.self, forKey: .itemsSeen) ?? 0
        new = try c.decodeIfPresent(Int.self, forKey: .new) ?? 0
        linked = try c.decodeIfPresent(Int.self, forKey: .linked) ?? 0
        known = try c.decodeIfPresent(Int.self, forKey: .known) ?? 0
        failed = try c.decodeIfPresent(Int.self, forKey: .failed) ?? 0
        givenUp = try c.decodeIfPresent(Int.self, forKey: .givenUp) ?? 0
        warnings = try c.decodeIfPresent(Int.self, forKey: .warnings) ?? 0
        error = try c.decodeIfPresent(String.self, forKey: .error)
        nextDue = try c.decodeIfPresent(Date.self, forKey: .nextDue)
    }
}

/// The outcome of an ingest run: per-source results and totals, printed as one line or as JSON.
public struct RunSummary: Sendable, Equatable, Codable {
    /// `ok` (no failure), `partial` (something failed, the rest was stored), `failed` (every fetched source failed).
    public var status: RunStatus
    public var runID: Int64?
    public var dryRun: Bool
    public var startedAt: Date
    public var finishedAt: Date
    public var database: String
    public var sources: [SourceRunSummary]
    /// The first errors, "source: url: message" (all of them are in the store's run_errors).
    public var errors: [String]

    public var sourcesChecked: Int { sources.filter { $0.status != .notDue }.count }
    public var notModified: Int { sources.filter { $0.status == .notModified }.count }
    public var notDue: Int { sources.filter { $0.status == .notDue }.count }
    public var failedSources: Int { sources.filter { $0.status == .failed }.count }
    public var new: Int { sources.reduce(0) { $0 + $1.new } }
    public var linked: Int { sources.reduce(0) { $0 + $1.linked } }
    public var known: Int { sources.reduce(0) { $0 + $1.known } }
    public var failedArticles: Int { sources.reduce(0) { $0 + $1.failed } }
    public var givenUp: Int { sources.reduce(0) { $0 + $1.givenUp } }
    public var warnings: Int { sources.reduce(0) { $0 + $1.warnings } }
    public var seconds: Double { finishedAt.timeIntervalSince(startedAt) }

    /// The one-line summary printed at the end of a run.
    public var line: String {
        var parts = ["\(sourcesChecked) source\(sourcesChecked == 1 ? "" : "s") checked"]
        var detail: [String] = []
        if notModified > 0 { detail.append("\(notModified) not modified") }
        if failedSources > 0 { detail.append("\(failedSources) failed") }
        if notDue > 0 { detail.append("\(notDue) not due") }
        if !detail.isEmpty { parts[0] += " (" + detail.joined(separator: ", ") + ")" }
        parts.append("\(new) new")
        parts.append("\(linked) linked")
        parts.append("\(known) known")
        parts.append("\(failedArticles) failed")
        if givenUp > 0 { parts.append("\(givenUp) given up") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        let verb = dryRun ? "dry run" : "ingest"
        return "\(verb) \(status): " + parts.joined(separator: ", ") + String(format: " in %.1fs", seconds) + (dryRun ? " (nothing written)" : " → \(database)")
    }

    enum CodingKeys: String, CodingKey {
        case status, runID = "run_id", dryRun = "dry_run", startedAt = "started_at", finishedAt = "finished_at", database, sources, errors
        case totals
    }

    struct Totals: Codable, Equatable {
        var sourcesChecked, notModified, notDue, failedSources, new, linked, known, failedArticles, givenUp: Int
        var warnings = 0
        var seconds: Double
        enum CodingKeys: String, CodingKey {
            case sourcesChecked = "sources_checked", notModified = "not_modified", notDue = "not_due", failedSources = "failed_sources"
            case new, linked, known, failedArticles = "failed_articles", givenUp = "given_up", warnings, seconds
        }
    }

    public init(status: RunStatus, runID: Int64?, dryRun: Bool, startedAt: Date, finishedAt: Date, database: String,
                sources: [SourceRunSummary], errors: [String]) {
        self.status = status; self.runID = runID; self.dryRun = dryRun; self.startedAt = startedAt
        self.finishedAt = finishedAt; self.database = database; self.sources = sources; self.errors = errors
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(RunStatus.self, forKey: .status)
        runID = try c.decodeIfPresent(Int64.self, forKey: .runID)
        dryRun = try c.decode(Bool.self, forKey: .dryRun)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        finishedAt = try c.decode(Date.self, forKey: .finishedAt)
        database = try c.decode(String.self, forKey: .database)
        sources = try c.decode([SourceRunSummary].self, forKey: .sources)
        errors = try c.decode([String].self, forKey: .errors)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(runID, forKey: .runID)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(database, forKey: .database)
        try c.encode(Totals(sourcesChecked: sourcesChecked, notModified: notModified, notDue: notDue, failedSources: failedSources,
                            new: new, linked: linked, known: known, failedArticles: failedArticles, givenUp: givenUp, warnings: warnings,
                            seconds: seconds), forKey: .totals)
        try c.encode(sources, forKey: .sources)
        try c.encode(errors, forKey: .errors)
    }
}

/// Progress events for a terminal display (the CLI shows them only when stderr is a TTY).
public enum IngestProgress: Sendable {
    case sourceStarted(id: String)
    case sourceFinished(SourceRunSummary)
    case article(sourceID: String, url: String, outcome: String)
}
