import Foundation
@testable import NewsDesk

/// Articles for the export tests: Korean text, hostile titles, every optional field set or not.
enum ExportSamples {
    /// A date with whole milliseconds (the export schema's precision), `seconds` after 2026-11-29T00:00:00Z.
    static func date(_ seconds: Double) -> Date {
        RFC3339.date(milliseconds: 1_795_910_400_000 + Int64((seconds * 1000).rounded()))
    }

    static func article(id: Int64, seq: Int64? = nil, section: String = "it", title: String? = nil, revision: Int = 1,
                        html: String? = nil, full: Bool = true) -> StoredArticle {
        let t = title ?? "삼성전자, 새 반도체 공개 \(id)"
        let body = html ?? "<p>서울=연합뉴스) 홍길동 기자 = <b>삼성전자</b>가 \(id)번째 <a href=\"https://example.com/a_(b)\">칩</a>을 공개했다.</p><ul><li>하나</li><li>둘<ul><li>셋</li></ul></li></ul><p><img src=\"https://img.example.com/\(id).jpg\" alt=\"칩 사진\"></p>"
        return StoredArticle(
            id: id, canonicalURL: "https://news.example.com/article/\(id)",
            otherURLs: full ? ["https://m.news.example.com/article/\(id)", "https://portal.example.net/v/\(id)"] : [],
            originalURL: full ? "https://publisher.example.org/\(id)?a=1&b=2" : nil,
            sourceID: "example-it", section: section, sectionPinned: full && id % 2 == 0, confidence: 0.875,
            classificationReason: "source example-it is single-section (it)", title: t,
            byline: full ? Byline(reporters: ["홍길동", "김철수"], agency: "연합뉴스", emails: ["hong@example.com", "kim@example.com"], raw: "홍길동·김철수 기자") : Byline(),
            published: full ? date(Double(id) * 60) : nil, updated: full ? date(Double(id) * 60 + 30.25) : nil,
            fetchedAt: date(Double(id) * 60 + 120), changedAt: date(Double(seq ?? id) * 60 + 180.5),
            attribution: full ? "ⓒ 연합뉴스, 무단 전재 및 재배포 금지" : nil, leadImage: full ? "https://img.example.com/\(id).jpg" : nil,
            description: full ? "요약 \"인용\" <태그> & 기호" : nil, siteName: full ? "예시뉴스" : nil, language: full ? "ko" : nil,
            keywords: full ? ["반도체", "삼성"] : [], html: body, text: "서울=연합뉴스) 홍길동 기자 = 삼성전자가 칩을 공개했다.\n하나\n둘",
            contentHash: String(repeating: "ab", count: 32), revision: revision, changeSeq: seq ?? id)
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryDirectory(_ name: String = #function) throws -> String {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "newsdesk-export-\(clean)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
