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
    /// Character n-grams stay inside one word, padded by the spaces around it (scikit-learn's `char_wb`):
    /// "삼성 갤럭시" gives " 삼성 " but not "성 갤". Off: n-grams run across word boundaries, as scikit-learn's
    /// `char` analyzer (the default: with an exact SVM solver, char 1–3 across boundaries measured best on YNAT;
    /// docs/classify.md).
    public var wordBounded: Bool

    /// The defaults: 2^18 buckets, character 1–3-grams across word boundaries, no word features.
    public init(bucketBits: Int = 18, charMin: Int = 1, charMax: Int = 3, wordNgrams: Int = 0, wordBounded: Bool = false) {
        self.bucketBits = bucketBits; self.charMin = charMin; self.charMax = charMax; self.wordNgrams = wordNgrams
        self.wordBounded = wordBounded
    }

    private enum CodingKeys: String, CodingKey { case bucketBits, charMin, charMax, wordNgrams, wordBounded }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bucketBits = try c.decode(Int.self, forKey: .bucketBits)
        charMin = try c.decode(Int.self, forKey: .charMin)
        charMax = try c.decode(Int.self, forKey: .charMax)
        wordNgrams = try c.decode(Int.self, forKey: .wordNgrams)
        // Models written before the setting existed used n-grams across word boundaries.
        wordBounded = try c.decodeIfPresent(Bool.self, forKey: .wordBounded) ?? false
    }

    /// Checks the ranges a model can use; returns a problem or nil.
    func problem() -> String? {
        if !(8...24).contains(bucketBits) { return "bucketBits \(bucketBits) is outside 8…24" }
        if charMin < 1 || charMax < charMin || charMax > 8 { return "character n-grams \(charMin)…\(charMax) must satisfy 1 ≤ min ≤ max ≤ 8" }
        if !(0...2).contains(wordNgrams) { return "wordNgrams \(wordNgrams) must be 0, 1 or 2" }
        return nil
    }
}

/// A sparse, L2-normalized feature vector: bucket indices and their weights ((1 + ln tf) × idf).
struct SparseVector: Sendable {
    var indices: [UInt32] = []
    var values: [Float] = []
}

/// Receives hashed feature occurrences from `FeatureHasher.forEachBucket`.
protocol BucketSink {
    mutating func add(_ bucket: UInt32)
}

