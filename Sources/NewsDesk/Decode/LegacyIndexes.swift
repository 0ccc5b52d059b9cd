import Synchronization

/// WHATWG's index EUC-KR (https://encoding.spec.whatwg.org/#index-euc-kr): the code point of every CP949 (UHC) pair,
/// by pointer `(lead − 0x81) × 190 + (trail − 0x41)`, 0 where the pair is unmapped.
///
/// Built once per process (≈24,000 single-pair conversions, a few milliseconds) from the C library's iconv "CP949"
/// table, which is the same mapping: every pair checked against Python's cp949 codec, and spot checks against
/// whatwg/encoding's index-euc-kr.txt (`TranscoderTests`). Keeping no copy of the table in the repository means no
/// 47 KB of generated data to review.
enum CP949Index {
    static let width = 190
    static let table: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 126 * width)
        guard let cd = Iconv(from: "CP949", to: "UTF-32LE") else { return t }
        for lead in 0x81...0xFE {
            for trail in 0x41...0xFE {
                if let s = cd.scalar(of: [UInt8(lead), UInt8(trail)]), s >= 0x80, s <= 0xFFFF {
                    t[(lead - 0x81) * width + (trail - 0x41)] = UInt16(s)
                }
            }
        }
        return t
    }()
}

/// The 128 upper code points of a single-byte charset (windows-125x, ISO-8859-x, KOI8-x), built once per charset
/// from iconv.
///
/// WHATWG's indexes for the windows-125x encodings give the 0x80–0x9F bytes the code page leaves undefined their
/// C1 control code point (windows-1252 0x81 → U+0081); iconv rejects them, so such bytes get that code point here.
/// A byte undefined above 0x9F (ISO-8859-7 0xAE) is an error (U+FFFD), as in WHATWG.
enum SingleByteIndex {
    /// Code points for 0x80…0xFF; `unmapped` where the byte is an error.
    typealias Table = [UInt32]
    static let unmapped: UInt32 = 0xFFFF_FFFF

    /// Charset names (as `CharsetLabels` normalizes them, upper-cased) read through a single-byte table.
    static func isSingleByte(_ name: String) -> Bool {
        let n = name.uppercased()
        return n.hasPrefix("WINDOWS-125") || n.hasPrefix("ISO-8859-") || n.hasPrefix("KOI8-") || n == "WINDOWS-874" || n == "IBM866"
            || n == "MACINTOSH"
    }

    private static let cache = Mutex<[String: Table?]>([:])

    /// The table for `name`, nil when iconv does not know it or it is not single-byte after all (a lone high byte
    /// reads as an incomplete sequence, or an ASCII byte does not map to itself).
    static func table(_ name: String) -> Table? {
        if let hit = cache.withLock({ $0[name] }) { return hit }
        let built = build(name)
        cache.withLock { $0[name] = built }
        return built
    }

    private static func build(_ name: String) -> Table? {
        guard let cd = Iconv(from: name, to: "UTF-32LE") else { return nil }
        for b in 0x01...0x7F where cd.scalar(of: [UInt8(b)]) != UInt32(b) { return nil }
        var t = Table(repeating: unmapped, count: 128)
        for b in 0x80...0xFF {
            if let s = cd.scalar(of: [UInt8(b)]) {
                t[b - 0x80] = s
            } else if cd.scalar(of: [UInt8(b), 0x41]) != nil {
                return nil  // the byte starts a longer sequence: not a single-byte charset
            } else if b <= 0x9F {
                t[b - 0x80] = UInt32(b)
            }
        }
        return t
    }
}
