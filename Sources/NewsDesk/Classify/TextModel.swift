import Foundation

/// A trained linear text classifier over hashed character n-grams (and optionally words): one weight vector per
/// *class*, each class filed under one *label* (section). Without sub-labels the classes are the labels; with them
/// (YNAT's 경제, 사회, 세계 … all filed under `general`) the model scores each class and a label's probability is the sum
/// of its classes' probabilities. `probabilities(of:)` gives calibrated softmax probabilities per label.
/// Immutable and Sendable.
///
/// In memory (and in the file) the weights are 8-bit, scaled per class, one row per bucket with the bucket's
/// 8-bit idf next to its weights: scoring a feature touches one small row (8 bytes for up to 7 classes, 16 for up
/// to 15), and the 2^18-bucket matrix of a 9-class model takes 4 MB.
public struct TextModel: Sendable {
    /// The sections the model files into, sorted.
    public let labels: [String]
    /// What the weight rows are for: the labels themselves, or sub-labels written "label/sub-label".
    public let classes: [String]
    /// `classes[i]` is filed under `labels[classLabel[i]]`.
    let classLabel: [Int]
    /// How text is turned into features.
    public let features: FeatureSettings
    /// Free-form provenance ("ynat-train.csv + entertainment-ko.csv, C 0.3"), kept in the file.
    public let notes: String
    /// Bucket rows: `rows[bucket * rowStride + class]` is the quantized weight (× `scales[class]`),
    /// `rows[bucket * rowStride + classes.count]` the bucket's idf byte (UInt8 bit pattern; 1 without idf).
    let rows: [Int8]
    /// Bytes per row: classes + 1, rounded up to a power of two so no row straddles a cache line.
    let rowStride: Int
    /// Per-class dequantization scale.
    let scales: [Float]
    let biases: [Float]
    /// idf = idf byte × idfScale; nil when the model was trained without idf. (The scale cancels in the
    /// L2 normalization, so scoring only needs the byte.)
    let idfScale: Float?
    /// Probabilities are softmax(temperature × score): the trainer fits it on held-out rows (1 for logistic models).
    public let temperature: Float
    /// The scripts of the training texts' letters; nil for models written before profiles were stored.
    let scripts: ScriptProfile?
    let hasher: FeatureHasher

    /// Bytes per bucket row for `classCount` classes.
    static func rowStride(labels classCount: Int) -> Int {
        var s = 1
        while s < classCount + 1 { s <<= 1 }
        return s
    }

    /// A model from quantized rows (the file's layout). `classes` nil: one class per label.
    init(labels: [String], classes: [String]? = nil, classLabel: [Int]? = nil, features: FeatureSettings, notes: String, rows: [Int8],
         scales: [Float], biases: [Float], idfScale: Float?, temperature: Float = 1, scripts: ScriptProfile? = nil) {
        self.labels = labels; self.classes = classes ?? labels; self.classLabel = classLabel ?? Array(labels.indices)
        self.features = features; self.notes = notes
        self.rows = rows; self.rowStride = Self.rowStride(labels: self.classes.count); self.scales = scales; self.biases = biases
        self.idfScale = idfScale; self.temperature = temperature; self.scripts = scripts
        self.hasher = FeatureHasher(features)
    }

    /// A model from full-precision bucket-major weights (`weights[bucket * classes.count + class]`) and idf,
    /// quantized to 8 bits per class (scale = largest magnitude / 127) and idf to 8 bits.
    init(labels: [String], classes: [String]? = nil, classLabel: [Int]? = nil, features: FeatureSettings, notes: String, weights: [Float],
         biases: [Float], idf: [Float]? = nil, temperature: Float = 1, scripts: ScriptProfile? = nil) {
        let k = (classes ?? labels).count
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
        self.init(labels: labels, classes: classes, classLabel: classLabel, features: features, notes: notes, rows: rows, scales: scales,
                  biases: biases, idfScale: idfScale, temperature: temperature, scripts: scripts)
    }

    /// The same model with other notes.
    public func withNotes(_ notes: String) -> TextModel {
        TextModel(labels: labels, classes: classes, classLabel: classLabel, features: features, notes: notes, rows: rows, scales: scales,
                  biases: biases, idfScale: idfScale, temperature: temperature, scripts: scripts)
    }

    /// One label's probability.
    public struct Score: Sendable, Equatable {
        public var label: String
        public var probability: Double
    }

    /// Probabilities for every label (the sum of its classes' softmax probabilities), best first.
    public func probabilities(of text: String) -> [Score] {
        var raw = [Float](repeating: 0, count: classes.count)
        raw.withUnsafeMutableBufferPointer { logits(of: text, into: $0) }
        var perLabel = [Float](repeating: 0, count: labels.count)
        for (j, p) in classProbabilities(raw).enumerated() { perLabel[classLabel[j]] += p }
        return zip(labels, perLabel).map { Score(label: $0, probability: Double($1)) }.sorted { $0.probability > $1.probability }
    }

