import Foundation

/// Which date a label on a page names.
enum DateLabel: String, Sendable, Equatable {
    case published, updated
}

/// Dates found after labels such as `입력` (published) and `수정` (updated) in a page's text.
public struct LabelledDates: Sendable, Equatable {
    public var published: Date?
    public var updated: Date?

    public init(published: Date? = nil, updated: Date? = nil) {
        self.published = published; self.updated = updated
    }
}

/// Parses the date formats of news feeds and Korean article pages, without `DateFormatter`.
///
/// Reads RFC 822/1123 (`Thu, 19 Mar 2026 09:27:00 +0900`, named zones, optional seconds and day name,
/// two-digit years), RFC 3339/ISO 8601 (`2026-03-19T09:27:10.5Z`, offsets, date only), the Unix `date` form
/// (`Thu Mar 19 09:27:00 KST 2026`), English `March 19, 2026 9:27 AM`, and Korean forms
/// (`2026.03.19 09:27`, `2026. 3. 19. 오후 3:05`, `입력 2026.03.19. 오전 9:27`, `2026년 3월 19일 오후 3시 5분`,
/// `2026/03/19 09:27:10`). A leading label (`입력`, `기사입력`, `Updated:` …) is skipped. Without a zone the time
/// is read in `defaultTimeZone` (KST). Text after a complete date is ignored. Thread-safe and allocation-light.
public enum DateParser {
    /// Korea Standard Time (UTC+9, no daylight saving): the zone of a date that names none.
    public static let koreaStandardTime: TimeZone = TimeZone(identifier: "Asia/Seoul") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt

    /// The date in `text`, or nil when no complete, valid date is found.
    public static func parse(_ text: String, defaultTimeZone: TimeZone = koreaStandardTime) -> Date? {
        let toks = DateTokenizer.tokenize(text)
        var start = 0
        while start < toks.count {
            if canStartDate(toks[start]), let r = parseDate(toks, at: start) { return r.date(in: defaultTimeZone) }
            start += 1
        }
        return nil
    }

