import Foundation

/// Classification quality from a confusion matrix: accuracy, macro-F1 and per-label precision/recall/F1.
public struct Evaluation: Sendable, Equatable {
    /// Labels in matrix order.
    public let labels: [String]
    /// `confusion[truth][predicted]`.
    public let confusion: [[Int]]

    /// One label's figures.
    public struct ClassFigures: Sendable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// How many examples truly have this label.
        public var support: Int
    }

    /// The same matrix with each example weighted so that every class (sub-label when the data has them, else
    /// label) totals the same: what the figures would be on a test set with equally many examples of each class.
    /// Nil when no classes were given.
    public let balancedConfusion: [[Double]]?

    public init(labels: [String], confusion: [[Int]], balancedConfusion: [[Double]]? = nil) {
        self.labels = labels; self.confusion = confusion; self.balancedConfusion = balancedConfusion
    }

    /// Builds the matrix from (truth, predicted) pairs; labels are the union, sorted.
    /// With `classes` (one per pair: the example's sub-label or label) the balanced matrix is filled too.
    public init(pairs: [(truth: String, predicted: String)], classes: [String]? = nil) {
        let labels = Array(Set(pairs.flatMap { [$0.truth, $0.predicted] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var m = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for p in pairs { if let t = index[p.truth], let q = index[p.predicted] { m[t][q] += 1 } }
        var balanced: [[Double]]? = nil
        if let classes, classes.count == pairs.count {
            var size: [String: Int] = [:]
            for c in classes { size[c, default: 0] += 1 }
            var b = Array(repeating: Array(repeating: 0.0, count: labels.count), count: labels.count)
            for (p, c) in zip(pairs, classes) {
                if let t = index[p.truth], let q = index[p.predicted] { b[t][q] += 1 / Double(size[c] ?? 1) }
            }
            balanced = b
        }
        self.init(labels: labels, confusion: m, balancedConfusion: balanced)
    }

    public var total: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    public var accuracy: Double {
        let correct = labels.indices.reduce(0) { $0 + confusion[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }

    /// Precision, recall and F1 of each label (0 where undefined).
    public var perClass: [ClassFigures] {
        Self.figures(labels, confusion.map { $0.map(Double.init) }, support: confusion.map { $0.reduce(0, +) })
    }

    /// Unweighted mean F1 over labels that occur in the truth.
    public var macroF1: Double { Self.macro(perClass) }

    /// Macro-F1 with every class weighted equally (`balancedConfusion`), or nil.
    public var balancedMacroF1: Double? {
        balancedConfusion.map { Self.macro(Self.figures(labels, $0, support: confusion.map { $0.reduce(0, +) })) }
    }

    private static func figures(_ labels: [String], _ m: [[Double]], support: [Int]) -> [ClassFigures] {
        labels.indices.map { i in
            let tp = m[i][i]
            let predicted = labels.indices.reduce(0.0) { $0 + m[$1][i] }
            let actual = m[i].reduce(0, +)
            let p = predicted == 0 ? 0 : tp / predicted
            let r = actual == 0 ? 0 : tp / actual
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            return ClassFigures(label: labels[i], precision: p, recall: r, f1: f, support: support[i])
        }
    }

    private static func macro(_ figures: [ClassFigures]) -> Double {
        let present = figures.filter { $0.support > 0 }
        return present.isEmpty ? 0 : present.reduce(0) { $0 + $1.f1 } / Double(present.count)
    }

    /// A plain-text report: accuracy, macro-F1, per-label table and the confusion matrix.
    public var report: String {
        var s = "examples: \(total)\naccuracy: \(fmt(accuracy))\nmacro-F1: \(fmt(macroF1))\n"
        if let b = balancedMacroF1 { s += "macro-F1, every class weighted equally: \(fmt(b))\n" }
        s += "\n"
        let width = max(14, (labels.map(DisplayWidth.of).max() ?? 0) + 2)
        s += pad("label", width) + "precision  recall     f1         support\n"
        for c in perClass {
            s += pad(c.label, width) + pad(fmt(c.precision), 11) + pad(fmt(c.recall), 11) + pad(fmt(c.f1), 11) + "\(c.support)\n"
        }
        s += "\nconfusion (rows: truth, columns: predicted)\n" + pad("", width)
        s += labels.map { pad(DisplayWidth.prefix($0, columns: 9), 10) }.joined() + "\n"
        for (i, row) in confusion.enumerated() {
            s += pad(labels[i], width) + row.map { pad(String($0), 10) }.joined() + "\n"
        }
        return s
    }
}

private func fmt(_ x: Double) -> String { String(format: "%.4f", x) }
private func pad(_ s: String, _ n: Int) -> String { DisplayWidth.pad(s, n) }
