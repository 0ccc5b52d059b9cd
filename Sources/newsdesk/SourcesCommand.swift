import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk sources`: source health from the store.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Source health: last success, consecutive failures, last error, next due, articles stored.")

    @OptionGroup var store: StoreOption
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let sources = try store.open().sources()
        if json { print(try Output.json(sources)); return }
        print("id\tstored\tlast success\tfailures\tnext due\tlast error")
        for s in sources {
            print("\(s.id)\t\(s.articlesStored)\t\(Output.date(s.lastSuccess))\t\(s.consecutiveFailures)\t\(Output.date(s.nextDue))\t\(s.lastError ?? "-")")
        }
    }
}
