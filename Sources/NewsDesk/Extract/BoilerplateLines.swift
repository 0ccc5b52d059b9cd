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

    /// The marker tables as byte matchers, for the search `classify` makes on every short line of every article (the
    /// line is lowercased first, so they compare exactly).
    private static let copyrightMatcher = SubstringMatcher(copyrightMarkers, foldingCase: false)
    private static let shortCopyrightMatcher = SubstringMatcher(shortCopyrightMarkers, foldingCase: false)
    private static let tipMatcher = SubstringMatcher(tipMarkers, foldingCase: false)
    private static let tipHintMatcher = SubstringMatcher(["제보", "jebo"], foldingCase: false)
    private static let promoMatcher = SubstringMatcher(promoMarkers, foldingCase: false)
    private static let dateLabelBytes = dateLabels.map { Array($0.utf8) }
    private static let creditOpenerBytes = creditOpeners.map { Array($0.utf8) }
    private static let promoBullets: Set<Unicode.Scalar> = Set("▶☞▷►■◆".unicodeScalars)

    static func classify(_ raw: String) -> BoilerplateKind? {
        let line = raw.trimmed
        // Every rule is for lines of at most 160 characters (640 UTF-8 bytes): body paragraphs leave here.
        guard !line.isEmpty, line.utf8.count <= 640 else { return nil }
        // Lowercased on bytes: ASCII letters, and Ⓒ (U+24B8) to ⓒ, the one non-ASCII letter in the tables. The
        // characters counted are the scalars (every byte that is not a UTF-8 continuation byte).
        var lower = Array(line.utf8)
        var n = 0
        for i in lower.indices {
            let b = lower[i]
            if b & 0xC0 != 0x80 { n += 1 }
            if b >= 0x41 && b <= 0x5A { lower[i] = b | 0x20 }
            else if b == 0xB8, i >= 2, lower[i - 1] == 0x92, lower[i - 2] == 0xE2 { lower[i - 1] = 0x93; lower[i] = 0x92 }
        }
        guard n <= 160 else { return nil }
        return lower.withUnsafeBufferPointer { l -> BoilerplateKind? in
            if copyrightMatcher.matches(l) { return .copyright }
            if n <= 80, shortCopyrightMatcher.matches(l) { return .copyright }
            if tipHintMatcher.matches(l), tipMatcher.matches(l) { return .tip }
            if n <= 90, let f = line.unicodeScalars.first, promoBullets.contains(f), promoMatcher.matches(l) { return .promo }
            if n <= 70, isPhotoCredit(bytes: l) { return .photoCredit }
            if n <= 20, adLabels.contains(String(decoding: l, as: UTF8.self)) { return .promo }
            if n <= 60, dateLabelBytes.contains(where: { starts(l, $0, at: 0) }), DateParser.labelledDates(in: line).published != nil
                || DateParser.labelledDates(in: line).updated != nil { return .dateStamp }
            if n <= 90, KoreanByline.isSignature(line) { return .signature }
            return nil
        }
    }

    /// Whether `hay` holds `prefix` at byte `at`.
    private static func starts(_ hay: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at: Int) -> Bool {
        guard hay.count - at >= prefix.count else { return false }
        for (k, b) in prefix.enumerated() where hay[at + k] != b { return false }
        return true
    }

    /// `(사진=연합뉴스)`, `[사진 제공=OOO]`, `/사진=홍길동 기자`, `사진: AP` (in a lowercased line).
    static func isPhotoCredit(_ lower: String) -> Bool {
        Array(lower.utf8).withUnsafeBufferPointer(isPhotoCredit(bytes:))
    }

    private static let openBracket: [UInt8] = Array("【".utf8), je: [UInt8] = Array("제".utf8), gong: [UInt8] = Array("공".utf8)

    private static func isPhotoCredit(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x28 || c == 0x5B || c == 0x7B || c == 0x2F || c == 0x20 { i += 1 }  // ( [ { / space
            else if starts(b, openBracket, at: i) { i += openBracket.count }
            else { break }
        }
        for opener in creditOpenerBytes where starts(b, opener, at: i) {
            var j = i + opener.count
            while j < b.count {
                if b[j] == 0x20 { j += 1 } else if starts(b, je, at: j) || starts(b, gong, at: j) { j += 3 } else { break }
            }
            if j < b.count, b[j] == 0x3D || b[j] == 0x3A || b[j] == 0x2F || b[j] == 0x5D { return true }  // = : / ]
        }
        return false
    }
}
