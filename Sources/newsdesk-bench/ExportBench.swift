import ArgumentParser
import Foundation
import NewsDesk
#if canImport(Glibc)
import Glibc
#endif

/// `newsdesk-bench export`: articles exported per second from a store of generated articles, and peak memory.
///
/// The store is filled by a child process (this executable with `--fill-only`), so the peak RSS printed is
/// the export's own: a streaming export stays flat as the store grows.
struct ExportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export throughput (articles/s) and peak memory from a generated store.")

    @Option(help: "Articles in the generated store.") var articles: Int = 10_000
    @Option(help: "jsonl, html, markdown or atom.") var format: String = "jsonl"
    @Option(help: "Use (or fill, when missing) this store instead of a temporary one.") var db: String?
    @Option(help: "Export rounds; the best is reported.") var rounds: Int = 3
    @Flag(help: .hidden) var fillOnly = false

    func run() throws {
        guard let fmt = ExportFormat(rawValue: format) else { throw ValidationError("--format: jsonl, html, markdown or atom") }
        let dir = NSTemporaryDirectory() + "newsdesk-bench-export-\(getpid())"
        let path = db ?? dir + "/bench.sqlite"
        if fillOnly {
            try Self.fill(path: path, count: articles)
            return
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        if !FileManager.default.fileExists(atPath: path) {
            let start = Date()
            try Self.fillInChild(path: path, count: articles)
            print("filled \(path) with \(articles) articles in \(String(format: "%.1f", Date().timeIntervalSince(start))) s (child process)")
        }
        let rssBefore = Self.peakRSSMegabytes()
        let store = try ArticleStore(path: path)
        var best = Double.infinity
        var bestCPU = Double.infinity
        var count = 0
        var bytes = 0
        for round in 1...max(1, rounds) {
            let out = dir + "/out-\(round)"
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.cpuSeconds()
            let summary = try Exporter(store: store).export(format: fmt, out: .directory(out))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpu = Self.cpuSeconds() - cpuStart
            bestCPU = min(bestCPU, cpu)
            count = summary.articles
            bytes = summary.files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
            best = min(best, seconds)
            print("round \(round): \(count) articles in \(String(format: "%.3f", seconds)) s wall, \(String(format: "%.3f", cpu)) s CPU")
            try? FileManager.default.removeItem(atPath: out)
        }
        print("export \(fmt.rawValue): \(count) articles, best \(String(format: "%.3f", best)) s = \(Int(Double(count) / best)) articles/s"
              + (fmt == .jsonl ? ", \(String(format: "%.1f", Double(bytes) / 1_048_576 / best)) MB/s (\(bytes / 1024) KiB written)" : ""))
        print("CPU-bound rate (best CPU time, a shared machine inflates wall time): \(Int(Double(count) / bestCPU)) articles/s")
        print("peak RSS: \(String(format: "%.1f", Self.peakRSSMegabytes())) MB (\(String(format: "%.1f", rssBefore)) MB before opening the store)")
    }

    /// User + system CPU time of this process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    static func fillInChild(path: String, count: Int) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: p.executableURL?.path ?? "") {
            // Not started by path (PATH lookup): fill in this process instead.
            try fill(path: path, count: count)
            return
        }
        p.arguments = ["export", "--fill-only", "--articles", String(count), "--db", path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ValidationError("filling the store failed (exit \(p.terminationStatus))") }
    }

    /// Saves `count` generated articles (distinct Korean-like text, ~2 KB of HTML each) through the store's API.
    static func fill(path: String, count: Int) throws {
        let store = try ArticleStore(path: path)
        let sections = ["it", "sports", "entertainment", "general"]
        for s in sections {
            try store.ensureSource(id: "bench-\(s)", name: "벤치 \(s)", location: "https://bench.example.com/\(s)/rss", section: s)
        }
        var rng = UInt64(0x9E37_79B9_7F4A_7C15)
        let words = ["반도체", "인공지능", "데이터센터", "스마트폰", "배터리", "자율주행", "클라우드", "보안", "네트워크", "플랫폼", "투자",
                     "시장", "정부", "규제", "수출", "공급망", "소비자", "가격", "기술", "연구", "특허", "출시", "개발자", "서비스",
                     "경기", "선수", "감독", "우승", "배우", "드라마", "영화", "가수", "공연", "날씨", "교통", "선거", "국회", "경제"]
        func next() -> UInt64 {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return rng >> 29
        }
        let base = Date(timeIntervalSince1970: 1_795_000_000)
        for n in 0..<count {
            let section = sections[n % sections.count]
            var paragraphs: [String] = []
            for _ in 0..<6 {
                var sentence: [String] = []
                for _ in 0..<24 { sentence.append(words[Int(next() % UInt64(words.count))] + String(next() % 9973)) }
                paragraphs.append(sentence.joined(separator: " ") + ".")
            }
            let text = paragraphs.joined(separator: "\n")
            let html = paragraphs.map { "<p>\($0)</p>" }.joined()
                + "<figure><img src=\"https://img.bench.example.com/\(n).jpg\" alt=\"사진 \(n)\"><figcaption>사진=벤치</figcaption></figure>"
                + "<ul><li>첫째 <a href=\"https://bench.example.com/ref/\(n)\">참고</a></li><li>둘째</li></ul>"
            let url = "https://bench.example.com/\(section)/article/\(n)"
            let published = base.addingTimeInterval(Double(n) * 37)
            let draft = ArticleDraft(
                sourceID: "bench-\(section)", url: url,
                extracted: ExtractedArticle(url: url, title: "벤치 기사 \(n): \(words[n % words.count]) 관련 소식",
                                            byline: Byline(reporters: ["기자\(n % 50)"], agency: "벤치통신"), published: published,
                                            description: paragraphs[0], siteName: "벤치뉴스", language: "ko",
                                            keywords: [words[n % words.count]], attribution: "ⓒ 벤치뉴스", bodyHTML: html, extractor: "bench"),
                html: html, text: text, imageCount: 1,
                classification: Classification(section: section, confidence: 0.95, method: .source, reason: "bench"),
                fetchedAt: published.addingTimeInterval(60))
            try store.save(draft)
        }
    }
}
