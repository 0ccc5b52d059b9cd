import Foundation
@testable import NewsDesk

/// A fresh store in a temporary directory, removed when the test's value goes away.
final class TempStore {
    let dir: URL
    let store: ArticleStore

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try ArticleStore(path: dir.appendingPathComponent("test.sqlite").path)
        try store.syncSources([
            SourceConfig(id: "it-news", name: "IT 뉴스", url: "https://it.example.com/rss", section: "it"),
            SourceConfig(id: "portal", name: "포털", url: "https://portal.example.com/rss", mixed: true),
        ])
    }

    deinit { try? FileManager.default.removeItem(at: dir) }
}

/// Builds a draft with our own sentences.
func draft(url: String, title: String, text: String, source: String = "it-news", section: String = "it", seen: [String] = [],
           item: String? = nil, canonical: String? = nil, original: String? = nil, images: Int = 0) -> ArticleDraft {
    let html = text.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
    return ArticleDraft(
        sourceID: source, url: url, seenURLs: seen, feedItemID: item,
        extracted: ExtractedArticle(url: url, canonicalURL: canonical, originalURL: original, title: title,
                                    published: Date(timeIntervalSince1970: 1_790_000_000), bodyHTML: html, extractor: "test"),
        html: html, text: text, imageCount: images,
        classification: Classification(section: section, confidence: 0.9, method: .source, reason: "source \(source) is single-section (\(section))"))
}

enum Texts {
    static let chip = """
        국내 반도체 기업이 새로운 인공지능 전용 칩을 공개했다. 이 칩은 기존 제품보다 전력 소모를 절반 가까이 줄였다고 회사 측은 설명했다.
        회사는 내년 상반기부터 데이터센터 고객에게 시제품을 공급할 계획이다. 업계에서는 가격 경쟁력이 관건이 될 것으로 보고 있다.
        삼성전자가 비슷한 제품을 준비 중이라는 소식도 전해지면서 시장의 관심이 커지고 있다. 전문가들은 하반기 수요 회복을 기대했다.
        """
    static let football = """
        주말 프로축구 경기에서 홈팀이 후반 추가 시간에 터진 결승골로 승리를 거뒀다. 관중석은 경기 내내 응원 열기로 가득했다.
        감독은 경기 뒤 인터뷰에서 선수들이 끝까지 포기하지 않았다고 말했다. 이 승리로 팀은 리그 선두와의 승점 차를 세 점으로 좁혔다.
        다음 경기는 수요일 저녁 원정에서 열린다. 구단은 부상 선수들의 회복 상태를 지켜본 뒤 출전 명단을 정할 예정이다.
        """
    /// Our own English sentences, with plural and compound forms the search must reach from their stems.
    static let english = """
        Global chipmakers reported record sales this quarter as demand for semiconductors from new data centers kept rising.
        Several companies said their studies of power use would shape the next generation of accelerators.
        Analysts expect supply to stay tight until new factories open near two airports next year.
        """
    static let weather = """
        기상청은 이번 주 후반부터 전국에 비가 내리겠다고 예보했다. 특히 남부 지방에는 시간당 최대 삼십 밀리미터의 강한 비가 예상된다.
        주말에는 비가 그치고 기온이 크게 떨어질 전망이다. 당국은 농작물 관리와 교통 안전에 유의해 달라고 당부했다.
        """
}
