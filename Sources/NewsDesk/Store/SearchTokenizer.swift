/// Korean-aware search text for the FTS5 index: CJK runs become overlapping character bigrams, other words stay
/// whole (lowercased by unicode61). The same transformation is applied to queries, each query word becoming an
/// FTS5 phrase of its bigrams, so a word matches anywhere inside a longer run:
/// "삼성전자" → `"삼성 성전 전자"` matches "삼성전자가"; "축구" → `"축구"` matches "축구는" (trigram could not).
/// A one-syllable query word cannot be expressed in bigrams; the store answers those with a LIKE scan.
/// Latin words are stemmed by the index's porter tokenizer (index and query alike), and a query word of 4+ letters
/// also matches as a prefix: "semiconductor" finds "semiconductors", "chip" finds "chipmaker".
enum SearchTokenizer {
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F,  // Hangul syllables, jamo, compatibility jamo
             0x3040...0x30FF,  // Hiragana, Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:  // CJK ideographs
            return true
        default:
            return false
        }
    }

    /// A token run: CJK scalars or other letters/digits.
    enum Run { case cjk([Unicode.Scalar]), word([Unicode.Scalar]) }

    static func runs(_ text: String) -> [Run] {
        var out: [Run] = []
        var current: [Unicode.Scalar] = []
        var currentIsCJK = false
        func flush() {
            if !current.isEmpty { out.append(currentIsCJK ? .cjk(current) : .word(current)) }
            current.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if isCJK(s) {
                if !currentIsCJK { flush(); currentIsCJK = true }
                current.append(s)
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                if currentIsCJK { flush(); currentIsCJK = false }
                current.append(s)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    static func tokens(_ run: Run) -> [String] {
        switch run {
        case .word(let s):
            var str = ""
            str.unicodeScalars.append(contentsOf: s)
            return [str.lowercased()]
        case .cjk(let s):
            if s.count == 1 {
                var str = ""
                str.unicodeScalars.append(s[0])
                return [str]
            }
            return (0..<(s.count - 1)).map { i in
                var str = ""
                str.unicodeScalars.append(s[i])
                str.unicodeScalars.append(s[i + 1])
                return str
            }
        }
    }

    /// The text stored in the index for `text`.
    static func indexText(_ text: String) -> String {
        // One pass, straight into the output (the same tokens as `runs` + `tokens`, without an array per run).
        var out = String.UnicodeScalarView()
        var previousCJK: Unicode.Scalar?  // the last scalar of the current CJK run
        var cjkLength = 0                 // scalars in the current CJK run
        var inWord = false
        func separate() { if !out.isEmpty { out.append(" ") } }
        for s in text.unicodeScalars {
            if isCJK(s) {
                inWord = false
                if let p = previousCJK {
                    // Each new scalar closes a bigram with the one before; a lone scalar is written at the run's end.
                    separate()
                    out.append(p)
                    out.append(s)
                }
                previousCJK = s
                cjkLength += 1
                continue
            }
            if cjkLength == 1, let p = previousCJK { separate(); out.append(p) }
            previousCJK = nil
            cjkLength = 0
            if isWordScalar(s) {
                if !inWord { separate(); inWord = true }
                if s.value < 0x80 {
                    out.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(UInt8(s.value + 0x20)) : s)
                } else {
                    out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                }
            } else {
                inWord = false
            }
        }
        if cjkLength == 1, let p = previousCJK { separate(); out.append(p) }
        return String(out)
    }

    /// Letters and digits that are not CJK (ASCII without the property lookup).
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// A parsed query: an FTS5 MATCH expression, and the words that need a substring scan instead.
    struct Query: Equatable {
        var match: String?
        /// Whole query words of one CJK character (answered with LIKE).
        var likeTerms: [String]
    }

    /// The shortest Latin query word matched as a prefix.
    static let minimumPrefixLetters = 4

    /// One query word as both backends read it: its index tokens, and whether the last one may continue in the text.
    struct QueryWord: Equatable {
        var tokens: [String]
        var prefix: Bool
    }

    /// The words of `text` (split on whitespace) that the index can answer, and the one-character CJK words it cannot
    /// (answered with LIKE). The one parse behind `query` (FTS5) and `tsQuery` (PostgreSQL).
    static func words(_ text: String) -> (words: [QueryWord], likeTerms: [String]) {
        var words: [QueryWord] = []
        var like: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let wordRuns = runs(String(word))
            if wordRuns.count == 1, case .cjk(let s) = wordRuns[0], s.count == 1 {
                like.append(String(word))
                continue
            }
            var toks: [String] = []
            var prefix = false
            for (i, run) in wordRuns.enumerated() {
                toks.append(contentsOf: tokens(run))
                guard i == wordRuns.count - 1 else { continue }
                switch run {
                case .cjk(let s):
                    // A one-character CJK run at the end of a word ("5G망") may continue in the text: match as prefix.
                    prefix = s.count == 1
                case .word(let s):
                    // A Latin word of 4+ letters matches longer words ("chip" → "chipmaker"); the index's stemmer
                    // covers inflections ("company" → "companies"). Shorter words and words with digits ("AI", "5G",
                    // "GPT4") match whole, or they would match half the dictionary.
                    prefix = s.count >= minimumPrefixLetters && s.allSatisfy { $0.properties.isAlphabetic }
                }
            }
            if !toks.isEmpty { words.append(QueryWord(tokens: toks, prefix: prefix)) }
        }
        return (words, like)
    }

    /// The FTS5 MATCH expression: each word a quoted phrase of its tokens (`"삼성 성전 전자"`), ` *` where it matches as a
    /// prefix, words joined by AND (every word must match).
    static func query(_ text: String) -> Query {
        let (words, like) = words(text)
        let phrases = words.map { w in
            let quoted = "\"" + w.tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return w.prefix ? quoted + " *" : quoted
        }
        return Query(match: phrases.isEmpty ? nil : phrases.joined(separator: " AND "), likeTerms: like)
    }

    /// The same query for PostgreSQL's `to_tsquery('newsdesk', …)` (PostgresStore): each word a phrase of its
    /// tokens joined by `<->` (adjacent, as FTS5's phrase), a trailing `:*` where FTS5 would match a prefix, words
    /// joined by `&`. Tokens are letters and digits only, each quoted so no token is read as an operator.
    static func tsQuery(_ text: String) -> Query {
        let (words, like) = words(text)
        let phrases = words.map { w in
            var quoted = w.tokens.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'" }
            if w.prefix, let last = quoted.popLast() { quoted.append(last + ":*") }
            return quoted.count == 1 ? quoted[0] : "(" + quoted.joined(separator: " <-> ") + ")"
        }
        return Query(match: phrases.isEmpty ? nil : phrases.joined(separator: " & "), likeTerms: like)
    }
}
