// Shared by the HTML stage (RawTextStripper) and the sanitizer: word-at-a-time byte tests.

/// Word-at-a-time byte tests (8 bytes in a UInt64).
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `w` is zero.
    @inline(__always)
    static func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }

    /// 0x80 in each byte of `w` that is zero, 0 elsewhere (exact, no borrow between bytes).
    @inline(__always)
    static func zeroMask(_ w: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((w & low7) &+ low7) | w | low7)
    }

    /// Whether some byte of `w` is below `n` (n at most 128).
    @inline(__always)
    static func hasLess(_ w: UInt64, _ n: UInt8) -> Bool { (w &- ones &* UInt64(n)) & ~w & highs != 0 }

    /// Whether some byte of `w` is `&`, `<`, `>`, NUL or (in attributes) `"`.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64, _ attribute: Bool) -> Bool {
        hasZero(w) || hasZero(w ^ (ones &* 0x26)) || hasZero(w ^ (ones &* 0x3C)) || hasZero(w ^ (ones &* 0x3E))
            || (attribute && hasZero(w ^ (ones &* 0x22)))
    }
}