/// Collects bucket occurrences in an array.
struct ArraySink: BucketSink {
    var out: [UInt32]
    @inline(__always) mutating func add(_ bucket: UInt32) { out.append(bucket) }
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
        let capacity = text.utf8.count + 2
        out = [UInt32](unsafeUninitializedCapacity: capacity) { p, initialized in
            initialized = normalize(text, into: p)
        }
    }

    /// `normalize(_:into:)` into a buffer of at least `text.utf8.count + 2` scalars; returns the count written.
    /// Decodes UTF-8 directly (ASCII and Hangul syllables need no property lookup).
    static func normalize(_ text: String, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var n = 0
        out[0] = 0x20; n = 1
        @inline(__always) func put(_ mapped: UInt32) {
            if mapped == 0x20 && out[n - 1] == 0x20 { return }
            out[n] = mapped; n += 1
        }
        let fast: Void? = text.utf8.withContiguousStorageIfAvailable { u in
            var i = 0
            let count = u.count
            while i < count {
                let b0 = UInt32(u[i])
                if b0 < 0x80 {
                    i += 1
                    if b0 >= 0x61 && b0 <= 0x7A { put(b0) }
                    else if b0 >= 0x41 && b0 <= 0x5A { put(b0 + 32) }
                    else if b0 >= 0x30 && b0 <= 0x39 { put(0x30) }
                    else { put(0x20) }
                    continue
                }
                // Valid UTF-8 (a Swift String): the lead byte gives the length.
                let v: UInt32
                if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F); i += 4
                }
                put(mapNonASCII(v))
            }
        }
        if fast == nil {
            for s in text.unicodeScalars {
                let v = s.value
                if v < 0x80 {
                    if v >= 0x61 && v <= 0x7A { put(v) }
                    else if v >= 0x41 && v <= 0x5A { put(v + 32) }
                    else if v >= 0x30 && v <= 0x39 { put(0x30) }
                    else { put(0x20) }
                } else {
                    put(mapNonASCII(v))
                }
            }
        }
        if out[n - 1] != 0x20 { out[n] = 0x20; n += 1 }
        return n
    }

    /// The normalized form of a non-ASCII scalar value.
    @inline(__always) static func mapNonASCII(_ v: UInt32) -> UInt32 {
        if v >= 0xAC00 && v <= 0xD7A3 { return v }  // Hangul syllables: the common case, no property lookup
        guard let s = Unicode.Scalar(v) else { return 0x20 }
        let p = s.properties
        if p.isAlphabetic {
            if p.changesWhenLowercased, let lower = p.lowercaseMapping.unicodeScalars.first { return lower.value }
            return v
        }
        return p.numericType != nil ? 0x30 : 0x20
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

    /// The most feature occurrences `forEachBucket` can produce for `n` normalized scalars.
    func maxOccurrences(scalars n: Int) -> Int {
        n * settings.charMax + (settings.wordNgrams > 0 ? 2 * (n / 2 + 1) : 0)
    }

    /// Appends the bucket of every feature occurrence of the normalized scalars `s` to `out`.
    func buckets(of s: [UInt32], into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        var sink = ArraySink(out: [])
        swap(&sink.out, &out)
        s.withUnsafeBufferPointer { forEachBucket(of: $0, into: &sink) }
        swap(&sink.out, &out)
    }

    /// Calls `sink.add` with the bucket of every feature occurrence of the normalized scalars `p`
    /// (character n-grams by start position, then words and word bigrams).
    @inline(__always)
    func forEachBucket<S: BucketSink>(of p: UnsafeBufferPointer<UInt32>, into sink: inout S) {
        let n = p.count
        let charMin = settings.charMin, charMax = settings.charMax
        let mask = self.mask
        let bounded = settings.wordBounded
        for i in 0..<n {
            var h: UInt32 = 2_166_136_261
            var len = 0
            while len < charMax && i + len < n {
                let c = p[i + len]
                h = Self.mix(h, c)
                len += 1
                // A lone space carries no information.
                if len == 1 && c == 0x20 { continue }
                if len >= charMin { sink.add(Self.finalize(h, salt: UInt32(len)) & mask) }
                // Word-bounded: a space after the first character ends the word, so the n-gram stops there.
                if bounded && c == 0x20 { break }
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
            sink.add(Self.finalize(h, salt: 101) & mask)
            if settings.wordNgrams > 1 && hasPrevious {
                sink.add(Self.finalize(Self.mix(previous &* 31, h), salt: 102) & mask)
            }
            previous = h; hasPrevious = true
        }
    }

    /// Folds bucket occurrences into an L2-normalized sparse vector with sublinear term frequency (times idf).
    /// Counts with an open-addressing table in `table` (no sort); index order is first occurrence.
    static func vector(fromBuckets b: [UInt32], table: inout [UInt32], into v: inout SparseVector, idf: [Float]? = nil) {
        v.indices.removeAll(keepingCapacity: true)
        v.values.removeAll(keepingCapacity: true)
        guard !b.isEmpty else { return }
        var capacity = max(1024, table.count / 2)
        while capacity < 2 * b.count { capacity <<= 1 }
        if table.count < 2 * capacity { table = [UInt32](repeating: 0, count: 2 * capacity) }
        let slotMask = capacity - 1
        var indices = v.indices, values = v.values
        v = SparseVector()
        defer { v.indices = indices; v.values = values }
        indices.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true)
        indices.append(contentsOf: repeatElement(0, count: b.count))
        values.append(contentsOf: repeatElement(0, count: b.count))
        var n = 0
        indices.withUnsafeMutableBufferPointer { ip in
            values.withUnsafeMutableBufferPointer { vp in
                table.withUnsafeMutableBufferPointer { t in
                    b.withUnsafeBufferPointer { bp in
                        // t[2s] = bucket + 1 (0: empty), t[2s + 1] = position in the vector. Buckets are already
                        // hash values, so their low bits pick the slot.
                        for x in bp {
                            var s = Int(x) & slotMask
                            while true {
                                let key = t[2 * s]
                                if key == 0 {
                                    t[2 * s] = x &+ 1; t[2 * s + 1] = UInt32(n)
                                    ip[n] = x; vp[n] = 1; n += 1
                                    break
                                }
                                if key == x &+ 1 { vp[Int(t[2 * s + 1])] += 1; break }
                                s = (s + 1) & slotMask
                            }
                        }
                    }
                    // Leave the table empty for the next call (a memset of a few KB).
                    t.update(repeating: 0)
                }
            }
        }
        indices.removeLast(b.count - n); values.removeLast(b.count - n)
        var norm: Float = 0
        for k in values.indices {
            let w = (1 + logf(values[k])) * (idf?[Int(indices[k])] ?? 1)
            values[k] = w; norm += w * w
        }
        guard norm > 0 else { indices.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true); return }
        let inv = 1 / norm.squareRoot()
        for k in values.indices { values[k] *= inv }
    }

    /// Scratch buffers reused across calls of one task.
    struct Scratch {
        var scalars: [UInt32] = []
        var buckets: [UInt32] = []
        var vector = SparseVector()
        var table: [UInt32] = []
        init() {}
    }

    /// The feature vector of `text`, built in `scratch.vector`.
    func vectorize(_ text: String, scratch: inout Scratch, idf: [Float]? = nil) {
        Self.normalize(text, into: &scratch.scalars)
        scratch.buckets.reserveCapacity(scratch.scalars.count * (settings.charMax + 1))
        buckets(of: scratch.scalars, into: &scratch.buckets)
        Self.vector(fromBuckets: scratch.buckets, table: &scratch.table, into: &scratch.vector, idf: idf)
    }
}
