import ArgumentParser
import NewsDesk

/// The `newsdesk` command line: it parses arguments, loads the config and runs library stages.
@main
struct NewsDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdesk",
        abstract: "Fetch, clean, classify, store and export news articles.",
        version: NewsDeskVersion.current,
        subcommands: [
            IngestCommand.self, ReimportCommand.self,
            ListCommand.self, ShowCommand.self, SearchCommand.self, SourcesCommand.self,
            ExportCommand.self, FeedsCommand.self, FetchCommand.self,
            ExtractCommand.self, SanitizeCommand.self, ClassifyCommand.self,
        ]
    )
}
