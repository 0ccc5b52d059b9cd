/// Terminal column widths, so plain-text tables with Korean (or other East Asian) labels line up.
enum DisplayWidth {
    /// Ranges of scalars a terminal draws two columns wide (East Asian Wide and Fullwidth, Unicode 15).
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Columns of one scalar: 0 for combining marks and other zero-width scalars, 2 for wide ones, else 1.
    static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // conjoining Hangul vowels and final consonants
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Columns of a string.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `columns` columns (whole scalars).
    static func prefix(_ text: String, columns: Int) -> String {
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > columns { break }
            out.append(s); used += w
        }
        return String(out)
    }

    /// `text` padded with spaces to `columns` columns, or followed by one space when it is already that wide.
    static func pad(_ text: String, _ columns: Int) -> String {
        let w = of(text)
        return w >= columns ? text + " " : text + String(repeating: " ", count: columns - w)
    }
}
