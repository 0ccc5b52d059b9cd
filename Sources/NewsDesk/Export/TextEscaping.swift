// Escaping for the text formats export writes: JSON strings (also used for YAML double-quoted scalars,
// whose escapes are a superset of JSON's), XML/HTML text and attributes.

enum Escape {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal (with quotes). Non-ASCII stays raw UTF-8; control characters,
    /// `"`, `\` and U+2028/U+2029 (line separators for JavaScript) are escaped.
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x00..<0x20, 0x7F:
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xf)]])
                case 0xE2 where i + 2 < n && buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9):
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(buf[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func jsonString(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a scalar may appear in an XML 1.0 document.
    @inline(__always) static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }

    /// Escapes text for XML/HTML element content or a double-quoted attribute: `& < > "` (and `'`), and drops
    /// characters XML 1.0 forbids (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF).
    static func xml(_ s: String) -> String {
        var needs = false
        for sc in s.unicodeScalars {
            switch sc {
            case "&", "<", ">", "\"", "'": needs = true
            default: if !isXMLChar(sc.value) { needs = true }
            }
            if needs { break }
        }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for sc in s.unicodeScalars {
            switch sc {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: if isXMLChar(sc.value) { out.append(sc) }
            }
        }
        return String(out)
    }

    /// Drops characters XML 1.0 forbids, leaving markup as is (for HTML that is escaped again as a whole).
    static func xmlClean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !isXMLChar($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for sc in s.unicodeScalars where isXMLChar(sc.value) { out.append(sc) }
        return String(out)
    }
}
