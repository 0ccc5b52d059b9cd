/// The writing systems of a text's letters, so a model trained on Korean is not asked about English (it answers
/// confidently and meaninglessly). The trainer stores the profile of its data in the model file; `Classifier` skips
/// the model for a text whose letters are mostly in scripts the model hardly saw.
struct ScriptProfile: Sendable, Equatable, Codable {
    /// Writing systems, by the letters' code points.
    enum Script: String, Sendable, CaseIterable, Codable {
        case hangul, latin, han, kana, cyrillic, greek, arabic, hebrew, thai, devanagari, other

        /// This script's bit in a set of scripts.
        var bit: UInt32 {
            switch self {
            case .hangul: 1 << 0
            case .latin: 1 << 1
            case .han: 1 << 2
            case .kana: 1 << 3
            case .cyrillic: 1 << 4
            case .greek: 1 << 5
            case .arabic: 1 << 6
            case .hebrew: 1 << 7
            case .thai: 1 << 8
            case .devanagari: 1 << 9
            case .other: 1 << 10
            }
        }

        /// The name in reasons ("Hangul", "Latin").
        var name: String { self == .other ? "other-script" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// Letter ranges per script (policy as data). Letters outside every range count as `other`.
    private static let ranges: [(ClosedRange<UInt32>, Script)] = [
        (0xAC00...0xD7A3, .hangul), (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xA960...0xA97F, .hangul),
        (0xD7B0...0xD7FF, .hangul),
        (0x0041...0x005A, .latin), (0x0061...0x007A, .latin), (0x00C0...0x024F, .latin), (0x1E00...0x1EFF, .latin),
        (0xFF21...0xFF3A, .latin), (0xFF41...0xFF5A, .latin),
        (0x4E00...0x9FFF, .han), (0x3400...0x4DBF, .han), (0xF900...0xFAFF, .han), (0x20000...0x2FFFF, .han),
        (0x3040...0x30FF, .kana), (0x31F0...0x31FF, .kana), (0xFF66...0xFF9F, .kana),
        (0x0400...0x052F, .cyrillic), (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x0590...0x05FF, .hebrew),
        (0x0E00...0x0E7F, .thai), (0x0900...0x097F, .devanagari),
    ]

    /// Share of the letters in each script (sums to 1 when `letters` > 0).
    let shares: [Script: Double]
    /// How many letters were counted.
    let letters: Int
    /// The bits of the known scripts (`known`), kept so checking a text allocates nothing.
    let knownSet: UInt32

    /// A script counts as known to a model when at least this share of its training letters was in it.
    static let knownShare = 0.15
    /// A text is out of the model's reach when less than this share of its letters is in known scripts (low,
    /// because a Korean headline can be mostly English product names: "Galaxy S25 Ultra 출시" is 14 % Hangul)…
    static let minimumKnownShare = 0.1
    /// …and it has at least this many letters (a few letters say too little).
    static let minimumLetters = 12

    init(shares: [Script: Double], letters: Int) {
        self.shares = shares; self.letters = letters; self.knownSet = Self.knownSet(shares)
    }

    private static func knownSet(_ shares: [Script: Double]) -> UInt32 {
        shares.reduce(0) { $1.value >= knownShare ? $0 | $1.key.bit : $0 }
    }

    /// The script of a scalar value, or nil when it is not a letter (digits, punctuation, spaces, symbols).
    static func script(of v: UInt32) -> Script? {
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : nil
        }
        if v >= 0xAC00 && v <= 0xD7A3 { return .hangul }  // the common case first
        guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic else { return nil }
        for (range, script) in ranges where range.contains(v) { return script }
        return .other
    }

    /// Letter counts per script, added to `counts` (indexed like `Script.allCases`).
    static func count(_ text: String, into counts: inout [Int]) {
        for s in text.unicodeScalars {
            if let script = script(of: s.value), let i = Script.allCases.firstIndex(of: script) { counts[i] += 1 }
        }
    }

    /// The profile of letter counts indexed like `Script.allCases`.
    init(counts: [Int]) {
        let total = counts.reduce(0, +)
        var shares: [Script: Double] = [:]
        if total > 0 {
            for (i, script) in Script.allCases.enumerated() where counts[i] > 0 { shares[script] = Double(counts[i]) / Double(total) }
        }
        self.init(shares: shares, letters: total)
    }

    /// The profile of one text.
    init(_ text: String) {
        var counts = [Int](repeating: 0, count: Script.allCases.count)
        Self.count(text, into: &counts)
        self.init(counts: counts)
    }

    /// The scripts a model trained on this profile knows, most used first.
    var known: [Script] {
        shares.filter { $0.value >= Self.knownShare }.sorted { $0.value > $1.value }.map(\.key)
    }

    /// Why a model with this (training) profile should not judge `text`, or nil when it may.
    func mismatch(with text: String) -> String? {
        let knownSet = self.knownSet
        guard knownSet != 0 else { return nil }
        // One pass without allocation; the profile and the message are built only for a mismatch.
        var letters = 0, covered = 0
        let latin = knownSet & Script.latin.bit != 0, hangul = knownSet & Script.hangul.bit != 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {  // ASCII and Hangul syllables, the bulk of the text, without the table
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { letters += 1; if latin { covered += 1 } }
            } else if v >= 0xAC00 && v <= 0xD7A3 {
                letters += 1; if hangul { covered += 1 }
            } else if let script = Self.script(of: v) {
                letters += 1; if knownSet & script.bit != 0 { covered += 1 }
            }
        }
        guard letters >= Self.minimumLetters, Double(covered) < Self.minimumKnownShare * Double(letters) else { return nil }
        let input = ScriptProfile(text)
        let main = input.shares.max { $0.value < $1.value }.map { "\(Int(($0.value * 100).rounded())) % \($0.key.name)" } ?? ""
        let knows = self.known.map(\.name).joined(separator: " and ")
        return "the text's letters are \(main); the model was trained on \(knows) text"
    }

    // Stored as {"letters": N, "shares": {"hangul": 0.93, …}}.
    private enum CodingKeys: String, CodingKey { case shares, letters }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let letters = try c.decode(Int.self, forKey: .letters)
        let raw = try c.decode([String: Double].self, forKey: .shares)
        // Scripts a later version adds are kept as `other`.
        var shares: [Script: Double] = [:]
        for (name, share) in raw { shares[Script(rawValue: name) ?? .other, default: 0] += share }
        self.init(shares: shares, letters: letters)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letters, forKey: .letters)
        try c.encode(Dictionary(uniqueKeysWithValues: shares.map { ($0.key.rawValue, $0.value) }), forKey: .shares)
    }
}
