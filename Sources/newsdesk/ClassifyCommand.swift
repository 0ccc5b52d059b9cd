import ArgumentParser
import NewsDesk

/// `newsdesk classify` (not built yet: its issue replaces this file).
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("classify: not built yet") }
}
