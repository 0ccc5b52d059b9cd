import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk show ID|URL`: one stored article with its metadata, text and revisions.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stored article by id or by any URL it was seen under.")

    @OptionGroup var store: StoreOption
    @OptionGroup var display: DisplayConfigOption
    @Argument(help: "Article id or URL.") var article: String
    @Flag(help: "Print the sanitized HTML instead of the text.") var html = false
    @Flag(help: "JSON output (the whole stored article).") var json = false

    func run() throws {
        let policy = try display.policy()
        let time = DisplayTime(zone: policy?.config.defaults.timeZone ?? FetchDefaults.standardTimeZone)
        let s = try store.open(cleaner: policy?.urlCleaner ?? .standard, config: policy?.config.store)
        let found = try Int64(article).flatMap { try s.article(id: $0) } ?? s.article(url: article)
        guard let a = found else {
            FileHandle.standardError.write(Data("\(StoreError.notFound(article))\n".utf8))
            throw ExitCode.failure
        }
        if json { print(try Output.json(a)); return }
        print("#\(a.id) \(a.title)")
        print("url:        \(a.canonicalURL)")
        for u in a.otherURLs { print("also:       \(u)") }
        if let o = a.originalURL { print("original:   \(o)") }
        print("source:     \(a.sourceID)")
        print("section:    \(a.section)\(a.sectionPinned ? " (pinned)" : "") — \(String(format: "%.2f", a.confidence)): \(a.classificationReason)")
        if !a.byline.isEmpty || a.byline.raw != nil {
            print("byline:     \(a.byline.raw ?? (a.byline.reporters + [a.byline.agency].compactMap { $0 }).joined(separator: ", "))")
        }
        print("published:  \(time.format(a.published))   updated: \(time.format(a.updated))   fetched: \(time.format(a.fetchedAt))")
        print("revision:   \(a.revision) (change \(a.changeSeq))   text: \(a.text.count) chars")
        if let l = a.leadImage { print("image:      \(l)") }
        if let c = a.attribution { print("copyright:  \(c)") }
        for r in try s.revisions(articleID: a.id) { print("  rev \(r.revision) replaced \(time.format(r.replacedAt)): \(r.changes)") }
        print("")
        print(html ? a.html : a.text)
    }
}
