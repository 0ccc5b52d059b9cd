import ArgumentParser
import NewsDesk

/// `newsdesk list` (not built yet: its issue replaces this file).
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("list: not built yet") }
}
