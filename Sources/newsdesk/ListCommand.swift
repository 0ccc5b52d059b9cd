import ArgumentParser
import Foundation
import NewsDesk

/// The `--db` option shared by the commands that read or write the store: a SQLite file or `postgres://…`.
/// Without it, `NEWSDESK_DB`, then `store.url` of feeds.yaml, then `newsdesk.sqlite` (`StoreLocation.resolve`).
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: a SQLite file or postgres://USER@HOST:PORT/DB (default: $NEWSDESK_DB, else store.url in feeds.yaml, else newsdesk.sqlite).", valueName: "db"))
    var db: String?

    /// Where the store is, with `config` (`store.url`) as the fallback before the default file.
    func location(config: StoreLocation? = nil) throws -> StoreLocation {
        do { return try StoreLocation.resolve(flag: db, config: config) } catch {
            Output.fail("\(error)")
            throw ExitCode(64)
        }
    }

    /// Opens the store read-only, for the read commands: a missing file is an error naming it (exit 1), and nothing
    /// is created, migrated or written (`StoreAccess.readOnly`). A store from an older NewsDesk is read as it is.
    /// `cleaner`: the config's URL cleaner (`Policy.urlCleaner`), so a URL finds its article as ingest keyed it.
    func open(cleaner: URLCleaner = .standard, config: StoreLocation? = nil) throws -> any ArticleStoring {
        let where_ = try location(config: config)
        let store: any ArticleStoring
        do { store = try where_.open(cleaner: cleaner, access: .readOnly) } catch {
            Output.fail("\(error)")
            throw ExitCode(IngestExit.fatal.rawValue)
        }
        if !store.pendingMigrations.isEmpty {
            Output.fail("store: \(where_) comes from an older NewsDesk (without \(store.pendingMigrations.joined(separator: ", "))); "
                + "reading it as it is (the next `newsdesk ingest` upgrades it)")
        }
        return store
    }

    /// Opens an existing store to read and write (`export --cursor` records its position): never creates one, and
    /// says so up front when the store is read-only.
    func openExistingForWriting(operation: String, config: StoreLocation? = nil) throws -> any ArticleStoring {
        let where_ = try location(config: config)
        if case .sqlite(let db) = where_ {
            guard FileManager.default.fileExists(atPath: db) else {
                Output.fail("\(StoreError.missing(path: db))")
                throw ExitCode(IngestExit.fatal.rawValue)
            }
            if ArticleStore.isReadOnly(path: db) {
                Output.fail("\(StoreError.readOnly(path: db, operation: operation))")
                throw ExitCode(IngestExit.fatal.rawValue)
            }
        }
        do {
            if case .postgres = where_ { _ = try where_.open(access: .readOnly) }  // an existing NewsDesk database only
            return try where_.open()
        } catch {
            Output.fail("\(error)")
            throw ExitCode(IngestExit.fatal.rawValue)
        }
    }
}

/// `--config` for the read commands: feeds.yaml gives the zone times are shown in (`defaults.timezone`) and the
/// section names. Without the option, `./feeds.yaml` is read when present (as `ingest` does); a broken implicit file
/// only costs a warning, since the store can be read without it.
struct DisplayConfigOption: ParsableArguments {
    @Option(help: "feeds.yaml, for the time zone (defaults.timezone) and section names (default: ./feeds.yaml when present).")
    var config: String?

    /// The config, or nil when none is given or found.
    func load() throws -> FeedsConfig? { try policy()?.config }

    /// The built config (`Policy.load`), or nil when none is given or found.
    func policy() throws -> Policy? {
        if let config {
            return try PolicyFile.load(config)
        }
        guard FileManager.default.fileExists(atPath: "feeds.yaml") else { return nil }
        do { return try Policy.load(path: "feeds.yaml") } catch {
            Output.fail("newsdesk: ignoring ./feeds.yaml (\(error.problems.first.map(\.description) ?? "unreadable")); "
                + "showing times in \(FetchDefaults.standardTimeZone.identifier)")
            return nil
        }
    }

    /// How times are shown: in `defaults.timezone` of the config, else Asia/Seoul.
    func displayTime() throws -> DisplayTime {
        DisplayTime(zone: try load()?.defaults.timeZone ?? FetchDefaults.standardTimeZone)
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

    static func summaryLine(_ a: ArticleSummary, _ time: DisplayTime) -> String {
        let pin = a.sectionPinned ? "*" : ""
        return "\(a.id)\t\(a.section)\(pin)\t\(a.sourceID)\t\(time.format(a.published ?? a.fetchedAt))\t\(a.title)"
    }

    /// A line on standard error.
    static func fail(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

    /// `--limit N` of the read commands: a count of 1 or more (`-1` reaches here as a value, not as an option).
    static func checkLimit(_ limit: Int) throws {
        if limit < 1 { throw ValidationError("--limit \(limit): give how many to show, 1 or more") }
    }
}

/// `newsdesk list`: stored articles, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored articles, newest first (id, section (* = pinned), source, date in the configured zone, title).")

    @OptionGroup var store: StoreOption
    @OptionGroup var display: DisplayConfigOption
    @Option(help: "Only this section (repeatable).") var section: [String] = []
    @Option(help: "Only this source id (repeatable).") var source: [String] = []
    @Option(help: "Published at or after: 2026-11-29 (in the configured zone), an RFC 3339 time, or 36h / 7d ago.") var since: String?
    @Option(parsing: .unconditional, help: "At most N articles.") var limit: Int = 50
    @Flag(help: "JSON output.") var json = false

    func validate() throws { try Output.checkLimit(limit) }

    func run() throws {
        let time = try display.displayTime()
        var sinceDate: Date?
        if let since {
            do { sinceDate = try ExportOptions.parseDate(since, option: "--since", zone: time.zone) } catch {
                throw ValidationError("--since \(since): use 2026-11-29 (\(time.zoneName(at: Date()))), an RFC 3339 time, or 36h / 7d")
            }
        }
        let items = try store.open(config: try display.load()?.store).list(ArticleFilter(sections: section, sources: source, since: sinceDate, limit: limit))
        if json { print(try Output.json(items)); return }
        for a in items { print(Output.summaryLine(a, time)) }
    }
}
