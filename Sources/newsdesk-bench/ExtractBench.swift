import ArgumentParser
import NewsDesk

/// `newsdesk-bench extract` (not built yet: its issue replaces this file).
struct ExtractBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("bench extract: not built yet") }
}
