import Foundation

/// One labelled example for training or evaluation.
public struct LabelledText: Sendable, Equatable {
    public var text: String
    public var label: String
    public init(text: String, label: String) { self.text = text; self.label = label }
}

/// Hyperparameters of `TextModelTrainer`.
public struct TrainingOptions: Sendable, Equatable {
    public var features: FeatureSettings
    /// Passes over the data.
    public var epochs: Int
    /// Constant SGD step; the averaged iterate (Polyak–Ruppert) makes a constant step converge.
    public var learningRate: Float
    /// L2 penalty per step, applied to the weights of the features an example has (so frequent features shrink
    /// more). 3e-4 gives +0.2–0.4 macro-F1 points on YNAT's 7 topics but costs the small entertainment class
    /// precision in the shipped 4-section model, so the default stays 0 (docs/classify.md).
    public var l2: Float
    /// 0: every example weighs 1; 1: classes weigh inversely to their size; between: a power of that.
    public var classBalance: Double
    /// Seed of the shuffling, so training is reproducible.
    public var seed: UInt64
    /// Weight features by smoothed inverse document frequency (stored in the model).
    public var idf: Bool

    public init(features: FeatureSettings = FeatureSettings(), epochs: Int = 6, learningRate: Float = 1.0, l2: Float = 0,
                classBalance: Double = 0, seed: UInt64 = 42, idf: Bool = true) {
        self.features = features; self.epochs = epochs; self.learningRate = learningRate; self.l2 = l2
        self.classBalance = classBalance; self.seed = seed; self.idf = idf
    }
}

/// Trains a `TextModel`: multinomial logistic regression by averaged SGD over hashed, L2-normalized
/// sublinear-tf features. Deterministic for a given seed.
public enum TextModelTrainer {
    /// Trains on `examples`; labels are sorted so the same data always gives the same model.
    public static func train(_ examples: [LabelledText], options: TrainingOptions = TrainingOptions(), notes: String = "") throws(ClassifyError) -> TextModel {
        if let problem = options.features.problem() { throw .cannotTrain(problem) }
        guard options.epochs >= 1, options.learningRate > 0 else { throw .cannotTrain("epochs must be ≥ 1 and the learning rate > 0") }
        let labels = Array(Set(examples.map(\.label))).sorted()
        guard labels.count >= 2 else {
            throw .cannotTrain("the data has \(labels.count) label(s); a classifier needs at least two (check --label-column)")
        }
        let k = labels.count
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let hasher = FeatureHasher(options.features)

        let buckets = 1 << options.features.bucketBits
        var scratch = FeatureHasher.Scratch()
        var idf: [Float]? = nil
        if options.idf {
            // Smoothed idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
            var df = [Int32](repeating: 0, count: buckets)
            var docs = 0
            for e in examples where labelIndex[e.label] != nil {
                hasher.vectorize(e.text, scratch: &scratch)
                for i in scratch.vector.indices { df[Int(i)] += 1 }
                docs += 1
            }
            idf = df.map { Float(log(Double(1 + docs) / Double(1 + Int($0))) + 1) }
        }
        // Vectorize once (CSR).
        var offsets = [0]
        var indices: [UInt32] = []
        var values: [Float] = []
        var targets: [Int] = []
        for e in examples {
            guard let y = labelIndex[e.label] else { continue }
            hasher.vectorize(e.text, scratch: &scratch, idf: idf)
            guard !scratch.vector.indices.isEmpty else { continue }
            indices += scratch.vector.indices; values += scratch.vector.values
            offsets.append(indices.count); targets.append(y)
        }
        let n = targets.count
        guard n >= 2 else { throw .cannotTrain("fewer than two examples have text") }

        var counts = [Int](repeating: 0, count: k)
        for y in targets { counts[y] += 1 }
        let classWeight: [Float] = counts.map { c in
            c == 0 ? 0 : Float(pow(Double(n) / Double(k * c), options.classBalance))
        }

        var w = [Float](repeating: 0, count: buckets * k)
        var u = [Double](repeating: 0, count: buckets * k)
        var b = [Float](repeating: 0, count: k)
        var ub = [Double](repeating: 0, count: k)
        var c: Double = 1
        var order = Array(0..<n)
        var rng = SplitMix64(seed: options.seed)
        var z = [Float](repeating: 0, count: k)
        let lr = options.learningRate
        let decay = 1 - lr * options.l2

        for _ in 0..<options.epochs {
            for i in stride(from: n - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            w.withUnsafeMutableBufferPointer { wp in
                u.withUnsafeMutableBufferPointer { up in
                    for d in order {
                        let lo = offsets[d], hi = offsets[d + 1]
                        for j in 0..<k { z[j] = b[j] }
                        for t in lo..<hi {
                            let base = Int(indices[t]) * k, x = values[t]
                            for j in 0..<k { z[j] += x * wp[base + j] }
                        }
                        softmax(&z)
                        let sw = classWeight[targets[d]]
                        for j in 0..<k { z[j] = -lr * sw * (z[j] - (j == targets[d] ? 1 : 0)) }
                        for t in lo..<hi {
                            let base = Int(indices[t]) * k, x = values[t]
                            for j in 0..<k {
                                var delta = z[j] * x
                                if decay < 1 { delta -= (1 - decay) * wp[base + j] }
                                wp[base + j] += delta
                                up[base + j] += c * Double(delta)
                            }
                        }
                        for j in 0..<k { b[j] += z[j]; ub[j] += c * Double(z[j]) }
                        c += 1
                    }
                }
            }
        }
        var averaged = [Float](repeating: 0, count: buckets * k)
        for i in 0..<(buckets * k) { averaged[i] = Float(Double(w[i]) - u[i] / c) }
        let biases = (0..<k).map { Float(Double(b[$0]) - ub[$0] / c) }
        var letterCounts = [Int](repeating: 0, count: ScriptProfile.Script.allCases.count)
        for e in examples where labelIndex[e.label] != nil { ScriptProfile.count(e.text, into: &letterCounts) }
        return TextModel(labels: labels, features: options.features, notes: notes, weights: averaged, biases: biases, idf: idf,
                         scripts: ScriptProfile(counts: letterCounts))
    }
}

/// A small, fast, seedable generator (SplitMix64) for reproducible shuffles.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
