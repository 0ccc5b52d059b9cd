import Foundation

/// A trained linear text classifier (multinomial logistic regression over hashed character and word n-grams).
/// `probabilities(of:)` gives calibrated softmax probabilities per label. Immutable and Sendable.
///
/// In memory (and in the file) the weights are 8-bit, scaled per label, one row per bucket with the bucket's
/// 8-bit idf next to its weights: scoring a feature touches one small row (8 bytes for up to 7 labels), and the
/// 2^18-bucket matrix of a 4-label model takes 2 MB.
public struct TextModel: Sendable {
    /// The sections the model was trained on, in weight order.
    public let labels: [String]
    /// How text is turned into features.
    public let features: FeatureSettings
    /// Free-form provenance ("ynat-train.csv + entertainment-ko.csv, 5 epochs"), kept in the file.
    public let notes: String
    /// Bucket rows: `rows[bucket * rowStride + label]` is the quantized weight (× `scales[label]`),
    /// `rows[bucket * rowStride + labels.count]` the bucket's idf byte (UInt8 bit pattern; 1 without idf).
    let rows: [Int8]
    /// Bytes per row: labels + 1, rounded up to a power of two so no row straddles a cache line.
    let rowStride: Int
    /// Per-label dequantization scale.
    let scales: [Float]
    let biases: [Float]
    /// idf = idf byte × idfScale; nil when the model was trained without idf. (The scale cancels in the
    /// L2 normalization, so scoring only needs the byte.)
    let idfScale: Float?
    /// The scripts of the training texts' letters; nil for models written before profiles were stored.
    let scripts: ScriptProfile?
    let hasher: FeatureHasher

    /// Bytes per bucket row for `labelCount` labels.
    static func rowStride(labels labelCount: Int) -> Int {
        var s = 1
        while s < labelCount + 1 { s <<= 1 }
        return s
    }

    /// A model from quantized rows (the file's layout).
    init(labels: [String], features: FeatureSettings, notes: String, rows: [Int8], scales: [Float], biases: [Float], idfScale: Float?,
         scripts: ScriptProfile? = nil) {
        self.labels = labels; self.features = features; self.notes = notes
        self.rows = rows; self.rowStride = Self.rowStride(labels: labels.count); self.scales = scales; self.biases = biases
        self.idfScale = idfScale; self.scripts = scripts
        self.hasher = FeatureHasher(features)
    }

    /// A model from full-precision bucket-major weights (`weights[bucket * labels.count + label]`) and idf,
    /// quantized to 8 bits per label (scale = largest magnitude / 127) and idf to 8 bits.
    init(labels: [String], features: FeatureSettings, notes: String, weights: [Float], biases: [Float], idf: [Float]? = nil,
         scripts: ScriptProfile? = nil) {
        let k = labels.count
        let buckets = 1 << features.bucketBits
        let stride = Self.rowStride(labels: k)
        var scales = [Float](repeating: 1, count: k)
        for j in 0..<k {
            var m: Float = 0
            for b in 0..<buckets { m = max(m, abs(weights[b * k + j])) }
            scales[j] = m > 0 ? m / 127 : 1
        }
        let idfScale = idf.map { max($0.max() ?? 1, 1e-6) / 255 }
        var rows = [Int8](repeating: 0, count: buckets * stride)
        for b in 0..<buckets {
            for j in 0..<k {
                rows[b * stride + j] = Int8((weights[b * k + j] / scales[j]).rounded().clamped(-127, 127))
            }
            let idfByte: UInt8 = if let idf, let idfScale { UInt8((idf[b] / idfScale).rounded().clamped(0, 255)) } else { 1 }
            rows[b * stride + k] = Int8(bitPattern: idfByte)
        }
        self.init(labels: labels, features: features, notes: notes, rows: rows, scales: scales, biases: biases, idfScale: idfScale,
                  scripts: scripts)
    }

    /// One label's probability.
    public struct Score: Sendable, Equatable {
        public var label: String
        public var probability: Double
    }

    /// Softmax probabilities for every label, best first.
    public func probabilities(of text: String) -> [Score] {
        var raw = [Float](repeating: 0, count: labels.count)
        raw.withUnsafeMutableBufferPointer { logits(of: text, into: $0) }
        softmax(&raw)
        return zip(labels, raw).map { Score(label: $0, probability: Double($1)) }.sorted { $0.probability > $1.probability }
    }

    /// Why the model should not judge `text` (its letters are mostly in scripts the training data hardly had),
    /// or nil when it may. Always nil for models without a stored script profile.
    public func outOfScope(_ text: String) -> String? {
        scripts?.mismatch(with: text)
    }

    /// The best label and its probability, or nil for a model without labels.
    public func predict(_ text: String) -> Score? {
        probabilities(of: text).first
    }

    /// 1 + ln(tf) for small term counts.
    private static let sublinearTF: [Float] = (0..<64).map { $0 == 0 ? 0 : Float(1 + log(Double($0))) }

