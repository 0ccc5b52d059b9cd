import Foundation
import Logging
import TestSupport
@testable import NewsDesk

/// Article pages, feeds and configs for the pipeline tests, served by the loopback `TestServer`.
enum Site {
    /// An article page in plain publisher markup (our own sentences).
    static func page(title: String, text: String, canonical: String? = nil, image: Bool = true) -> String {
        let paras = text.split(separator: "\n").map { "<p>\($0.trimmingCharacters(in: .whitespaces))</p>" }.joined(separator: "\n")
        let canon = canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        let img = image ? "<figure><img src=\"/img/\(abs(title.hashValue % 1000)).jpg\" alt=\"사진\"><figcaption>자료 사진</figcaption></figure>" : ""
        return """
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>\(title)</title>
            <meta property="og:title" content="\(title)">\(canon)
            <meta property="article:published_time" content="2025-11-29T09:00:00+09:00"></head>
            <body><div class="gnb"><a href="/">홈</a> <a href="/it">IT</a></div>
            <article><h1>\(title)</h1><p class="byline">홍길동 기자</p>
            <div id="articleBody" itemprop="articleBody">\(img)
            \(paras)
            </div></article>
            <footer>Copyright 예시뉴스. 무단전재 및 재배포 금지</footer></body></html>
            """
    }

    static func rss(_ title: String, _ links: [(url: String, title: String)]) -> String {
        let items = links.map { "<item><title>\($0.title)</title><link>\($0.url)</link><guid>\($0.url)</guid><pubDate>Sat, 29 Nov 2025 09:00:00 +0900</pubDate></item>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>/</link>\(items.joined())</channel></rss>"
    }

    static func atom(_ title: String, _ links: [(url: String, title: String)]) -> String {
        let entries = links.map { "<entry><title>\($0.title)</title><link rel=\"alternate\" href=\"\($0.url)\"/><id>\($0.url)</id><updated>2025-11-29T09:00:00+09:00</updated></entry>" }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>\(title)</title><id>tag:test,2025:\(title)</id><updated>2025-11-29T09:00:00+09:00</updated>\(entries.joined())</feed>"
    }

    /// A feeds.yaml for loopback sources (`allow_networks` 127.0.0.0/8, no politeness delay, robots off).
    static func config(_ sources: [(id: String, url: String, type: String, section: String)], in dir: URL) throws -> (FeedsConfig, String) {
        var yaml = """
            defaults:
              politeness_delay: 0
              obey_robots: false
              per_host_concurrency: 4
              connect_timeout: 5
              total_timeout: 10
            sources:

            """
        for s in sources {
            yaml += """
                  - id: \(s.id)
                    name: \(s.id)
                    url: \(s.url)
                    type: \(s.type)
                    section: \(s.section)
                    allow_networks: ["127.0.0.0/8"]

                """
        }
        let file = dir.appendingPathComponent("feeds.yaml")
        try Data(yaml.utf8).write(to: file)
        return (try FeedsConfig.load(path: file.path), file.path)
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    static func pipeline(_ config: FeedsConfig, db: String) throws -> Pipeline {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = try ArticleStore(path: db, logger: logger)
        return try Pipeline(config: config, store: store, fetcher: Fetcher(defaults: config.defaults, logger: logger),
                            classifier: try? Classifier.shipped(config: config), logger: logger)
    }

    static let texts: [String] = [
        Texts.chip, Texts.football, Texts.weather,
        """
        새로 문을 연 시립 미술관에 개관 첫 주말 동안 만 명이 넘는 관람객이 다녀갔다. 미술관은 지역 작가들의 작품을 중심으로 전시를 꾸렸다.
        관람객들은 넓은 야외 정원과 어린이 체험 공간이 특히 좋았다고 말했다. 미술관은 평일 저녁에도 문을 열어 직장인 관람객을 맞을 계획이다.
        시는 미술관 주변 도로의 주차 공간이 부족하다는 지적에 따라 임시 주차장을 마련하기로 했다.
        """,
        """
        여자 프로농구 개막전에서 지난 시즌 준우승 팀이 접전 끝에 이겼다. 경기 종료 직전 터진 삼점슛이 승부를 갈랐다.
        새로 합류한 외국인 선수가 양 팀 최다 득점을 올리며 팀 적응을 마쳤다는 평가를 받았다. 감독은 수비 조직력을 더 다듬겠다고 말했다.
        두 팀은 다음 달 초 홈과 원정을 바꿔 다시 맞붙는다.
        """,
        """
        국내 연구진이 바닷물에서 리튬을 더 싸게 뽑아내는 기술을 개발했다. 기존 방식보다 에너지 사용량을 크게 줄였다고 연구진은 설명했다.
        연구진은 실험실 규모의 장치로 한 달 동안 안정적으로 작동하는 것을 확인했다. 다음 단계로 더 큰 시험 설비를 만들어 경제성을 검증할 계획이다.
        전문가들은 배터리 원료 공급망을 다변화하는 데 도움이 될 것으로 기대했다.
        """,
    ]
}
