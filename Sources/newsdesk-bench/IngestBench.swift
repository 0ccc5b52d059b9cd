import ArgumentParser
import NewsDesk

/// `newsdesk-bench ingest` (not built yet: its issue replaces this file).
struct IngestBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("bench ingest: not built yet") }
}
