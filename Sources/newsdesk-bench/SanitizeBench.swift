import ArgumentParser
import NewsDesk

/// `newsdesk-bench sanitize` (not built yet: its issue replaces this file).
struct SanitizeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sanitize", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("bench sanitize: not built yet") }
}
