import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk-bench decode --corpus DIR`: MB/s of the decode stage on full-size pages (one core, best of N passes),
/// alone and followed by the libxml2 parse every later stage does (`HTMLDocument(bytes: page.bytes, encoding:
/// page.charset)`), so a cost moved from libxml2's own iconv into the decoder shows up in the second line.
///
/// Pages are read with no HTTP header: the charset comes from the page (`<meta>`, sniffing), as for `path:` sources.
/// `scripts/bench_decode.sh` runs it on a UTF-8 and a CP949 corpus next to Python's codecs (the peer).
struct DecodeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Measure decode-stage throughput (MB/s of input, one core) over a directory of pages.")

    @Option(help: "Directory of .html files (scripts/make_corpus.py; scripts/bench_decode.sh makes a CP949 copy).")
    var corpus: String

    @Option(help: "Timed passes over the corpus; the best is reported.")
    var passes: Int = 5

    func run() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".html") }.sorted()
        guard !names.isEmpty else { throw ValidationError("bench decode: no .html files in \(corpus) (see scripts/make_corpus.py)") }
        let pages: [[UInt8]] = names.compactMap { FileManager.default.contents(atPath: (corpus as NSString).appendingPathComponent($0)).map { [UInt8]($0) } }
        let bytes = pages.reduce(0) { $0 + $1.count }
        let first = CharsetDecoder.decode(bytes: pages[0], url: "https://news.example.com/0", contentType: nil, override: nil)
        let label = "\(first.sourceCharset) from \(first.charsetSource.rawValue)"
        report("decode", label, pages.count, bytes, try best { pages.reduce(0) { $0 &+ decode($1).bytes.count } })
        report("decode + libxml2 parse", label, pages.count, bytes, try best {
            pages.reduce(0) { n, p in
                let page = decode(p)
                return n &+ ((try? HTMLDocument(bytes: page.bytes, encoding: page.charset))?.body == nil ? 0 : 1)
            }
        })
    }

    private func decode(_ bytes: [UInt8]) -> DecodedPage {
        CharsetDecoder.decode(bytes: bytes, url: "https://news.example.com/a", contentType: nil, override: nil)
    }

    /// Best wall time of `passes` runs of `work` (its result must not change between passes).
    private func best(_ work: () -> Int) throws -> Double {
        let expected = work()  // warm-up
        var best = Double.infinity
        for _ in 0..<max(1, passes) {
            var sink = 0
            let elapsed = ContinuousClock().measure { sink = work() }
            guard sink == expected else { throw ValidationError("bench decode: output changed between passes") }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    private func report(_ what: String, _ charset: String, _ count: Int, _ bytes: Int, _ seconds: Double) {
        let mb = Double(bytes) / 1e6
        print(String(format: "newsdesk %@ (%@): %d pages, %.1f MB, best of %d: %.3f s, %.1f MB/s (1 core)",
                     what as NSString, charset as NSString, count, mb, passes, seconds, mb / seconds))
    }
}