    /// softmax(temperature × scores) over the classes.
    func classProbabilities(_ scores: [Float]) -> [Float] {
        var z = scores.map { $0 * temperature }
        softmax(&z)
        return z
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

    /// Raw linear scores of `text` per class into `out` (count ≥ classes.count).
    ///
    /// One pass, no heap allocation for ordinary texts: normalized scalars and a small open-addressing table of
    /// (bucket, count) live in temporary (stack) buffers; each distinct bucket then adds
    /// (1 + ln tf) × idf × its weight row to the scores (one SIMD multiply-add per row) and its square to the norm,
    /// and the sums are scaled once at the end (L2 normalization and per-class dequantization are both linear).
    func logits(of text: String, into out: UnsafeMutableBufferPointer<Float>) {
        let k = classes.count
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
                let norm: Float
                switch rowStride {
                case 8:
                    norm = Self.accumulate(rows, stride: rowStride, k: k, sink, keys, counts, used, out) {
                        SIMD8<Float>($0.loadUnaligned(fromByteOffset: $1, as: SIMD8<Int8>.self))
                    }
                case 16:
                    norm = Self.accumulate(rows, stride: rowStride, k: k, sink, keys, counts, used, out) {
                        SIMD16<Float>($0.loadUnaligned(fromByteOffset: $1, as: SIMD16<Int8>.self))
                    }
                default: norm = Self.accumulateScalar(rows, stride: rowStride, k: k, sink, keys, counts, used, out)
                }
                let inv: Float = norm > 0 ? 1 / norm.squareRoot() : 0
                for j in 0..<k { out[j] = out[j] * inv * scales[j] + biases[j] }
            }
        }
    }

    /// 1 + ln(tf) for small term counts.
    private static let sublinearTF: [Float] = (0..<64).map { $0 == 0 ? 0 : Float(1 + log(Double($0))) }

    /// Sums (1 + ln tf) × idf byte × row over the distinct buckets, a whole row at a time (`F` lanes ≥ the stride's
    /// bytes are read; rows are padded, and the idf lane and padding are never written out). Returns the squared norm.
    @inline(__always)
    private static func accumulate<F: SIMD>(_ rows: [Int8], stride: Int, k: Int, _ sink: CountingSink,
                                            _ keys: UnsafeMutableBufferPointer<UInt32>, _ counts: UnsafeMutableBufferPointer<UInt32>,
                                            _ used: UnsafeMutableBufferPointer<UInt32>, _ out: UnsafeMutableBufferPointer<Float>,
                                            load: (UnsafeRawBufferPointer, Int) -> F) -> Float where F.Scalar == Float {
        var acc = F()
        var norm: Float = 0
        sublinearTF.withUnsafeBufferPointer { tfTable in
            rows.withUnsafeBytes { r in
                for t in 0..<sink.usedCount {
                    let slot = Int(used[t])
                    let c = Int(counts[slot])
                    let base = Int(keys[slot] &- 1) &* stride
                    let tf = c < 64 ? tfTable[c] : 1 + logf(Float(c))
                    let x = tf * Float(UInt8(bitPattern: Int8(bitPattern: r[base &+ k])))
                    norm += x * x
                    acc += x * load(r, base)
                }
            }
        }
        for j in 0..<k { out[j] = acc[j] }
        return norm
    }

    private static func accumulateScalar(_ rows: [Int8], stride: Int, k: Int, _ sink: CountingSink,
                                         _ keys: UnsafeMutableBufferPointer<UInt32>, _ counts: UnsafeMutableBufferPointer<UInt32>,
                                         _ used: UnsafeMutableBufferPointer<UInt32>, _ out: UnsafeMutableBufferPointer<Float>) -> Float {
        for j in 0..<k { out[j] = 0 }
        var norm: Float = 0
        rows.withUnsafeBufferPointer { r in
            for t in 0..<sink.usedCount {
                let slot = Int(used[t])
                let c = Int(counts[slot])
                let base = Int(keys[slot] &- 1) &* stride
                let tf = 1 + logf(Float(c))
                let x = tf * Float(UInt8(bitPattern: r[base &+ k]))
                norm += x * x
                for j in 0..<k { out[j] += x * Float(r[base &+ j]) }
            }
        }
        return norm
    }
}

/// Counts bucket occurrences in an open-addressing table (buckets are hash values, so their low bits pick
/// the slot) and lists the slots in first-occurrence order.
struct CountingSink: BucketSink {
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
