import ArgumentParser
import NewsDesk

/// `newsdesk sanitize`: placeholder wiring, filled in by the sanitizer work (issue 2).
struct SanitizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sanitize", abstract: "Clean HTML into a safe article fragment.")
    @Argument var files: [String] = []
    func run() async throws {
        throw ValidationError("sanitize: not built yet")
    }
}
