/// Decodes HTML character references the way a browser does in attribute values: numeric references
/// (decimal and hex, with or without `;`) and the named references that matter for URL checks — including
/// HTML5-only names libxml2 2.9.14 leaves literal (`&colon;`, `&Tab;`, `&NewLine;`).
enum HTMLEntities {
    /// Named references (sorted). Those marked legacy also decode without the trailing `;`.
    static let named: [String: (scalar: Unicode.Scalar, legacy: Bool)] = [
        "NewLine": ("\n", false), "Tab": ("\t", false),
        "amp": ("&", true), "apos": ("'", false), "bsol": ("\\", false), "colon": (":", false), "comma": (",", false),
        "commat": ("@", false), "equals": ("=", false), "excl": ("!", false), "gt": (">", true), "lpar": ("(", false),
        "lsqb": ("[", false), "lt": ("<", true), "nbsp": ("\u{A0}", true), "num": ("#", false), "percnt": ("%", false),
        "period": (".", false), "quest": ("?", false), "quot": ("\"", true), "rpar": (")", false), "rsqb": ("]", false),
        "semi": (";", false), "sol": ("/", false),
    ]

    static func decode(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard b[i] == 0x26, i + 1 < b.count else { out.append(b[i]); i += 1; continue }
            var j = i + 1
            if b[j] == 0x23 {  // &#
                j += 1
                var hex = false
                if j < b.count, b[j] | 0x20 == 0x78 { hex = true; j += 1 }
                var v: UInt32 = 0
                var digits = 0
                while j < b.count {
                    let c = b[j]
                    let d: UInt32
                    if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) } else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) } else { break }
                    v = min(v &* (hex ? 16 : 10) &+ d, 0x110000)
                    digits += 1; j += 1
                }
                guard digits > 0 else { out.append(b[i]); i += 1; continue }
                if j < b.count, b[j] == 0x3B { j += 1 }
                let scalar = (v == 0 || v > 0x10FFFF) ? Unicode.Scalar(0xFFFD) : Unicode.Scalar(v)
                out.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
                i = j
                continue
            }
            while j < b.count, j - i <= 8, URLCleaner.isASCIIAlpha(b[j]) { j += 1 }
            let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
            if let e = named[name], (j < b.count && b[j] == 0x3B) || e.legacy {
                if j < b.count, b[j] == 0x3B { j += 1 }
                out.append(contentsOf: Array(String(Character(e.scalar)).utf8))
                i = j
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
