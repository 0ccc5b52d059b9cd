import ArgumentParser
import NewsDesk

/// `newsdesk-bench export` (not built yet: its issue replaces this file).
struct ExportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("bench export: not built yet") }
}
