import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk search QUERY`: full-text search (Korean substrings included).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search titles and texts; every word must match (Korean words match inside longer words, English by stem and prefix).")

    @OptionGroup var store: StoreOption
    @OptionGroup var display: DisplayConfigOption
    @Argument(help: "Words to find.") var query: [String]
    @Option(help: "Only this section (repeatable).") var section: [String] = []
    @Option(parsing: .unconditional, help: "At most N results.") var limit: Int = 20
    @Flag(help: "JSON output.") var json = false

    func validate() throws { try Output.checkLimit(limit) }

    func run() throws {
        let time = try display.displayTime()
        let hits = try store.open(config: try display.load()?.store).search(query.joined(separator: " "), filter: ArticleFilter(sections: section, limit: limit))
        if json { print(try Output.json(hits)); return }
        for h in hits {
            print(Output.summaryLine(h, time))
            if let s = h.snippet { print("\t\(s)") }
        }
        if hits.isEmpty { FileHandle.standardError.write(Data("search: nothing found\n".utf8)) }
    }
}
