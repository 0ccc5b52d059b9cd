import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk search QUERY`: full-text search (Korean substrings included).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search titles and texts; every word must match (Korean words match inside longer words).")

    @OptionGroup var store: StoreOption
    @Argument(help: "Words to find.") var query: [String]
    @Option(help: "Only this section (repeatable).") var section: [String] = []
    @Option(help: "At most N results.") var limit: Int = 20
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let hits = try store.open().search(query.joined(separator: " "), filter: ArticleFilter(sections: section, limit: limit))
        if json { print(try Output.json(hits)); return }
        for h in hits {
            print(Output.summaryLine(h))
            if let s = h.snippet { print("\t\(s)") }
        }
        if hits.isEmpty { FileHandle.standardError.write(Data("search: nothing found\n".utf8)) }
    }
}
