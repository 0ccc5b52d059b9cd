import ArgumentParser
import NewsDesk

/// `newsdesk ingest` (not built yet: its issue replaces this file).
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("ingest: not built yet") }
}
