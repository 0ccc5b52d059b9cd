import ArgumentParser
import NewsDesk

/// `newsdesk feeds` (not built yet: its issue replaces this file).
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feeds", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("feeds: not built yet") }
}
