import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk-bench sanitize --corpus DIR`: MB/s of HTML input cleaned on one core (best of N passes).
struct SanitizeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanitize",
        abstract: "Measure sanitizer throughput (MB/s of input, one core) over a directory of HTML pages."
    )

    @Option(help: "Directory of .html/.htm files (see scripts/make_corpus.py).")
    var corpus: String

    @Option(help: "Timed passes over the corpus; the best is reported.")
    var passes: Int = 3

    @Option(help: "Charset of the pages.")
    var charset: String = "UTF-8"

    func run() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        guard !names.isEmpty else {
            throw ValidationError("bench sanitize: no .html files in \(corpus) (generate some with scripts/make_corpus.py DIR)")
        }
        let pages: [[UInt8]] = names.compactMap { FileManager.default.contents(atPath: (corpus as NSString).appendingPathComponent($0)).map { [UInt8]($0) } }
        let bytes = pages.reduce(0) { $0 + $1.count }
        let sanitizer = Sanitizer(policy: .default)
        var outBytes = 0
        for p in pages { outBytes += try sanitizer.sanitize(bytes: p, charset: charset, baseURL: "https://news.example.com/").html.utf8.count }
        var best = Double.infinity
        for _ in 0..<max(1, passes) {
            let clock = ContinuousClock()
            var sink = 0
            let elapsed = try clock.measure {
                for p in pages { sink &+= try sanitizer.sanitize(bytes: p, charset: charset, baseURL: "https://news.example.com/").html.utf8.count }
            }
            precondition(sink == outBytes, "output changed between passes")
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        let mb = Double(bytes) / 1e6
        print(String(format: "newsdesk sanitize: %d pages, %.1f MB in, %.1f MB out, best of %d: %.3f s, %.1f MB/s (1 core)",
                     pages.count, mb, Double(outBytes) / 1e6, passes, best, mb / best))
    }
}
