import Foundation

/// Reads reporters, agencies and e-mail addresses out of Korean (and simple English) bylines and datelines:
/// `(지디넷코리아=장유미 기자)`, `(서울=연합뉴스) 홍길동 기자 =`, `홍길동 기자 gildong@example.co.kr`,
/// `[OSEN=박소영 기자]`, `스포츠조선 김철수 기자`, `By Jane Doe and John Roe`.
enum KoreanByline {
    /// Job titles that follow a reporter's name (longest first so `선임기자` wins over `기자`).
    static let titles = "(?:선임기자|수석기자|객원기자|인턴기자|수습기자|전문기자|편집위원|논설위원|특파원|통신원|기자)"
    /// Cheap pre-test before the regular expressions: a signature holds one of these.
    static let signatureHints: [String] = ["@", "By ", "BY ", "by ", "기자", "위원", "통신원", "특파원"]
    private static let name = "[가-힣]{2,4}"
    private static let names = "\(name)(?:\\s*[·ㆍ,/]\\s*\(name))*"

    private static func re(_ p: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: p, options: []) }

    /// `(서울=연합뉴스)`, `[OSEN=박소영 기자]`, `【서울=뉴시스】`, `(지디넷코리아=장유미 기자)` at the start of text.
    private static let bracketDateline =
        re("^\\s*[\\(\\[【]\\s*([^=\\)\\]】\\n]{1,24}?)\\s*=\\s*([^\\)\\]】\\n]{1,40}?)\\s*[\\)\\]】]\\s*")
    /// `홍길동 기자 =` / `홍길동·김철수 기자 =` right after a dateline.
    private static let reporterEquals = re("^(\(names))\\s*\(titles)\\s*=\\s*")
    /// `[스포츠조선 김철수 기자]` or `스포츠조선 김철수 기자` (a whole short line or the start of the text).
    private static let agencyReporter =
        re("^\\s*[\\[【]?\\s*([가-힣A-Za-z0-9]{2,12})\\s+(\(names))\\s*\(titles)\\s*[\\]】]?\\s*")
    /// `홍길동 기자` anywhere.
    private static let reporter = re("(\(names))\\s*\(titles)(?![가-힣])")
    private static let email = re("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
    /// `By Jane Doe`, `By Jane Doe and John Roe`, `By Jane Doe, BBC News`.
    private static let english =
        re("^\\s*(?:[Bb]y|BY)\\s+([A-Z][\\p{L}.'-]+(?:\\s+[A-Z][\\p{L}.'-]+){0,3}(?:\\s*(?:,|and|&)\\s*[A-Z][\\p{L}.'-]+(?:\\s+[A-Z][\\p{L}.'-]+){0,3})*)")
    /// `WASHINGTON (AP) — ` / `LONDON (Reuters) - `.
    private static let englishDateline =
        re("^\\s*[A-Z][A-Za-z .,'-]{1,40}\\s*\\((AP|Reuters|AFP|Bloomberg|UPI)\\)\\s*[—–-]+\\s*")

    private static func groups(_ r: NSRegularExpression?, _ s: String) -> (whole: NSRange, parts: [String])? {
        guard let r else { return nil }
        let ns = s as NSString
        guard let m = r.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var parts: [String] = []
        for i in 1..<m.numberOfRanges {
            let g = m.range(at: i)
            parts.append(g.location == NSNotFound ? "" : ns.substring(with: g))
        }
        return (m.range, parts)
    }

    private static func splitNames(_ s: String) -> [String] {
        s.split(whereSeparator: { "·ㆍ,/ ".contains($0) }).map(String.init).filter { $0.count >= 2 }
    }

    /// E-mail addresses in `s`.
    static func emails(in s: String) -> [String] {
        guard let r = email, s.includes("@") else { return [] }
        let ns = s as NSString
        return r.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// A dateline at the start of body text: the byline it names and how many UTF-16 units to strip.
    static func dateline(_ text: String) -> (byline: Byline, length: Int)? {
        // Every form opens with a bracket or (English) a capital letter: skip the regular expressions otherwise.
        guard let first = text.unicodeScalars.first(where: { !($0.value <= 0x20 || $0.value == 0xA0 || $0.value == 0x3000) })
        else { return nil }
        let bracketed = first == "(" || first == "[" || first == "【"
        guard bracketed || ("A"..."Z").contains(first) else { return nil }
        if bracketed, let m = groups(bracketDateline, text) {
            let (left, right) = (m.parts[0].trimmed, m.parts[1].trimmed)
            // `(사진=연합뉴스)` is a photo credit, not a dateline.
            if BoilerplateLines.creditOpeners.contains(where: { left.lowercased().hasPrefix($0) }) { return nil }
            var b = Byline(raw: (text as NSString).substring(with: m.whole).trimmed)
            var length = m.whole.length
            if let r = groups(reporter, right) {
                // (지디넷코리아=장유미 기자), [OSEN=박소영 기자]
                b.agency = left
                b.reporters = splitNames(r.parts[0])
            } else {
                // (서울=연합뉴스) 홍길동 기자 =
                b.agency = right
                let rest = (text as NSString).substring(from: length)
                if let r = groups(reporterEquals, rest) {
                    b.reporters = splitNames(r.parts[0])
                    length += r.whole.length
                    b.raw = (text as NSString).substring(to: length).trimmed
                }
            }
            return (b, length)
        }
        if first == "[" || first == "【", let m = groups(agencyReporter, text) {
            return (Byline(reporters: splitNames(m.parts[1]), agency: m.parts[0],
                           raw: (text as NSString).substring(with: m.whole).trimmed), m.whole.length)
        }
        if !bracketed, text.includes("("), let m = groups(englishDateline, text) {
            return (Byline(agency: m.parts[0], raw: (text as NSString).substring(with: m.whole).trimmed),
                    m.whole.length)
        }
        return nil
    }

    /// Whether a short line is only a byline / signature (`홍길동 기자 gildong@…`, `gildong@…`, `[OSEN=박소영 기자]`).
    static func isSignature(_ line: String) -> Bool {
        guard signatureHints.contains(where: line.includes) else { return false }
        guard let b = parse(line) else { return false }
        if b.reporters.isEmpty && b.emails.isEmpty { return false }
        // What is left after taking out names, titles, e-mails and the agency must be tiny.
        var covered = b.emails.reduce(0) { $0 + $1.unicodeScalars.count }
        covered += b.reporters.reduce(0) { $0 + $1.unicodeScalars.count } + (b.agency?.unicodeScalars.count ?? 0)
        covered += 2 * b.reporters.count + 2  // 기자 / By
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let coveredLetters = min(covered, letters)
        return letters - coveredLetters <= 6
    }

    /// Parses one byline string (a byline element's text, a signature line or a dateline).
    static func parse(_ text: String) -> Byline? {
        let s = text.trimmed
        guard !s.isEmpty, s.count <= 200 else { return nil }
        if let d = dateline(s), !d.byline.isEmpty {
            var b = d.byline
            b.emails = emails(in: s)
            return b
        }
        var b = Byline(raw: s)
        b.emails = emails(in: s)
        if let m = groups(agencyReporter, s), isAgencyLike(m.parts[0]) {
            b.agency = m.parts[0]
            b.reporters = splitNames(m.parts[1])
        } else if let r = reporter {
            let ns = s as NSString
            for m in r.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                for n in splitNames(ns.substring(with: m.range(at: 1))) where !b.reporters.contains(n) { b.reporters.append(n) }
            }
        }
        if b.reporters.isEmpty, let m = groups(english, s) {
            b.reporters = m.parts[0].components(separatedBy: CharacterSet(charactersIn: ",&"))
                .flatMap { $0.components(separatedBy: " and ") }
                .map { $0.trimmed }
                .filter { !$0.isEmpty && $0.first?.isUppercase == true }
        }
        return b.isEmpty ? nil : b
    }

    /// Agency-looking words: Latin names (OSEN), or Korean words ending like a publisher (…일보, …뉴스, …조선).
    static func isAgencyLike(_ s: String) -> Bool {
        if s.unicodeScalars.allSatisfy({ $0.isASCII }) { return true }
        return ["경제", "뉴스", "닷컴", "데일리", "미디어", "스포츠", "신문", "일보", "일간", "조선", "코리아", "타임스", "투데이", "티비", "방송"]
            .contains(where: { s.hasSuffix($0) || s.hasPrefix($0) })
    }

    /// Merges `other` into `base`: reporters and e-mails are unioned, the first agency and raw text win.
    static func merge(_ base: Byline, _ other: Byline) -> Byline {
        var b = base
        for r in other.reporters where !b.reporters.contains(r) { b.reporters.append(r) }
        for e in other.emails where !b.emails.contains(e) { b.emails.append(e) }
        if b.agency == nil { b.agency = other.agency }
        if b.raw == nil { b.raw = other.raw }
        return b
    }
}
