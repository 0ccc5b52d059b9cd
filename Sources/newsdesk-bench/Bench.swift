import ArgumentParser
import NewsDesk

/// `newsdesk-bench`: throughput benchmarks (release builds).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "newsdesk-bench", abstract: "NewsDesk benchmarks.", subcommands: [SanitizeBench.self, ExtractBench.self, ClassifyBench.self, IngestBench.self, WorkersBench.self, ExportBench.self, DecodeBench.self])
}
