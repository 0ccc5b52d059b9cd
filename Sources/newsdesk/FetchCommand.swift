import ArgumentParser
import NewsDesk

/// `newsdesk fetch` (not built yet: its issue replaces this file).
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("fetch: not built yet") }
}
