import ArgumentParser
import NewsDesk

/// Exit codes of `newsdesk ingest` (and the store-opening failures of the other commands); see docs/ingest.md.
enum IngestExit: Int32 {
    /// Every due source was fetched and every new article stored.
    case ok = 0
    /// Fatal: the store could not be opened or written, or an unexpected error; nothing more could be done.
    case fatal = 1
    /// Partial failure: some source, page or article failed (recorded in `newsdesk sources` and the run's errors);
    /// everything else was stored.
    case partial = 2
    /// The config file is missing or invalid (the message lists file:line: field: problem).
    case config = 3
    /// Another ingest holds the lock on this store; nothing was done.
    case lockHeld = 4
}

/// `newsdesk ingest` (not built yet: its issue replaces this file).
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("ingest: not built yet") }
}