    /// Raw linear scores (logits) of `text` into `out` (count ≥ labels.count).
    ///
    /// One pass, no heap allocation for ordinary texts: normalized scalars and a small open-addressing table of
    /// (bucket, count) live in temporary (stack) buffers; each distinct bucket then adds
    /// (1 + ln tf) × idf × its weight row to the scores and its square to the norm, and the sums are scaled once
    /// at the end (L2 normalization and per-label dequantization are both linear).
    func logits(of text: String, into out: UnsafeMutableBufferPointer<Float>) {
        let k = labels.count
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: text.utf8.count + 2) { sbuf in
            let n = FeatureHasher.normalize(text, into: sbuf)
            // Distinct buckets: at most the occurrences and at most the buckets, so a long text needs no more
            // than 2 × buckets slots (load factor ≤ 1/2).
            let maxDistinct = min(hasher.maxOccurrences(scalars: n), 1 << features.bucketBits)
            var capacity = 64
            while capacity < 2 * maxDistinct { capacity <<= 1 }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * capacity + maxDistinct) { tbuf in
                // keys[s] = bucket + 1 (0: empty), counts[s], then the slots in first-occurrence order.
                let keys = UnsafeMutableBufferPointer(rebasing: tbuf[0..<capacity])
                let counts = UnsafeMutableBufferPointer(rebasing: tbuf[capacity..<(2 * capacity)])
                let used = UnsafeMutableBufferPointer(rebasing: tbuf[(2 * capacity)...])
                keys.initialize(repeating: 0)
                var sink = CountingSink(keys: keys, counts: counts, used: used, slotMask: UInt32(capacity - 1))
                hasher.forEachBucket(of: UnsafeBufferPointer(rebasing: sbuf[0..<n]), into: &sink)

                var acc = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
                var norm: Float = 0
                let stride = rowStride
                Self.sublinearTF.withUnsafeBufferPointer { tfTable in
                    rows.withUnsafeBufferPointer { r in
                        if k <= 7 {
                            // The common case: a row is 8 bytes at most; accumulate in registers.
                            for t in 0..<sink.usedCount {
                                let slot = Int(used[t])
                                let c = Int(counts[slot])
                                let base = Int(keys[slot] &- 1) &* stride
                                let tf = c < 64 ? tfTable[c] : 1 + logf(Float(c))
                                let x = tf * Float(UInt8(bitPattern: r[base &+ k]))
                                norm += x * x
                                acc.0 += x * Float(r[base])
                                if k > 1 { acc.1 += x * Float(r[base &+ 1]) }
                                if k > 2 { acc.2 += x * Float(r[base &+ 2]) }
                                if k > 3 { acc.3 += x * Float(r[base &+ 3]) }
                                if k > 4 { acc.4 += x * Float(r[base &+ 4]) }
                                if k > 5 { acc.5 += x * Float(r[base &+ 5]) }
                                if k > 6 { acc.6 += x * Float(r[base &+ 6]) }
                            }
                            out[0] = acc.0
                            if k > 1 { out[1] = acc.1 }
                            if k > 2 { out[2] = acc.2 }
                            if k > 3 { out[3] = acc.3 }
                            if k > 4 { out[4] = acc.4 }
                            if k > 5 { out[5] = acc.5 }
                            if k > 6 { out[6] = acc.6 }
                        } else {
                            for j in 0..<k { out[j] = 0 }
                            for t in 0..<sink.usedCount {
                                let slot = Int(used[t])
                                let c = Int(counts[slot])
                                let base = Int(keys[slot] &- 1) &* stride
                                let tf = c < 64 ? tfTable[c] : 1 + logf(Float(c))
                                let x = tf * Float(UInt8(bitPattern: r[base &+ k]))
                                norm += x * x
                                for j in 0..<k { out[j] += x * Float(r[base &+ j]) }
                            }
                        }
                    }
                }
                let inv: Float = norm > 0 ? 1 / norm.squareRoot() : 0
                for j in 0..<k { out[j] = out[j] * inv * scales[j] + biases[j] }
            }
        }
    }
}

/// Counts bucket occurrences in an open-addressing table (buckets are hash values, so their low bits pick
/// the slot) and lists the slots in first-occurrence order.
private struct CountingSink: BucketSink {
    let keys: UnsafeMutableBufferPointer<UInt32>
    let counts: UnsafeMutableBufferPointer<UInt32>
    let used: UnsafeMutableBufferPointer<UInt32>
    let slotMask: UInt32
    var usedCount = 0

    @inline(__always) mutating func add(_ bucket: UInt32) {
        let key = bucket &+ 1
        var s = bucket & slotMask
        while true {
            let found = keys[Int(s)]
            if found == key { counts[Int(s)] &+= 1; return }
            if found == 0 {
                keys[Int(s)] = key; counts[Int(s)] = 1
                used[usedCount] = s; usedCount &+= 1
                return
            }
            s = (s &+ 1) & slotMask
        }
    }
}

/// In-place softmax.
func softmax(_ z: inout [Float]) {
    guard let m = z.max() else { return }
    var sum: Float = 0
    for i in z.indices { z[i] = expf(z[i] - m); sum += z[i] }
    for i in z.indices { z[i] /= sum }
}

extension Float {
    func clamped(_ lo: Float, _ hi: Float) -> Float { Swift.min(Swift.max(self, lo), hi) }
}
