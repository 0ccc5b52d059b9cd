import Foundation

/// A trained linear text classifier (multinomial logistic regression over hashed character and word n-grams).
/// `probabilities(of:)` gives calibrated softmax probabilities per label. Immutable and Sendable.
public struct TextModel: Sendable {
    /// The sections the model was trained on, in weight order.
    public let labels: [String]
    /// How text is turned into features.
    public let features: FeatureSettings
    /// Free-form provenance ("ynat-train.csv + entertainment-ko.csv, 5 epochs"), kept in the file.
    public let notes: String
    /// Bucket-major weights: `weights[bucket * labels.count + label]`.
    let weights: [Float]
    let biases: [Float]
    /// Inverse document frequency per bucket, when the model was trained with it.
    let idf: [Float]?
    let hasher: FeatureHasher

    init(labels: [String], features: FeatureSettings, notes: String, weights: [Float], biases: [Float], idf: [Float]? = nil) {
        self.labels = labels; self.features = features; self.notes = notes
        self.weights = weights; self.biases = biases; self.idf = idf
        self.hasher = FeatureHasher(features)
    }

    /// One label's probability.
    public struct Score: Sendable, Equatable {
        public var label: String
        public var probability: Double
    }

    /// Softmax probabilities for every label, best first.
    public func probabilities(of text: String) -> [Score] {
        var scratch = FeatureHasher.Scratch()
        var raw = [Float](repeating: 0, count: labels.count)
        scores(text, scratch: &scratch, into: &raw)
        softmax(&raw)
        return zip(labels, raw).map { Score(label: $0, probability: Double($1)) }.sorted { $0.probability > $1.probability }
    }

    /// The best label and its probability, or nil for a model without labels.
    public func predict(_ text: String) -> Score? {
        probabilities(of: text).first
    }

    /// Raw linear scores (logits) into `out` (count == labels.count).
    func scores(_ text: String, scratch: inout FeatureHasher.Scratch, into out: inout [Float]) {
        hasher.vectorize(text, scratch: &scratch, idf: idf)
        scores(of: scratch.vector, into: &out)
    }

    func scores(of v: SparseVector, into out: inout [Float]) {
        let k = labels.count
        for j in 0..<k { out[j] = biases[j] }
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                for t in 0..<v.indices.count {
                    let base = Int(v.indices[t]) * k
                    let x = v.values[t]
                    for j in 0..<k { o[j] += x * w[base + j] }
                }
            }
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
