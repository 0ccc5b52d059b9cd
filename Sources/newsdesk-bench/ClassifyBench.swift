import ArgumentParser
import NewsDesk

/// `newsdesk-bench classify` (not built yet: its issue replaces this file).
struct ClassifyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("bench classify: not built yet") }
}
