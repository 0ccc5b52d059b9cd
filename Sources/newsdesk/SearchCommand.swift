import ArgumentParser
import NewsDesk

/// `newsdesk search` (not built yet: its issue replaces this file).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("search: not built yet") }
}
