/// Byte-level checks that tell UTF-8 from CP949 (and other legacy encodings) without decoding.
enum CharsetSniffer {
    /// What a UTF-8 validity scan found.
    struct UTF8Report: Equatable {
        var valid: Bool
        /// Well-formed multibyte sequences seen (before the first error, or in all when valid).
        var multibyte: Int
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, ≤ U+10FFFF). A sequence cut by the end of the
    /// input counts as valid: a fetched page may be truncated at the byte cap.
    static func utf8(_ bytes: [UInt8]) -> UTF8Report {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            var multibyte = 0
            let n = b.count
            guard let base = b.baseAddress else { return UTF8Report(valid: true, multibyte: 0) }
            while i < n {
                // Eight ASCII bytes at a time: most of a page is markup and script.
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                guard let (len, lo, hi) = UTF8Lead.sequence(c) else { return UTF8Report(valid: false, multibyte: multibyte) }
                for k in 1..<len {
                    guard i + k < n else { return UTF8Report(valid: true, multibyte: multibyte) }
                    let t = b[i + k]
                    let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                    guard t >= l && t <= h else { return UTF8Report(valid: false, multibyte: multibyte) }
                }
                multibyte += 1
                i += len
            }
            return UTF8Report(valid: true, multibyte: multibyte)
        }
    }

    /// What a CP949 structure scan found.
    struct CP949Report: Equatable {
        /// Double-byte pairs with a valid lead and trail byte.
        var pairs: Int
        /// Pairs whose lead byte lies in the Hangul ranges (0x81–0xC8: UHC extension and KS X 1001 Hangul).
        var hangulPairs: Int
        /// High bytes that do not form a valid pair.
        var invalid: Int

        /// Every high byte pairs up and most pairs are Hangul: real Korean text, not UTF-8 read as CP949.
        var plausible: Bool { invalid == 0 && pairs > 0 && hangulPairs * 2 >= pairs }
    }

    static func cp949(_ bytes: [UInt8]) -> CP949Report {
        bytes.withUnsafeBufferPointer { b in
            var r = CP949Report(pairs: 0, hangulPairs: 0, invalid: 0)
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                guard c >= 0x81, c <= 0xFE else { r.invalid += 1; i += 1; continue }
                guard i + 1 < n else { break }  // cut at the end: not evidence either way
                let t = b[i + 1]
                let trailOK = (t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE)
                // Leads above 0xC6 take only the KS X 1001 trail range 0xA1–0xFE.
                let ok = trailOK && (c <= 0xC6 || t >= 0xA1)
                if ok {
                    r.pairs += 1
                    if c <= 0xC8 { r.hangulPairs += 1 }
                    i += 2
                } else {
                    r.invalid += 1
                    i += 1
                }
            }
            return r
        }
    }
}
