import ArgumentParser
import NewsDesk

/// `newsdesk sources` (not built yet: its issue replaces this file).
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("sources: not built yet") }
}
