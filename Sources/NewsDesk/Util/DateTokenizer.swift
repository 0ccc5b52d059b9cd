/// Splits date text into numbers, ASCII words, known Korean words and punctuation for `DateParser`.
struct DateToken: Equatable {
    enum Kind: Equatable {
        case number(value: Int, digits: Int)
        /// ASCII letters, lowercased.
        case word(String)
        /// A Korean word from `DateTokenizer.vocabulary`, or one other non-ASCII character.
        case korean(String)
        case punct(UInt8)
        case space
    }
    var kind: Kind
}

enum DateTokenizer {
    /// Korean words that matter in dates, longest first so `기사입력` wins over `입력` and `월요일` over `월`.
    static let vocabulary: [[Character]] = [
        "최종수정", "최종업데이트", "기사입력", "기사수정", "업데이트", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일",
        "승인", "입력", "수정", "등록", "송고", "발행", "게재", "작성", "갱신", "오전", "오후", "년", "월", "일", "시", "분", "초",
    ].map { Array($0) }.sorted { $0.count > $1.count }

    static func tokenize(_ text: String) -> [DateToken] {
        var out: [DateToken] = []
        out.reserveCapacity(24)
        let u = Array(text.utf8)
        var i = 0
        let n = u.count
        while i < n {
            let c = u[i]
            if c >= 0x30 && c <= 0x39 {
                var v = 0, d = 0
                while i < n, u[i] >= 0x30 && u[i] <= 0x39 {
                    if d < 12 { v = v * 10 + Int(u[i] - 0x30) }
                    d += 1; i += 1
                }
                out.append(DateToken(kind: .number(value: v, digits: d)))
            } else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
                var w: [UInt8] = []
                while i < n, (u[i] >= 0x41 && u[i] <= 0x5A) || (u[i] >= 0x61 && u[i] <= 0x7A) { w.append(u[i] | 0x20); i += 1 }
                out.append(DateToken(kind: .word(String(decoding: w, as: UTF8.self))))
            } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                if out.last?.kind != .space { out.append(DateToken(kind: .space)) }
                i += 1
            } else if c < 0x80 {
                out.append(DateToken(kind: .punct(c)))
                i += 1
            } else {
                var j = i
                while j < n, u[j] >= 0x80 { j += 1 }
                korean(String(decoding: u[i..<j], as: UTF8.self), into: &out)
                i = j
            }
        }
        return out
    }

    private static func korean(_ run: String, into out: inout [DateToken]) {
        let chars = Array(run)
        var i = 0
        outer: while i < chars.count {
            if chars[i].isWhitespace {
                if out.last?.kind != .space { out.append(DateToken(kind: .space)) }
                i += 1
                continue
            }
            for w in vocabulary where i + w.count <= chars.count && Array(chars[i..<(i + w.count)]) == w {
                out.append(DateToken(kind: .korean(String(w))))
                i += w.count
                continue outer
            }
            out.append(DateToken(kind: .korean(String(chars[i]))))
            i += 1
        }
    }
}
