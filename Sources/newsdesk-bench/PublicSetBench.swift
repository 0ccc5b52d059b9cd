import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk-bench extract --readability DIR [--peers]`: the public development set (Mozilla Readability's test pages,
/// `NAME/source.html` with the article a reader view keeps in `NAME/expected.html`). Our `text` (the body rendered as
/// `newsdesk extract` prints it) is scored against the text of `expected.html` with `TokenF1`; with `--peers`,
/// trafilatura's text and readability-lxml's fragment (rendered the same way as ours) are scored by the same code in the
/// same run, and each tool's pages/s is printed beside ours.
struct PublicSetBench {
    let dir: String
    let iterations: Int
    let verbose: Bool
    let peers: Bool
    let peerIterations: Int

    /// The URL Readability's test suite gives every page.
    static let pageURL = "http://fakehost/test/page.html"

    struct Page {
        let name: String
        let page: DecodedPage
        let gold: String
    }

    struct Score {
        var scores: [TokenF1] = []
        var empty = 0
        var pagesPerSecondCPU: Double?
        var pagesPerSecondWall: Double?

        mutating func add(_ text: String, gold: String) -> TokenF1 {
            let s = TokenF1(extracted: text, gold: gold)
            scores.append(s)
            if TokenF1.tokens(text).isEmpty { empty += 1 }
            return s
        }

        var mean: (p: Double, r: Double, f1: Double) {
            let n = Double(max(1, scores.count))
            return (scores.map(\.precision).reduce(0, +) / n, scores.map(\.recall).reduce(0, +) / n, scores.map(\.f1).reduce(0, +) / n)
        }
    }

    func run() throws {
        let pages = try Self.load(dir)
        guard !pages.isEmpty else { throw ValidationError("bench extract: no NAME/source.html pages in \(dir)") }
        let extractor = Extractor()
        var ours = Score()
        var perPage: [String: (TokenF1, String)] = [:]
        var paths: [String: Int] = [:]
        for p in pages {
            let text: String
            let path: String
            do {
                let a = try extractor.extract(p.page)
                text = Extractor.text(ofFragment: a.bodyHTML)
                path = a.extractor
            } catch {
                text = ""
                path = "failed: \(error)"
            }
            paths[path.hasPrefix("failed") ? "failed" : path, default: 0] += 1
            perPage[p.name] = (ours.add(text, gold: p.gold), path)
        }
        var parseOnly: Double?
        if iterations > 0 {
            (ours.pagesPerSecondCPU, ours.pagesPerSecondWall) = speed(pages, extractor) { (try? extractor.extract($0))?.bodyHTML.utf8.count ?? 0 }
            // The floor under extraction: libxml2's tree parse alone, on the bytes the extractor gives it.
            parseOnly = speed(pages, extractor) { (try? Extractor.parse($0))?.root == nil ? 0 : 1 }.0
        }

        var peerScores: [(String, Score, [String: TokenF1])] = []
        if peers {
            for (tool, version, cpu, wall, texts) in try runPeers() {
                var s = Score()
                s.pagesPerSecondCPU = cpu
                s.pagesPerSecondWall = wall
                var each: [String: TokenF1] = [:]
                for p in pages { each[p.name] = s.add(texts[p.name] ?? "", gold: p.gold) }
                peerScores.append(("\(tool) \(version)", s, each))
            }
        }

        if verbose {
            let header = peerScores.map { " " + Self.pad(String($0.0.prefix(while: { $0 != " " })).prefix(12), 12) }.joined()
            print(Self.pad("page", 44) + " newsdesk P     R     F1   " + header + " path")
            for p in pages {
                guard let (s, path) = perPage[p.name] else { continue }
                let others = peerScores.map { String(format: " %12.3f", $0.2[p.name]?.f1 ?? 0) }.joined()
                print(Self.pad(p.name, 44) + String(format: "          %.3f %.3f %.3f", s.precision, s.recall, s.f1) + others + " " + path)
            }
        }
        print("public set: \(dir), \(pages.count) pages; text scored against expected.html (TokenF1)")
        print("extractor paths: " + paths.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        func line(_ name: String, _ s: Score) {
            let m = s.mean
            print(Self.pad(name, 24) + String(format: " P %.3f  R %.3f  F1 %.3f  empty %3d  cpu %7.1f pages/s  wall %7.1f pages/s", m.p, m.r, m.f1, s.empty,
                         s.pagesPerSecondCPU ?? 0, s.pagesPerSecondWall ?? 0))
        }
        line("newsdesk", ours)
        for (name, s, _) in peerScores { line(name, s) }
        if let parseOnly { print(String(format: "libxml2 parse alone (script/style cut, as the extractor parses): cpu %.1f pages/s", parseOnly)) }
        if let traf = peerScores.first(where: { $0.0.hasPrefix("trafilatura") })?.1, let t = traf.pagesPerSecondCPU, t > 0,
           let o = ours.pagesPerSecondCPU {
            print(String(format: "speed: newsdesk / trafilatura = %.1f× (cpu pages/s, same run)", o / t))
        }
    }

    static func pad(_ s: some StringProtocol, _ width: Int) -> String {
        s.count >= width ? String(s) : String(s) + String(repeating: " ", count: width - s.count)
    }

    static func load(_ dir: String) throws -> [Page] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: dir).sorted()
        return try names.compactMap { name -> Page? in
            let base = URL(fileURLWithPath: dir).appendingPathComponent(name)
            let src = base.appendingPathComponent("source.html"), exp = base.appendingPathComponent("expected.html")
            guard fm.fileExists(atPath: src.path), fm.fileExists(atPath: exp.path) else { return nil }
            let bytes = [UInt8](try Data(contentsOf: src))
            // No HTTP header: the decoder reads the charset from the page itself, as for a saved page.
            let page = CharsetDecoder.decode(bytes: bytes, url: pageURL, contentType: nil, override: nil)
            let expected = String(decoding: try Data(contentsOf: exp), as: UTF8.self)
            // The gold is everything the reader view keeps, captions included; ours is scored on `text` (no captions).
            return Page(name: name, page: page, gold: Extractor.text(ofFragment: expected, includingCaptions: true))
        }
    }

    /// Our extraction, timed over `iterations` passes after a warm-up (CPU time and wall time).
    private func speed(_ pages: [Page], _ extractor: Extractor, _ work: (DecodedPage) -> Int) -> (Double, Double) {
        var sink = 0
        for p in pages { sink &+= work(p.page) }
        let cpu0 = clock()
        let elapsed = ContinuousClock().measure {
            for _ in 0..<max(1, iterations) {
                for p in pages { sink &+= work(p.page) }
            }
        }
        let cpu = Double(clock() - cpu0) / Double(CLOCKS_PER_SEC)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let n = Double(pages.count * max(1, iterations))
        if sink == 42 { print("") }  // keeps the work observable
        return (n / cpu, n / wall)
    }

    /// Runs scripts/extract/peers.py and returns each tool's version, pages/s (cpu, wall) and texts.
    private func runPeers() throws -> [(String, String, Double, Double, [String: String])] {
        let script = "scripts/extract/peers.py"
        guard FileManager.default.fileExists(atPath: script) else {
            throw ValidationError("bench extract --peers: \(script) not found; run from the repository root")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--dir", dir, "--iterations", String(max(1, peerIterations))]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("bench extract --peers: \(script) failed (exit \(process.terminationStatus)); pip install trafilatura lxml_html_clean readability-lxml")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any], let tools = root["tools"] as? [String: Any] else {
            throw ValidationError("bench extract --peers: \(script) printed no JSON")
        }
        return tools.keys.sorted().reversed().compactMap { tool in
            guard let t = tools[tool] as? [String: Any], let pages = t["pages"] as? [String: String] else { return nil }
            // readability-lxml returns HTML: rendered to text the way our own body is.
            let texts = tool == "trafilatura" ? pages : pages.mapValues { Extractor.text(ofFragment: $0, includingCaptions: true) }
            return (tool, t["version"] as? String ?? "?", t["pages_per_s_cpu"] as? Double ?? 0, t["pages_per_s_wall"] as? Double ?? 0, texts)
        }
    }
}
