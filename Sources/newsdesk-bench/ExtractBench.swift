import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk-bench extract`: extraction quality on a labelled set (token P/R/F1 per page and means) and throughput
/// (pages/s, MB/s, serial on one core). A page is `NAME.html`, optionally with `NAME.gold.txt` (gold body text) and
/// `NAME.meta.json` (`url`, `charset`, `lang`).
struct ExtractBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extraction quality (token F1) and throughput.")

    @Option(help: "Folder of NAME.html [+ NAME.gold.txt + NAME.meta.json] pages.") var dir: String = "fixtures/extract"
    @Option(help: "Timed passes over the set (0 with --readability: quality only).") var iterations: Int = 20
    @Option(help: "What to run: eval, speed, both, or parse (libxml2 parse alone, the floor under extraction).") var mode: String = "both"
    @Flag(help: "Print each page's score.") var verbose = false
    @Option(help: "A folder of Readability-style pages (NAME/source.html + NAME/expected.html), e.g. ../shared/data/readability-pages: scored instead of --dir; skipped with a note when absent.")
    var readability: String?
    @Flag(help: "With --readability: run trafilatura and readability-lxml (scripts/extract/peers.py) on the same pages in the same run.")
    var peers = false
    @Option(help: "Timed passes of the peers over the set.") var peerIterations: Int = 1
    @Option(help: "With --readability: print the body candidates the cascade weighed for this page (a folder name) and stop.")
    var explain: String?

    struct Page {
        let name: String
        let page: DecodedPage
        let gold: String?
        let lang: String?
    }

    func run() async throws {
        if let readability {
            guard FileManager.default.fileExists(atPath: readability) else {
                print("bench extract: \(readability) is absent; nothing to score (the public set lives in ../shared/data)")
                return
            }
            if let explain {
                guard let p = try PublicSetBench.load(readability).first(where: { $0.name == explain }) else {
                    throw ValidationError("bench extract: no page \(explain) in \(readability)")
                }
                for line in try Extractor().explain(p.page) { print(line) }
                return
            }
            try PublicSetBench(dir: readability, iterations: iterations, verbose: verbose, peers: peers, peerIterations: peerIterations).run()
            return
        }
        let pages = try Self.load(dir)
        guard !pages.isEmpty else { throw ValidationError("bench extract: no .html files in \(dir)") }
        let extractor = Extractor()
        if mode == "eval" || mode == "both" { try evaluate(pages, extractor) }
        if mode == "speed" || mode == "both" { try speed(pages, extractor) }
        if mode == "parse" { try speed(pages, label: "libxml2 parse only") { p in (try? HTMLDocument(bytes: p.bytes, encoding: p.charset))?.body == nil ? 0 : 1 } }
    }

    static func load(_ dir: String) throws -> [Page] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") }.sorted()
        return try names.map { file in
            let name = String(file.dropLast(5))
            let base = URL(fileURLWithPath: dir).appendingPathComponent(name)
            let bytes = [UInt8](try Data(contentsOf: base.appendingPathExtension("html")))
            var meta: [String: Any] = [:]
            if let d = try? Data(contentsOf: URL(fileURLWithPath: base.path + ".meta.json")),
               let m = try JSONSerialization.jsonObject(with: d) as? [String: Any] { meta = m }
            let gold = try? String(contentsOf: URL(fileURLWithPath: base.path + ".gold.txt"), encoding: .utf8)
            let url = meta["url"] as? String ?? "file://" + base.path + ".html"
            // The dev set names no HTTP header: the decoder reads the charset from the page (meta prescan, sniffing).
            let page = CharsetDecoder.decode(bytes: bytes, url: url, contentType: nil, override: nil)
            return Page(name: name, page: page, gold: gold, lang: meta["lang"] as? String)
        }
    }

    private func evaluate(_ pages: [Page], _ extractor: Extractor) throws {
        var groups: [String: [TokenF1]] = [:]
        for p in pages {
            guard let gold = p.gold else { continue }
            let text: String
            // The dev set's gold holds prose and captions: scored against `text` plus `captions`.
            do {
                let a = try extractor.extract(p.page)
                text = Extractor.text(ofFragment: a.bodyHTML) + "\n" + a.captions.joined(separator: "\n")
            } catch { text = "" }
            let s = TokenF1(extracted: text, gold: gold)
            groups["all", default: []].append(s)
            groups[p.lang == "ko" ? "korean" : "english", default: []].append(s)
            if verbose { print(String(format: "%-24@ %@", p.name as NSString, s.description)) }
        }
        for key in ["all", "korean", "english"] {
            guard let g = groups[key], !g.isEmpty else { continue }
            let n = Double(g.count)
            let mean = TokenF1(precision: g.map(\.precision).reduce(0, +) / n, recall: g.map(\.recall).reduce(0, +) / n)
            let f1 = g.map(\.f1).reduce(0, +) / n
            print(String(format: "newsdesk %-8@ pages %3d  P %.3f  R %.3f  F1 %.3f", key as NSString, g.count, mean.precision, mean.recall, f1))
        }
    }

    private func speed(_ pages: [Page], _ extractor: Extractor) throws {
        try speed(pages, label: "newsdesk extract") { p in (try? extractor.extract(p))?.bodyHTML.utf8.count ?? 0 }
    }

    private func speed(_ pages: [Page], label: String, _ work: (DecodedPage) -> Int) throws {
        let bytes = pages.reduce(0) { $0 + $1.page.bytes.count }
        for p in pages { _ = work(p.page) }  // warm-up
        let wallClock = ContinuousClock()
        var sink = 0
        let cpu0 = clock_t(clock())
        let elapsed = wallClock.measure {
            for _ in 0..<max(1, iterations) {
                for p in pages { sink &+= work(p.page) }
            }
        }
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        let cpu = Double(clock() - cpu0) / Double(CLOCKS_PER_SEC)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let n = Double(pages.count * max(1, iterations))
        let mb = Double(bytes * max(1, iterations)) / 1e6
        print(String(format: "%@: %d pages × %d (%.1f KB/page); wall %.1f pages/s %.1f MB/s; cpu %.1f pages/s %.1f MB/s %.3f ms/page (checksum %d)",
                     label as NSString, pages.count, max(1, iterations), Double(bytes) / Double(pages.count) / 1000, n / wall, mb / wall,
                     n / cpu, mb / cpu, cpu / n * 1000, sink % 1000))
    }
}
