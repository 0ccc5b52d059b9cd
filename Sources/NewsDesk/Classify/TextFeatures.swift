import Foundation

/// How text becomes hashed features: character n-grams over normalized Unicode scalars plus word n-grams,
/// hashed into `1 << bucketBits` buckets. Stored in the model file so training and prediction always agree.
public struct FeatureSettings: Sendable, Equatable, Codable {
    /// log2 of the number of hash buckets.
    public var bucketBits: Int
    /// Shortest character n-gram.
    public var charMin: Int
    /// Longest character n-gram.
    public var charMax: Int
    /// 0: no word features, 1: word unigrams, 2: unigrams and bigrams.
    public var wordNgrams: Int

    public init(bucketBits: Int = 18, charMin: Int = 1, charMax: Int = 4, wordNgrams: Int = 2) {
        self.bucketBits = bucketBits; self.charMin = charMin; self.charMax = charMax; self.wordNgrams = wordNgrams
    }

    /// Checks the ranges a model can use; returns a problem or nil.
    func problem() -> String? {
        if !(8...24).contains(bucketBits) { return "bucketBits \(bucketBits) is outside 8…24" }
        if charMin < 1 || charMax < charMin || charMax > 8 { return "character n-grams \(charMin)…\(charMax) must satisfy 1 ≤ min ≤ max ≤ 8" }
        if !(0...2).contains(wordNgrams) { return "wordNgrams \(wordNgrams) must be 0, 1 or 2" }
        return nil
    }
}

/// A sparse, L2-normalized feature vector: sorted bucket indices and their weights (1 + ln tf).
struct SparseVector: Sendable {
    var indices: [UInt32] = []
    var values: [Float] = []
}

/// Turns text into hashed features without allocating a String per n-gram: it hashes over Unicode scalars.
struct FeatureHasher: Sendable {
    let settings: FeatureSettings
    let mask: UInt32

    init(_ settings: FeatureSettings) {
        self.settings = settings
        self.mask = UInt32((1 << settings.bucketBits) - 1)
    }

    /// The normalized scalars of `text`: lowercased letters, digits folded to "0", everything else one space,
    /// with a space at both ends (so n-grams see word boundaries).
    static func normalize(_ text: String, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        out.append(0x20)
        for s in text.unicodeScalars {
            let v = s.value
            var mapped: UInt32
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { mapped = v }
                else if v >= 0x41 && v <= 0x5A { mapped = v + 32 }
                else if v >= 0x30 && v <= 0x39 { mapped = 0x30 }
                else { mapped = 0x20 }
            } else if v >= 0xAC00 && v <= 0xD7A3 {
                mapped = v  // Hangul syllables: the common case, no property lookup
            } else {
                let p = s.properties
                if p.isAlphabetic {
                    if p.changesWhenLowercased, let lower = p.lowercaseMapping.unicodeScalars.first { mapped = lower.value } else { mapped = v }
                } else if p.numericType != nil {
                    mapped = 0x30
                } else {
                    mapped = 0x20
                }
            }
            if mapped == 0x20 && out.last == 0x20 { continue }
            out.append(mapped)
        }
        if out.last != 0x20 { out.append(0x20) }
    }

    @inline(__always) static func mix(_ h: UInt32, _ v: UInt32) -> UInt32 {
        (h ^ v) &* 16_777_619
    }

    @inline(__always) static func finalize(_ h0: UInt32, salt: UInt32) -> UInt32 {
        var h = h0 ^ (salt &* 0x9E37_79B9)
        h ^= h >> 16; h = h &* 0x85EB_CA6B
        h ^= h >> 13; h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }

    /// Appends the bucket of every feature occurrence of the normalized scalars `s` to `out`.
    func buckets(of s: [UInt32], into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        let n = s.count
        let charMin = settings.charMin, charMax = settings.charMax
        s.withUnsafeBufferPointer { p in
            for i in 0..<n {
                var h: UInt32 = 2_166_136_261
                var len = 0
                while len < charMax && i + len < n {
                    h = Self.mix(h, p[i + len])
                    len += 1
                    if len >= charMin {
                        // A lone space carries no information.
                        if len == 1 && p[i] == 0x20 { continue }
                        out.append(Self.finalize(h, salt: UInt32(len)) & mask)
                    }
                }
            }
            guard settings.wordNgrams > 0 else { return }
            var previous: UInt32 = 0
            var hasPrevious = false
            var i = 0
            while i < n {
                while i < n && p[i] == 0x20 { i += 1 }
                if i >= n { break }
                var h: UInt32 = 2_166_136_261
                while i < n && p[i] != 0x20 { h = Self.mix(h, p[i]); i += 1 }
                out.append(Self.finalize(h, salt: 101) & mask)
                if settings.wordNgrams > 1 && hasPrevious {
                    out.append(Self.finalize(Self.mix(previous &* 31, h), salt: 102) & mask)
                }
                previous = h; hasPrevious = true
            }
        }
    }

    /// Folds bucket occurrences into a sorted, L2-normalized sparse vector with sublinear term frequency.
    static func vector(fromBuckets b: inout [UInt32], into v: inout SparseVector, idf: [Float]? = nil) {
        v.indices.removeAll(keepingCapacity: true)
        v.values.removeAll(keepingCapacity: true)
        guard !b.isEmpty else { return }
        b.sort()
        var norm: Float = 0
        var current = b[0]
        var count = 0
        for x in b {
            if x == current { count += 1; continue }
            let w = (1 + logf(Float(count))) * (idf?[Int(current)] ?? 1)
            v.indices.append(current); v.values.append(w); norm += w * w
            current = x; count = 1
        }
        let w = (1 + logf(Float(count))) * (idf?[Int(current)] ?? 1)
        v.indices.append(current); v.values.append(w); norm += w * w
        guard norm > 0 else { v.indices.removeAll(keepingCapacity: true); v.values.removeAll(keepingCapacity: true); return }
        let inv = 1 / norm.squareRoot()
        for k in v.values.indices { v.values[k] *= inv }
    }

    /// Scratch buffers reused across calls of one task.
    struct Scratch {
        var scalars: [UInt32] = []
        var buckets: [UInt32] = []
        var vector = SparseVector()
        init() {
            scalars.reserveCapacity(512); buckets.reserveCapacity(4096)
            vector.indices.reserveCapacity(2048); vector.values.reserveCapacity(2048)
        }
    }

    /// The feature vector of `text`, built in `scratch.vector`.
    func vectorize(_ text: String, scratch: inout Scratch, idf: [Float]? = nil) {
        Self.normalize(text, into: &scratch.scalars)
        buckets(of: scratch.scalars, into: &scratch.buckets)
        Self.vector(fromBuckets: &scratch.buckets, into: &scratch.vector, idf: idf)
    }
}
