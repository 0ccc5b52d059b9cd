import ArgumentParser
import Foundation
import Logging
import NewsDesk
#if canImport(Glibc)
import Glibc
#endif

/// `newsdesk-bench ingest`: a full ingest of generated feeds and article pages served from loopback into a temporary
/// store; prints articles/s and peak memory (ru_maxrss). Use a release build.
struct IngestBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Full ingest of generated articles from a loopback server.")

    @Option(help: "Number of generated articles.") var articles: Int = 2000
    @Option(help: "Number of feeds they are spread over.") var feeds: Int = 20
    @Option(help: "Keep the store at this path instead of a temporary file.") var db: String?

    func run() async throws {
        let perFeed = max(1, (articles + feeds - 1) / feeds)
        let total = articles
        let feedCount = feeds
        let server = try BenchHTTPServer { path in
            if path.hasPrefix("/feed/"), let i = Int(path.dropFirst("/feed/".count).split(separator: ".").first ?? "") {
                return ("application/rss+xml; charset=utf-8", Array(BenchContent.feed(i, perFeed: perFeed, total: total).utf8))
            }
            if path.hasPrefix("/article/"), let n = Int(path.dropFirst("/article/".count)), n < total {
                return ("text/html; charset=utf-8", Array(BenchContent.page(n).utf8))
            }
            return nil
        }
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if db == nil { try? FileManager.default.removeItem(at: dir) } }
        let dbPath = db ?? dir.appendingPathComponent("bench.sqlite").path

        var defaults = FetchDefaults.standard
        defaults.interval = 0
        defaults.politenessDelay = 0
        defaults.maxItemsPerRun = perFeed
        defaults.obeyRobots = false
        defaults.perHostConcurrency = 4
        let loopback = try IPNetwork("127.0.0.0/8")
        let sources = (0..<feedCount).map { i in
            SourceConfig(id: "bench-\(i)", name: "bench \(i)", url: server.baseURL + "/feed/\(i).xml", type: .rss,
                         section: ["it", "sports", "entertainment", "general"][i % 4], allowNetworks: [loopback])
        }
        let config = FeedsConfig(sections: SectionConfig.standard, defaults: defaults, sources: sources, file: dir.appendingPathComponent("feeds.yaml").path)
        var logger = Logger(label: "newsdesk.bench")
        logger.logLevel = .error
        let store = try ArticleStore(path: dbPath, logger: logger)
        let policy = try Policy(config)
        let pipeline = Pipeline(policy: policy, store: store, fetcher: Fetcher(defaults: defaults, logger: logger),
                                classifier: try? Classifier.shipped(policy.sections), logger: logger)
        let start = Date()
        let summary = try await pipeline.ingest(IngestOptions())
        let seconds = Date().timeIntervalSince(start)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024
        print(summary.line)
        print(String(format: "bench ingest: %d articles stored in %.2f s = %.0f articles/s; peak memory (ru_maxrss) %.1f MB; %d failed",
                     summary.new, seconds, Double(summary.new) / seconds, peakMB, summary.failedArticles))
        if summary.new != total { throw BenchError("expected \(total) new articles, stored \(summary.new)") }
    }
}

/// Generated feeds and article pages: deterministic Korean-like text, every article different.
enum BenchContent {
    static let words = ["정부", "기업", "시장", "반도체", "인공지능", "데이터", "서비스", "투자", "경기", "선수", "감독", "관객",
                        "드라마", "배우", "공연", "연구", "발표", "계획", "예정", "확대", "지원", "개발", "출시", "고객", "플랫폼",
                        "클라우드", "보안", "네트워크", "스마트폰", "배터리", "전기차", "에너지", "날씨", "교통", "교육", "학생",
                        "지역", "주민", "공항", "노선", "도서관", "축구", "야구", "배구", "우승", "기록", "시즌", "앨범", "무대"]
    static let endings = ["했다.", "밝혔다.", "전망이다.", "설명했다.", "계획이다.", "나타났다.", "강조했다.", "예상된다."]

    static func sentence(_ seed: inout UInt64) -> String {
        var parts: [String] = []
        for _ in 0..<(6 + Int(next(&seed) % 6)) { parts.append(words[Int(next(&seed) % UInt64(words.count))] + ["이", "을", "는", "의", "에서", "와", ""][Int(next(&seed) % 7)]) }
        parts.append(endings[Int(next(&seed) % UInt64(endings.count))])
        return parts.joined(separator: " ")
    }

    static func next(_ s: inout UInt64) -> UInt64 {
        s &+= 0x9e3779b97f4a7c15
        var z = s
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }

    static func page(_ n: Int) -> String {
        var seed = UInt64(n) &* 7919 &+ 17
        let title = "벤치마크 기사 \(n): " + sentence(&seed)
        var paras: [String] = []
        for _ in 0..<8 { paras.append((0..<4).map { _ in sentence(&seed) }.joined(separator: " ")) }
        let body = paras.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>\(title)</title>
            <meta property="og:title" content="\(title)"><meta property="article:published_time" content="2025-11-29T09:00:00+09:00">
            <script>var tracking = 1;</script></head><body>
            <div class="gnb"><a href="/">홈</a> <a href="/it">IT</a> <a href="/sports">스포츠</a></div>
            <article><h1>\(title)</h1><p class="byline">홍길동 기자</p>
            <div id="articleBody" itemprop="articleBody">
            <figure><img src="/img/\(n).jpg" alt="사진"><figcaption>자료 사진</figcaption></figure>
            \(body)
            </div></article>
            <div class="related"><a href="/article/\((n + 1))">다음 기사</a></div>
            <footer>Copyright 벤치마크. 무단전재 및 재배포 금지</footer></body></html>
            """
    }

    static func feed(_ i: Int, perFeed: Int, total: Int) -> String {
        let items = (i * perFeed..<min(total, (i + 1) * perFeed)).map { n in
            "<item><title>벤치마크 기사 \(n)</title><link>/article/\(n)</link><guid>bench-\(n)</guid><pubDate>Sat, 29 Nov 2025 09:00:00 +0900</pubDate></item>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench \(i)</title><link>/</link>\(items.joined())</channel></rss>"
    }
}
