import ArgumentParser
import NewsDesk

/// `newsdesk extract` (not built yet: its issue replaces this file).
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("extract: not built yet") }
}
