import Foundation

/// Whether a text contains any of a fixed list of words, as bytes: one pass over the text, and at each byte only the
/// words that start with it are compared, after a one-bit test of the byte pair there (the class/id lists have 16–80
/// words; testing each with `includes` was 6 % of extraction time on the public set). Folding case (the default)
/// compares ASCII letters lowercased, so the words must be lowercase.
struct SubstringMatcher: Sendable {
    /// The words' bytes, one after another, grouped by first byte; `bucket[b]..<bucket[b + 1]` are the indices (into
    /// `starts`) of the words that begin with byte `b`, and word `k` is `bytes[starts[k]..<starts[k + 1]]`. Flat
    /// arrays, read through one buffer pointer each, so a scan does no reference counting per byte.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let bucket: [Int]
    /// One bit per byte pair (first byte × 256 + second) that starts a word: most positions of a text start no word,
    /// and this rejects them with one load. Every word has at least two bytes (checked in `init`).
    private let pairs: [UInt64]
    private let foldsCase: Bool

    init(_ words: [String], foldingCase: Bool = true) {
        let sorted = words.filter { !$0.isEmpty }.map { Array($0.utf8) }.sorted { $0[0] < $1[0] }
        var bytes: [UInt8] = [], starts: [Int] = [], bucket = [Int](repeating: 0, count: 257)
        var pairs = [UInt64](repeating: 0, count: 65536 / 64)
        for w in sorted {
            precondition(w.count >= 2, "SubstringMatcher: words of one byte are not supported")
            let pair = Int(w[0]) << 8 | Int(w[1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            starts.append(bytes.count)
            bytes += w
            bucket[Int(w[0]) + 1] += 1
        }
        starts.append(bytes.count)
        for b in 1...256 { bucket[b] += bucket[b - 1] }
        self.bytes = bytes
        self.starts = starts
        self.bucket = bucket
        self.pairs = pairs
        foldsCase = foldingCase
    }

    /// Whether the NUL-terminated `text` contains a word.
    func matches(cString text: UnsafePointer<CChar>) -> Bool {
        let n = strlen(text)
        return text.withMemoryRebound(to: UInt8.self, capacity: n) { matches(UnsafeBufferPointer(start: $0, count: n)) }
    }

    /// Whether `h` contains a word.
    func matches(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = h.count
        guard n >= 2 else { return false }
        let fold = foldsCase
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                bucket.withUnsafeBufferPointer { bucket in pairs.withUnsafeBufferPointer { pairs in
                    @inline(__always) func lower(_ b: UInt8) -> UInt8 { fold && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                    for i in 0..<(n - 1) {
                        let first = Int(lower(h[i]))
                        let pair = first << 8 | Int(lower(h[i + 1]))
                        if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 { continue }
                        var k = bucket[first]
                        let end = bucket[first + 1]
                        while k < end {
                            let w = starts[k], count = starts[k + 1] - w
                            if count <= n - i {
                                var j = 1
                                while j < count && lower(h[i + j]) == bytes[w + j] { j += 1 }
                                if j == count { return true }
                            }
                            k += 1
                        }
                    }
                    return false
                } }
            }
        }
    }
}
