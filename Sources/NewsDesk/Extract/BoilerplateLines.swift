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
    /// `등록 2026-05-02 07:00`, `입력 2026.03.19. 오전 9:27`: the dates are read from the page before; dropped.
    case dateStamp
}

/// Classifies short lines of article text (pure string rules; the tables are sorted).
enum BoilerplateLines {
    /// Substrings that make a line of up to 160 characters a copyright notice.
    static let copyrightMarkers: [String] = [
        "(c) ", "all rights reserved", "ai 학습", "ⓒ", "©", "무단 복제", "무단 전재", "무단복제", "무단전재", "재배포 금지", "재배포금지",
        "저작권자",
    ]
    /// Weaker markers that only count on a line of up to 80 characters ("The copyright on the song…" is prose).
    static let shortCopyrightMarkers: [String] = ["copyright"]
    /// Substrings that make a short line a news-tip request.
    static let tipMarkers: [String] = [
        "jebo", "기사 제보", "기사제보", "뉴스 제보", "뉴스제보", "제보는 ", "제보하기", "제보)", "제보:",
    ]
    /// Substrings that make a short `▶`/`☞` line a promotion.
    static let promoMarkers: [String] = [
        "구독", "관련기사", "관련 기사", "기사 더보기", "네이버", "다운로드", "더보기", "바로가기", "앱", "이벤트", "채널", "카카오", "클릭",
        "팔로우", "많이 본",
    ]
    /// Whole lines that only label an ad slot.
    static let adLabels: Set<String> = ["ad", "advertisement", "sponsored", "광고", "스폰서"]
    /// Labels that open a date stamp line.
    static let dateLabels: [String] = ["기사입력", "등록", "송고", "수정", "승인", "업데이트", "입력", "최종수정", "updated", "published"]
    /// Words that open a photo credit.
    static let creditOpeners: [String] = ["그래픽", "사진", "사진제공", "영상", "자료", "제공", "출처", "photo", "image"]

    static func classify(_ raw: String) -> BoilerplateKind? {
        let line = raw.trimmed
        // Every rule is for lines of at most 160 characters (640 UTF-8 bytes): body paragraphs leave here.
        guard !line.isEmpty, line.utf8.count <= 640 else { return nil }
        let n = line.unicodeScalars.count
        guard n <= 160 else { return nil }
        let lower = line.lowercased()
        if n <= 160, copyrightMarkers.contains(where: lower.includes) { return .copyright }
        if n <= 80, shortCopyrightMarkers.contains(where: lower.includes) { return .copyright }
        if n <= 160, lower.includes("제보") || lower.includes("jebo"), tipMarkers.contains(where: lower.includes) { return .tip }
        if n <= 90, let f = line.unicodeScalars.first, "▶☞▷►■◆".unicodeScalars.contains(f),
           promoMarkers.contains(where: lower.includes) { return .promo }
        if n <= 70, isPhotoCredit(lower) { return .photoCredit }
        if n <= 20, adLabels.contains(lower) { return .promo }
        if n <= 60, dateLabels.contains(where: { lower.hasPrefix($0) }), DateParser.labelledDates(in: line).published != nil
            || DateParser.labelledDates(in: line).updated != nil { return .dateStamp }
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
