import ArgumentParser
import NewsDesk

/// `newsdesk reimport` (not built yet: its issue replaces this file).
struct ReimportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reimport", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("reimport: not built yet") }
}
