import Foundation

/// What one line (a paragraph or a `<br>`-separated run) of article text is, when it is not body text.
enum BoilerplateKind: Equatable {
    /// `무단전재 및 재배포 금지`, `Copyright © …`, `ⓒ 연합뉴스`: kept as the attribution.
    case copyright
    /// `제보는 카카오톡 okjebo`, `▶ 기사제보`: dropped.
    case tip
    /// `▶ 네이버에서 … 구독하기`, `☞ 관련기사`: dropped.
    case promo
    /// `(사진=연합뉴스)`, `[사진 제공=…]`: dropped.
    case photoCredit
    /// `홍길동 기자 gildong@example.co.kr`, a lone e-mail address or `[OSEN=박소영 기자]`: kept in the byline.
    case signature
}

/// Classifies short lines of article text (pure string rules; the tables are sorted).
enum BoilerplateLines {
    /// Substrings that make a short line a copyright notice.
    static let copyrightMarkers: [String] = [
        "all rights reserved", "copyright", "ai 학습", "ⓒ", "©", "무단 복제", "무단 전재", "무단복제", "무단전재",
        "재배포 금지", "재배포금지", "저작권자",
    ]
    /// Substrings that make a short line a news-tip request.
    static let tipMarkers: [String] = [
        "jebo", "기사 제보", "기사제보", "뉴스 제보", "뉴스제보", "제보는 ", "제보하기", "제보)", "제보:",
    ]
    /// Substrings that make a short `▶`/`☞` line a promotion.
    static let promoMarkers: [String] = [
        "구독", "관련기사", "관련 기사", "기사 더보기", "네이버", "다운로드", "더보기", "바로가기", "앱", "이벤트", "채널", "카카오", "클릭",
        "팔로우", "많이 본",
    ]
    /// Words that open a photo credit.
    static let creditOpeners: [String] = ["그래픽", "사진", "사진제공", "영상", "자료", "제공", "출처", "photo", "image"]

    static func classify(_ raw: String) -> BoilerplateKind? {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty else { return nil }
        let n = line.count
        let lower = line.lowercased()
        if n <= 160, copyrightMarkers.contains(where: { lower.contains($0) }) { return .copyright }
        if n <= 160, tipMarkers.contains(where: { lower.contains($0) }), lower.contains("제보") || lower.contains("jebo") { return .tip }
        if n <= 90, let f = line.unicodeScalars.first, "▶☞▷►■◆".unicodeScalars.contains(f),
           promoMarkers.contains(where: { lower.contains($0) }) { return .promo }
        if n <= 70, isPhotoCredit(lower) { return .photoCredit }
        if n <= 90, KoreanByline.isSignature(line) { return .signature }
        return nil
    }

    /// `(사진=연합뉴스)`, `[사진 제공=OOO]`, `/사진=홍길동 기자`, `사진: AP`.
    static func isPhotoCredit(_ lower: String) -> Bool {
        var s = Substring(lower)
        while let f = s.first, "([{【/ ".contains(f) { s = s.dropFirst() }
        for opener in creditOpeners where s.hasPrefix(opener) {
            var rest = s.dropFirst(opener.count)
            while let f = rest.first, f == " " || f == "제" || f == "공" { rest = rest.dropFirst() }
            if let f = rest.first, "=:/]".contains(f) { return true }
        }
        return false
    }
}
