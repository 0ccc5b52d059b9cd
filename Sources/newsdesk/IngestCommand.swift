import ArgumentParser
import Foundation
import Logging
import Synchronization
import NewsDesk

/// Exit codes of `newsdesk ingest` (and the store-opening failures of the other commands); see docs/ingest.md.
enum IngestExit: Int32 {
    /// Every due source was fetched and every new article stored.
    case ok = 0
    /// Fatal: the store could not be opened or written, or an unexpected error; nothing more could be done.
    case fatal = 1
    /// Partial failure: some source, page or article failed (recorded in `newsdesk sources` and the run's errors);
    /// everything else was stored.
    case partial = 2
    /// The config file is missing or invalid (the message lists file:line: field: problem).
    case config = 3
    /// Another ingest holds the lock on this store; nothing was done.
    case lockHeld = 4
}

/// Logging for the executable: swift-log to stderr, bootstrapped once.
enum CLILogging {
    nonisolated(unsafe) private static var done = false
    static func bootstrap(level: Logger.Level) -> Logger {
        if !done {
            done = true
            LoggingSystem.bootstrap { label in
                var h = StreamLogHandler.standardError(label: label)
                h.logLevel = level
                return h
            }
        }
        var logger = Logger(label: "newsdesk")
        logger.logLevel = level
        return logger
    }

    /// The shipped (or configured) classifier; without one, articles are filed by their source's section and the
    /// reason says so.
    static func classifier(_ policy: Policy, _ logger: Logger) -> Classifier? {
        do { return try Classifier.shipped(policy.sections) } catch {
            logger.warning("classifier unavailable, filing articles by source section", metadata: ["error": "\(error)"])
            return nil
        }
    }
}

/// `newsdesk ingest`: one cron-friendly run over the due sources.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Fetch due sources, store new articles, print a one-line summary.",
        discussion: """
            Exit codes: 0 ok; 1 fatal (store unusable, unexpected error); 2 partial (some source/page/article failed, \
            the rest stored); 3 config error; 4 another ingest holds the lock (nothing done); 64 usage error.
            """)

    @Option(help: "The feeds config.") var config: String = "feeds.yaml"
    @OptionGroup var store: StoreOption
    @Option(name: .customLong("source"), help: "Only this source id (repeatable).") var sources: [String] = []
    @Flag(help: "Fetch and process but write nothing.") var dryRun = false
    @Flag(help: "Ignore due times (interval, backoff, Retry-After).") var force = false
    @Flag(help: "Print the summary as JSON on stdout.") var json = false
    @Flag(help: "No summary line, no progress; only errors on stderr.") var quiet = false
    @Flag(name: .shortAndLong, help: "Log each source and article (info level).") var verbose = false
    @Option(help: "PostgreSQL only: N leasing workers in this process, sharing the due sources with every other worker.")
    var workers: Int?
    @Flag(help: "PostgreSQL only: keep leasing sources as they come due (instead of cron); SIGTERM/SIGINT stop it cleanly.")
    var loop = false

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers \(workers): give 1 or more") }
        if (workers != nil || loop) && dryRun { throw ValidationError("--dry-run cannot be combined with --workers or --loop") }
    }

    func run() async throws {
        let logger = CLILogging.bootstrap(level: verbose ? .info : quiet ? .error : .warning)
        let policy = try PolicyFile.load(config)
        let location = try store.location(config: policy.config.store)
        let leasing = workers != nil || loop
        if leasing && !location.isPostgres {
            fail("ingest: --workers and --loop lease sources in a shared PostgreSQL database; \(location) is a SQLite file "
                + "(use --db postgres://USER@HOST:PORT/DB; see README \"More than one machine\")")
            throw ExitCode(64)
        }
        let articleStore: any ArticleStoring
        do { articleStore = try location.open(logger: logger, cleaner: policy.urlCleaner) } catch {
            fail("\(error)")
            throw ExitCode(IngestExit.fatal.rawValue)
        }
        let pipeline = Pipeline(policy: policy, store: articleStore, fetcher: Fetcher(defaults: policy.config.defaults, logger: logger),
                                classifier: CLILogging.classifier(policy, logger), logger: logger)
        let showProgress = !quiet && !json && isatty(STDERR_FILENO) == 1
        let summary: RunSummary
        do {
            let options = IngestOptions(sourceIDs: sources, dryRun: dryRun, force: force)
            if leasing {
                let stop = StopSignal.install()
                summary = try await pipeline.work(options, WorkerOptions(workers: workers ?? 1, loop: loop,
                                                                         leaseSeconds: policy.config.leaseSeconds ?? 60,
                                                                         shouldStop: { stop.requested }),
                                                  progress: showProgress ? Progress.show : nil)
            } else {
                summary = try await pipeline.ingest(options, progress: showProgress ? Progress.show : nil)
            }
        } catch {
            if showProgress { Progress.clear() }
            fail("\(error)")
            switch error {
            case .lockHeld: throw ExitCode(IngestExit.lockHeld.rawValue)
            case .unknownSources: throw ExitCode(IngestExit.config.rawValue)
            case .leasingUnsupported: throw ExitCode(64)
            default: throw ExitCode(IngestExit.fatal.rawValue)
            }
        }
        if showProgress { Progress.clear() }
        if json {
            print(try Output.json(summary))
        } else if !quiet {
            print(summary.line)
            for e in summary.errors { fail("  " + e) }
        }
        switch summary.status {
        case .ok: return
        case .partial, .failed: throw ExitCode(IngestExit.partial.rawValue)
        }
    }

    private func fail(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}

/// SIGTERM and SIGINT ask the workers to stop: each finishes its source, gives its lease back, and the run ends.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    var requested: Bool { flag.load(ordering: .relaxed) }

    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() -> StopSignal {
        let stop = StopSignal()
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.flag.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
        return stop
    }
}

/// A one-line progress display on stderr (only when it is a terminal).
enum Progress {
    private static let counts = Mutex((sources: 0, articles: 0))
    @Sendable static func show(_ event: IngestProgress) {
        let (s, a) = counts.withLock { c -> (Int, Int) in
            switch event {
            case .sourceFinished: c.sources += 1
            case .article: c.articles += 1
            case .sourceStarted: break
            }
            return (c.sources, c.articles)
        }
        var label = ""
        switch event {
        case .sourceStarted(let id): label = id
        case .sourceFinished(let r): label = "\(r.id): \(r.status.rawValue)"
        case .article(let id, _, let outcome): label = "\(id): \(outcome)"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(s) sources done, \(a) articles … \(label)".utf8))
    }
    static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
