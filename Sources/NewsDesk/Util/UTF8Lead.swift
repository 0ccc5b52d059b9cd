/// The strict UTF-8 table (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), shared by the validators
/// that walk raw bytes (`CharsetSniffer.utf8`, `RawTextStripper.validUTF8`).
enum UTF8Lead {
    /// For a lead byte ≥ 0x80: the sequence length and the allowed range of the *second* byte (later bytes are
    /// 0x80…0xBF); nil for a byte that cannot start a sequence.
    @inline(__always)
    static func sequence(_ c: UInt8) -> (length: Int, lo: UInt8, hi: UInt8)? {
        switch c {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }
}
