import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk sources`: source health from the store.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Source health: last success, consecutive failures, last error, next due, articles stored.")

    @OptionGroup var store: StoreOption
    @OptionGroup var display: DisplayConfigOption
    @Flag(help: "JSON output.") var json = false
    @Flag(help: "List the failing feed entries (pages that failed in recent runs; given up after max_entry_attempts).")
    var entries = false

    func run() throws {
        let time = try display.displayTime()
        let opened = try store.open(config: try display.load()?.store)
        if entries {
            print("source\tattempts\tgone\tlast failed\tstage\turl\terror")
            for e in try opened.entryFailures(sourceID: nil) {
                let gone = e.permanent ? "410" : "-"
                print("\(e.sourceID)\t\(e.attempts)\t\(gone)\t\(time.format(e.lastFailed))\t\(e.stage)\t\(e.url)\t\(e.error)")
            }
            return
        }
        let sources = try opened.sources()
        if json { print(try Output.json(sources)); return }
        print("id\tstored\tlast success\tfailures\tnext due\tlast error")
        for s in sources {
            print("\(s.id)\t\(s.articlesStored)\t\(time.format(s.lastSuccess))\t\(s.consecutiveFailures)\t\(time.format(s.nextDue))\t\(s.lastError ?? "-")")
        }
    }
}
