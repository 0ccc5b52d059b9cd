import ArgumentParser
import Foundation
import Logging
import NewsDesk

/// `newsdesk reimport URL|ID`: re-process one article and say what changed.
struct ReimportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reimport",
        abstract: "Re-fetch (or read a saved page), re-extract, re-sanitize and re-classify one article; store a revision if it changed.",
        discussion: "Exit codes: 0 done (stored, revised or unchanged); 1 failed (page, store); 3 config error; 4 an ingest holds the lock.")

    @Argument(help: "A stored article's id, or a URL (stored or not).") var article: String
    @Option(help: "Read this saved page instead of fetching.") var file: String?
    @Option(help: "Pin the article to this section; later imports keep it.") var section: String?
    @Option(help: "The feeds config.") var config: String = "feeds.yaml"
    @OptionGroup var store: StoreOption
    @Flag(name: .shortAndLong, help: "Log at info level.") var verbose = false

    func run() async throws {
        let logger = CLILogging.bootstrap(level: verbose ? .info : .warning)
        let policy = try PolicyFile.load(config)
        let s: any ArticleStoring
        do { s = try store.location(config: policy.config.store).open(logger: logger, cleaner: policy.urlCleaner) } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(IngestExit.fatal.rawValue)
        }
        // Take the ingest lock: a re-import must not interleave with a run's writes to the same article.
        let lock: AnyObject
        do { lock = try Pipeline.ingestLock(s, shared: false) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(IngestExit.lockHeld.rawValue)
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            let pipeline = Pipeline(policy: policy, store: s, fetcher: Fetcher(defaults: policy.config.defaults, logger: logger),
                                    classifier: CLILogging.classifier(policy, logger), logger: logger)
            let result = try await pipeline.reimport(article, file: file, section: section)
            print(result.line)
            for w in result.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(IngestExit.fatal.rawValue)
        }
    }
}
