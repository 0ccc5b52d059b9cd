import Foundation

/// Content identity for deduplication: an exact hash of the normalized text, and a MinHash signature over
/// character 5-shingles for near-copies (a portal repost with a changed tail).
///
/// MinHash rather than SimHash: a changed tail of 10–20 % moves a 64-bit SimHash by ~6–13 bits, past any
/// Hamming threshold that still separates different stories, while MinHash estimates the Jaccard similarity of
/// the shingle sets directly. Candidates are found by LSH (16 bands × 4 rows, indexed in `article_bands`) and
/// confirmed by the estimated similarity.
enum Fingerprint {
    /// Signature length (UInt64 values).
    static let count = 64
    static let bands = 16
    static let rowsPerBand = 4
    static let shingle = 5
    /// Estimated Jaccard similarity at or above which two texts are the same story.
    public static let nearCopyThreshold = 0.7
    /// Texts shorter than this (letters and digits) are only matched exactly: short notices share too much.
    static let minimumLength = 120

    /// Lowercased letters and digits only: whitespace, punctuation and markup differences do not count.
    static func normalizedScalars(_ text: String) -> [UInt32] {
        var out = [UInt32]()
        out.reserveCapacity(text.utf8.count / 2)
        for s in text.unicodeScalars {
            let v = s.value
            // ASCII and Hangul syllables (most of what we store) without the Unicode property lookup.
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { out.append(v + 0x20) } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { out.append(v) }
            } else if v >= 0xAC00 && v <= 0xD7A3 {
                out.append(v)
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                out.append(v)
            }
        }
        return out
    }

    /// SHA-256 (hex) of the text with runs of whitespace collapsed to one space and the ends trimmed.
    public static func contentHash(_ text: String) -> String {
        var sha = SHA256Hash()
        var pendingSpace = false, started = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        for s in text.unicodeScalars {
            let v = s.value
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x80 && isUnicodeWhitespace(v)) {
                pendingSpace = started
                continue
            }
            if pendingSpace { buffer.append(0x20); pendingSpace = false }
            started = true
            if v < 0x80 {
                buffer.append(UInt8(v))
            } else if v < 0x800 {
                buffer.append(UInt8(0xC0 | (v >> 6))); buffer.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                buffer.append(UInt8(0xE0 | (v >> 12))); buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F))); buffer.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                buffer.append(UInt8(0xF0 | (v >> 18))); buffer.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F))); buffer.append(UInt8(0x80 | (v & 0x3F)))
            }
            if buffer.count >= 4000 { sha.update(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        sha.update(buffer)
        return ByteEncoding.hex(sha.finalize())
    }

    /// Unicode `White_Space` above ASCII (a fixed, stable set; the property lookup was a hot spot on Hangul text).
    @inline(__always)
    static func isUnicodeWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The MinHash signature of the text (all `UInt64.max` for a text with no shingle).
    public static func minhash(_ text: String) -> [UInt64] { minhash(scalars: normalizedScalars(text)) }

    /// The MinHash signature of already normalized scalars.
    static func minhash(scalars: [UInt32]) -> [UInt64] {
        var sig = [UInt64](repeating: .max, count: count)
        guard scalars.count >= shingle else { return sig }
        seeds.withUnsafeBufferPointer { seed in
            sig.withUnsafeMutableBufferPointer { out in
                scalars.withUnsafeBufferPointer { sc in
                    for start in 0...(sc.count - shingle) {
                        var h: UInt64 = 0xcbf29ce484222325
                        for i in start..<(start + shingle) {
                            h = (h ^ UInt64(sc[i])) &* 0x100000001b3
                        }
                        for j in 0..<count {
                            var x = h &+ seed[j]
                            x = (x ^ (x >> 33)) &* 0xff51afd7ed558ccd
                            x = (x ^ (x >> 33)) &* 0xc4ceb9fe1a85ec53
                            x ^= x >> 33
                            out[j] = min(out[j], x)
                        }
                    }
                }
            }
        }
        return sig
    }

    /// Whether a text is long enough for near-copy matching.
    static func eligible(scalars: [UInt32]) -> Bool { scalars.count >= minimumLength }

    /// The estimated Jaccard similarity of two signatures (fraction of equal positions).
    public static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var same = 0
        for i in 0..<a.count where a[i] == b[i] && a[i] != .max { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// One LSH key per band.
    static func bandKeys(_ sig: [UInt64]) -> [Int64] {
        (0..<bands).map { band in
            var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(band)
            for r in 0..<rowsPerBand { h = (h ^ sig[band * rowsPerBand + r]) &* 0x100000001b3 }
            return Int64(bitPattern: h)
        }
    }

    static func encode(_ sig: [UInt64]) -> Data {
        var data = Data(capacity: sig.count * 8)
        for v in sig { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func decode(_ data: Data) -> [UInt64] {
        let bytes = [UInt8](data)
        guard bytes.count == count * 8 else { return [] }
        return (0..<count).map { i in
            var v: UInt64 = 0
            for b in 0..<8 { v |= UInt64(bytes[i * 8 + b]) << UInt64(b * 8) }
            return v
        }
    }

    private static let seeds: [UInt64] = {
        var state: UInt64 = 0x9e3779b97f4a7c15
        return (0..<count).map { _ in
            state &+= 0x9e3779b97f4a7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
            z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
            return z ^ (z >> 31)
        }
    }()
}
