extension DateParser {
    /// Time-zone abbreviations seen in feeds (RFC 822 §5 plus common ones), in seconds east of UTC. Sorted.
    /// Ambiguous ones take their most common meaning in news feeds (IST = India, CST = US Central).
    static let zoneOffsets: [String: Int] = [
        "aedt": 11 * 3600, "aest": 10 * 3600, "bst": 1 * 3600, "cdt": -5 * 3600, "cest": 2 * 3600, "cet": 1 * 3600,
        "cst": -6 * 3600, "edt": -4 * 3600, "eest": 3 * 3600, "eet": 2 * 3600, "est": -5 * 3600, "gmt": 0,
        "hkt": 8 * 3600, "ist": 5 * 3600 + 1800, "jst": 9 * 3600, "kst": 9 * 3600, "mdt": -6 * 3600, "msk": 3 * 3600,
        "mst": -7 * 3600, "pdt": -7 * 3600, "pst": -8 * 3600, "sgt": 8 * 3600, "ut": 0, "utc": 0, "wet": 0, "z": 0,
    ]

    /// English month names and abbreviations → month number.
    static let months: [String: Int] = [
        "apr": 4, "april": 4, "aug": 8, "august": 8, "dec": 12, "december": 12, "feb": 2, "february": 2,
        "jan": 1, "january": 1, "jul": 7, "july": 7, "jun": 6, "june": 6, "mar": 3, "march": 3, "may": 5,
        "nov": 11, "november": 11, "oct": 10, "october": 10, "sep": 9, "sept": 9, "september": 9,
    ]

    /// English day names (skipped).
    static let dayNames: Set<String> = [
        "fri", "friday", "mon", "monday", "sat", "saturday", "sun", "sunday", "thu", "thur", "thurs", "thursday",
        "tue", "tues", "tuesday", "wed", "wednesday",
    ]

    /// Labels before a date on Korean and English article pages: which date they name. Sorted by label.
    static let labels: [String: DateLabel] = [
        "갱신": .updated, "게재": .published, "기사수정": .updated, "기사입력": .published, "등록": .published,
        "발행": .published, "송고": .published, "수정": .updated, "승인": .published, "업데이트": .updated, "입력": .published,
        "작성": .published, "최종수정": .updated, "최종업데이트": .updated,
        "modified": .updated, "posted": .published, "published": .published, "updated": .updated,
    ]
}
