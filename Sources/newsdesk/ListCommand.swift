import ArgumentParser
import Foundation
import NewsDesk

/// The `--db FILE` option shared by the commands that read or write the store.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The SQLite store.") var db: String = "newsdesk.sqlite"

    /// Opens the store, failing with exit code 1 and the store's message.
    func open() throws -> ArticleStore {
        do { return try ArticleStore(path: db) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(IngestExit.fatal.rawValue)
        }
    }
}

/// Output helpers shared by the read commands.
enum Output {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func date(_ d: Date?) -> String {
        guard let d else { return "-" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: d)
    }

    /// `2025-11-29`, `2025-11-29T09:00:00+09:00`, or relative: `36h`, `7d` (ago).
    static func parseDate(_ text: String) -> Date? {
        if let n = Double(text.dropLast()), let unit = text.last, n >= 0 {
            switch unit {
            case "h": return Date().addingTimeInterval(-n * 3600)
            case "d": return Date().addingTimeInterval(-n * 86_400)
            case "m": return Date().addingTimeInterval(-n * 60)
            default: break
            }
        }
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: text) { return d }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.dateFormat = "yyyy-MM-dd"
        return day.date(from: text)
    }

    static func summaryLine(_ a: ArticleSummary) -> String {
        let pin = a.sectionPinned ? "*" : ""
        return "\(a.id)\t\(a.section)\(pin)\t\(a.sourceID)\t\(date(a.published ?? a.fetchedAt))\t\(a.title)"
    }
}

/// `newsdesk list`: stored articles, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List stored articles, newest first (id, section (* = pinned), source, date, title).")

    @OptionGroup var store: StoreOption
    @Option(help: "Only this section (repeatable).") var section: [String] = []
    @Option(help: "Only this source id (repeatable).") var source: [String] = []
    @Option(help: "Published at or after: 2025-11-29, an ISO 8601 time, or 36h / 7d ago.") var since: String?
    @Option(help: "At most N articles.") var limit: Int = 50
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        var sinceDate: Date?
        if let since {
            guard let d = Output.parseDate(since) else { throw ValidationError("--since \(since): use 2025-11-29, an ISO 8601 time, or 36h / 7d") }
            sinceDate = d
        }
        let items = try store.open().list(ArticleFilter(sections: section, sources: source, since: sinceDate, limit: limit))
        if json { print(try Output.json(items)); return }
        for a in items { print(Output.summaryLine(a)) }
    }
}
