import ArgumentParser
import NewsDesk

/// `newsdesk export` (not built yet: its issue replaces this file).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("export: not built yet") }
}