    /// Dates after labels in `text`: `입력`/`기사입력`/`등록`/`송고` → published, `수정`/`최종수정`/`업데이트` → updated
    /// (and English `Published`/`Posted`/`Updated`/`Modified`). The first date for each kind wins.
    public static func labelledDates(in text: String, defaultTimeZone: TimeZone = koreaStandardTime) -> LabelledDates {
        let toks = DateTokenizer.tokenize(text)
        var result = LabelledDates()
        var i = 0
        while i < toks.count {
            let label: DateLabel?
            switch toks[i].kind {
            case .korean(let w): label = labels[w]
            case .word(let w): label = labels[w]
            default: label = nil
            }
            guard let label else { i += 1; continue }
            // The date must follow within a few separator tokens (`입력 : `, `Updated:`, `입력 |`).
            var j = i + 1
            while j < toks.count, j - i <= 4, !canStartDate(toks[j]) {
                if case .number = toks[j].kind { break }
                j += 1
            }
            if j < toks.count, let r = parseDate(toks, at: j) {
                let d = r.date(in: defaultTimeZone)
                switch label {
                case .published: if result.published == nil { result.published = d }
                case .updated: if result.updated == nil { result.updated = d }
                }
                i = max(r.end, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    private static func canStartDate(_ t: DateToken) -> Bool {
        switch t.kind {
        case .number(_, let digits): return digits == 4 || digits == 8 || digits <= 2
        case .word(let w): return months[w] != nil
        default: return false
        }
    }

    // MARK: - Components

    struct Parsed {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset: Int?
        /// Index after the last token used.
        var end = 0

        func date(in tz: TimeZone) -> Date {
            let days = DateParser.daysFromCivil(year, month, day)
            let local = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
            if let offset { return Date(timeIntervalSince1970: local - Double(offset)) }
            let o1 = tz.secondsFromGMT(for: Date(timeIntervalSince1970: local))
            let o2 = tz.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(o1)))
            return Date(timeIntervalSince1970: local - Double(o2))
        }

        var isValid: Bool {
            (1900...2200).contains(year) && (1...12).contains(month) && day >= 1
                && day <= DateParser.daysInMonth(year, month) && (0...23).contains(hour) && (0...59).contains(minute)
                && (0...60).contains(second)
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Grammar

    private static func parseDate(_ toks: [DateToken], at start: Int) -> Parsed? {
        var c = DateCursor(toks: toks, i: start)
        var p = Parsed()
        var yearPending = false
        switch toks[start].kind {
        case .number(let v, let digits) where digits == 8:
            // Compact ISO 8601: 20260319[T092710[Z]].
            c.i += 1
            (p.year, p.month, p.day) = (v / 10_000, (v / 100) % 100, v % 100)
            if c.peekWord("t"), case .number(let t, 6)? = c.peek(1)?.kind {
                c.i += 2
                (p.hour, p.minute, p.second) = (t / 10_000, (t / 100) % 100, t % 100)
                p.end = c.i
                if let off = parseZone(&c) { p.offset = off; p.end = c.i }
                return p.isValid ? p : nil
            }
        case .number(let y, 4):
            c.i += 1
            c.skipSpaces()
            p.year = y
            if c.eatKorean("년") {
                guard let m = c.number(maxDigits: 2), c.eatKorean("월"), let d = c.number(maxDigits: 2), c.eatKorean("일") else { return nil }
                (p.month, p.day) = (m, d)
            } else if case .punct(let sep)? = c.peek()?.kind, sep == UInt8(ascii: "-") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "/") {
                c.i += 1
                guard let m = c.number(maxDigits: 2), c.eatPunct(sep), let d = c.number(maxDigits: 2) else { return nil }
                (p.month, p.day) = (m, d)
                if sep == UInt8(ascii: ".") { _ = c.eatPunctNoSpace(sep) }
            } else {
                return nil
            }
        case .number(let d, let digits) where digits <= 2:
            // RFC 822: 19 Mar 2026
            c.i += 1
            c.skipSpaces()
            _ = c.eatPunct(UInt8(ascii: "-"))
            guard case .word(let w)? = c.peek()?.kind, let m = months[w] else { return nil }
            c.i += 1
            _ = c.eatPunct(UInt8(ascii: "-"))
            c.skipSpaces()
            guard case .number(let y, let yd)? = c.peek()?.kind, yd == 2 || yd == 4 else { return nil }
            c.i += 1
            (p.day, p.month, p.year) = (d, m, yd == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y)
        case .word(let w):
            // March 19, 2026 | Thu Mar 19 09:27:00 KST 2026
            guard let m = months[w] else { return nil }
            c.i += 1
            _ = c.eatPunct(UInt8(ascii: "."))
            guard let d = c.number(maxDigits: 2) else { return nil }
            _ = c.eatWord("st") || c.eatWord("nd") || c.eatWord("rd") || c.eatWord("th")
            _ = c.eatPunct(UInt8(ascii: ","))
            (p.month, p.day) = (m, d)
            let save = c.i
            c.skipSpaces()
            if case .number(let y, 4)? = c.peek()?.kind, c.peek(1)?.kind != .punct(UInt8(ascii: ":")) {
                c.i += 1
                p.year = y
            } else {
                c.i = save
                yearPending = true
            }
        default:
            return nil
        }
        p.end = c.i
        // Weekday in parentheses or words: (목), 목요일, Thu
        c.skipDecorations()
        parseTime(&c, into: &p)
        if yearPending {
            c.skipSpaces()
            guard let y = c.number(maxDigits: 4), y >= 1000 else { return nil }
            p.year = y
            p.end = c.i
        }
        guard p.isValid else { return nil }
        if p.second == 60 { p.second = 59 }
        return p
    }

    /// Time and zone after the date; leaves `p` unchanged (midnight) when none follows.
    private static func parseTime(_ c: inout DateCursor, into p: inout Parsed) {
        let save = c.i
        c.skipSpaces()
        if c.eatWord("t") || c.eatPunct(UInt8(ascii: ",")) { c.skipSpaces() }
        var pm: Bool? = c.meridiem()
        c.skipSpaces()
        guard case .number(let h, let hd)? = c.peek()?.kind, hd <= 2 else { c.i = save; return }
        c.i += 1
        var minute = 0, second = 0
        var fraction = 0.0
        if c.eatPunctNoSpace(UInt8(ascii: ":")) {
            guard case .number(let m, 2)? = c.peek()?.kind else { c.i = save; return }
            c.i += 1
            minute = m
            if c.eatPunctNoSpace(UInt8(ascii: ":")) {
                guard case .number(let s, 2)? = c.peek()?.kind else { c.i = save; return }
                c.i += 1
                second = s
                if c.peek()?.kind == .punct(UInt8(ascii: ".")) || c.peek()?.kind == .punct(UInt8(ascii: ",")),
                   case .number(let f, let fd)? = c.peek(1)?.kind {
                    c.i += 2
                    fraction = Double(f) / pow(10, Double(min(fd, 12)))
                }
            }
        } else if c.eatKorean("시") {
            c.skipSpaces()
            if let m = c.number(maxDigits: 2), c.eatKorean("분") {
                minute = m
                c.skipSpaces()
                let s0 = c.i
                if let s = c.number(maxDigits: 2), c.eatKorean("초") { second = s } else { c.i = s0 }
            }
        } else {
            c.i = save
            return
        }
        let s1 = c.i
        c.skipSpaces()
        if pm == nil, let after = c.meridiem() { pm = after } else { c.i = s1 }
        var hour = h
        if let pm {
            guard (1...12).contains(h) else { c.i = save; return }
            hour = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h)
        }
        (p.hour, p.minute, p.second, p.fraction) = (hour, minute, second, fraction)
        p.end = c.i
        if let off = parseZone(&c) {
            p.offset = off
            p.end = c.i
        }
    }

    private static func parseZone(_ c: inout DateCursor) -> Int? {
        let save = c.i
        c.skipSpaces()
        var paren = false
        if c.eatPunct(UInt8(ascii: "(")) { paren = true }
        var base: Int?
        var named = ""
        if case .word(let w)? = c.peek()?.kind, let o = zoneOffsets[w] {
            c.i += 1
            base = o
            named = w
        }
        // Numeric offset: +0900, +09:00, +09, -5; after GMT/UTC it adds to it (GMT+9).
        if base == nil || named == "gmt" || named == "utc" || named == "ut" {
            let s = c.i
            if case .punct(let sign)? = c.peek()?.kind, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
               case .number(let v, let d)? = c.peek(1)?.kind {
                c.i += 2
                var secs: Int
                switch d {
                case 4: secs = (v / 100) * 3600 + (v % 100) * 60
                case 1, 2:
                    secs = v * 3600
                    if c.eatPunctNoSpace(UInt8(ascii: ":")), case .number(let mm, 2)? = c.peek()?.kind { c.i += 1; secs += mm * 60 }
                default: c.i = s; secs = -1
                }
                if secs >= 0, secs <= 14 * 3600 {
                    base = (base ?? 0) + (sign == UInt8(ascii: "-") ? -secs : secs)
                } else {
                    c.i = s
                }
            }
        }
        if base != nil, paren { _ = c.eatPunct(UInt8(ascii: ")")) }
        if base == nil { c.i = save }
        return base
    }
}

/// A position in a token list with the small moves the grammar needs.
struct DateCursor {
    let toks: [DateToken]
    var i: Int

    func peek(_ ahead: Int = 0) -> DateToken? { i + ahead < toks.count ? toks[i + ahead] : nil }

    mutating func skipSpaces() { while i < toks.count, toks[i].kind == .space { i += 1 } }

    mutating func number(maxDigits: Int) -> Int? {
        skipSpaces()
        guard case .number(let v, let d)? = peek()?.kind, d <= maxDigits else { return nil }
        i += 1
        return v
    }

    mutating func eatKorean(_ w: String) -> Bool {
        let s = i
        skipSpaces()
        if case .korean(let k)? = peek()?.kind, k == w { i += 1; return true }
        i = s
        return false
    }

    mutating func eatWord(_ w: String) -> Bool {
        if case .word(let k)? = peek()?.kind, k == w { i += 1; return true }
        return false
    }

    func peekWord(_ w: String) -> Bool {
        if case .word(let k)? = peek()?.kind { return k == w }
        return false
    }

    /// A separator with optional spaces around it (`2026. 3. 19`).
    mutating func eatPunct(_ p: UInt8) -> Bool {
        let s = i
        skipSpaces()
        if peek()?.kind == .punct(p) { i += 1; skipSpaces(); return true }
        i = s
        return false
    }

    mutating func eatPunctNoSpace(_ p: UInt8) -> Bool {
        if peek()?.kind == .punct(p) { i += 1; return true }
        return false
    }

    /// 오전/오후/AM/PM (also `a.m.`): true for afternoon.
    mutating func meridiem() -> Bool? {
        switch peek()?.kind {
        case .korean("오전")?: i += 1; return false
        case .korean("오후")?: i += 1; return true
        case .word(let w)?:
            let pm: Bool
            switch w {
            case "am": pm = false
            case "pm": pm = true
            case "a", "p":
                guard peek(1)?.kind == .punct(UInt8(ascii: ".")), case .word("m")? = peek(2)?.kind else { return nil }
                i += 3
                _ = eatPunctNoSpace(UInt8(ascii: "."))
                return w == "p"
            default: return nil
            }
            i += 1
            return pm
        default: return nil
        }
    }

    /// Skips weekday names and parenthesized weekdays after a date: `(목)`, `목요일`, `Thu,`.
    mutating func skipDecorations() {
        while true {
            let s = i
            skipSpaces()
            if peek()?.kind == .punct(UInt8(ascii: "(")), case .korean(let k)? = peek(1)?.kind, k.count == 1,
               peek(2)?.kind == .punct(UInt8(ascii: ")")) {
                i += 3; continue
            }
            if case .korean(let k)? = peek()?.kind, k.hasSuffix("요일") { i += 1; continue }
            if case .word(let w)? = peek()?.kind, DateParser.dayNames.contains(w) { i += 1; _ = eatPunctNoSpace(UInt8(ascii: ",")); continue }
            i = s
            return
        }
    }
}
