import ArgumentParser
import NewsDesk

/// `newsdesk show` (not built yet: its issue replaces this file).
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("show: not built yet") }
}
