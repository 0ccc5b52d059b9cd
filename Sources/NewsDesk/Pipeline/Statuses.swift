/// A stage of the run, as recorded with run errors and failed feed entries (`newsdesk sources`, the store's
/// `stage` columns hold the raw value).
public enum Stage: String, Sendable, Codable, CaseIterable {
    case config, fetch, decode, feed, extract, sanitize, classify, store
}

/// What one run did with one source.
public enum SourceRunStatus: String, Sendable, Codable, CaseIterable {
    /// Fetched and processed (some articles may still have failed: see the counts).
    case ok
    /// The server answered 304: nothing new.
    case notModified = "not_modified"
    /// The feed could not be fetched, decoded or parsed.
    case failed
    /// Not yet due (interval, backoff, Retry-After); not fetched.
    case notDue = "not_due"
}

/// How a whole run ended (the exit code of `newsdesk ingest` follows it).
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    /// Every due source fetched and every new article stored.
    case ok
    /// Some source, page or article failed or warned; the rest was stored.
    case partial
    /// Every checked source failed.
    case failed
}
