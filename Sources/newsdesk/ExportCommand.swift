import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk export`: writes stored articles as jsonl, html, markdown or atom, optionally incrementally.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export stored articles as JSON Lines, HTML pages, Markdown or Atom feeds.",
        discussion: """
            jsonl and atom (one --section) go to standard output unless --out DIR is given; html and markdown
            need --out DIR. With --cursor NAME only articles new or changed since the last export under NAME are
            written, and NAME advances only once everything is written. Atom feeds are windows: each holds the
            section's latest --limit entries (default 50), rebuilt on every run; with --cursor and --out they are
            only rewritten when something changed. See docs/export.md.
            """)

    @Option(help: "jsonl, html, markdown or atom.") var format: String
    @OptionGroup var store: StoreOption
    @Option(help: "Only this section id (repeatable).") var section: [String] = []
    @Option(help: "Only this source id (repeatable).") var source: [String] = []
    @Option(help: "Published (else fetched) at or after: RFC 3339, 2026-11-29 (in the configured zone), or 36h / 7d ago.") var since: String?
    @Option(help: "Published (else fetched) before: same forms as --since.") var until: String?
    @Option(help: "Only these article ids, comma-separated: 1,2,3.") var ids: String?
    @Option(parsing: .unconditional,
            help: "At most N articles (in change order; with --cursor the rest follows next time); atom: entries per feed (default 50).")
    var limit: Int?
    @Option(help: "Output folder (created when missing).") var out: String?
    @Option(help: "Incremental export under this name: only what is new or changed since its last run.") var cursor: String?
    @OptionGroup var display: DisplayConfigOption

    func run() throws {
        guard let fmt = ExportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("--format \(format): use one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let config = try display.load()
        let names = ExportOptions.sectionNames(config)
        let time = DisplayTime(zone: config?.defaults.timeZone ?? FetchDefaults.standardTimeZone)
        do {
            var filter = ArticleFilter(sections: section, sources: source, limit: limit)
            if let since { filter.since = try ExportOptions.parseDate(since, option: "--since", zone: time.zone) }
            if let until { filter.until = try ExportOptions.parseDate(until, option: "--until", zone: time.zone) }
            if let ids { filter.ids = try ExportOptions.parseIDs(ids) }
            if let limit, limit < 0 { throw ExportError.invalidOption(name: "--limit", value: String(limit), expected: "0 or more") }
            // Only a cursor writes to the store; without one the export reads it like `list` does.
            let opened = try cursor == nil ? store.open(config: config?.store)
                : store.openExistingForWriting(operation: "export --cursor", config: config?.store)
            let exporter = Exporter(store: opened)
            let summary = try exporter.export(format: fmt, filter: filter, cursor: cursor,
                                              out: out.map { .directory($0) } ?? .standardOutput, sectionNames: names, time: time)
            var line = "export: \(summary.articles) article(s) as \(fmt.rawValue)"
            if !summary.files.isEmpty { line += ", \(summary.files.count) file(s) in \(out ?? ".")" }
            if let cursor {
                line += "; cursor \(cursor): \(summary.cursorBefore.map(String.init) ?? "new") → \(summary.cursorAfter.map(String.init) ?? "unchanged")"
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } catch let e as ExportError {
            FileHandle.standardError.write(Data("\(e)\n".utf8))
            switch e {
            case .invalidOption, .invalidCursorName, .outputRequired: throw ExitCode(64)  // usage, like ValidationError
            default: throw ExitCode(IngestExit.fatal.rawValue)
            }
        }
    }
}
