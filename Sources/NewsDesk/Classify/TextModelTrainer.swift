import Foundation

/// One labelled example for training or evaluation.
public struct LabelledText: Sendable, Equatable {
    public var text: String
    public var label: String
    /// A finer label nested in `label` (YNAT's 경제 and 세계 under `general`), or nil. The trainer learns each
    /// sub-label as its own class and files it under `label` (see `TrainingOptions.subLabels`).
    public var subLabel: String?
    public init(text: String, label: String, subLabel: String? = nil) {
        self.text = text; self.label = label; self.subLabel = subLabel
    }

    /// The class the trainer learns: "label/sub-label", or the label when there is no (distinct) sub-label.
    public var className: String {
        guard let s = subLabel, !s.isEmpty, s != label else { return label }
        return label + "/" + s
    }
}

/// Hyperparameters of `TextModelTrainer`. The defaults are the ones measured best on KLUE YNAT (docs/classify.md).
public struct TrainingOptions: Sendable, Equatable {
    public var features: FeatureSettings
    /// The SVM's cost C (inverse regularisation strength). nil: chosen from `cGrid` by macro-F1 on a held-out
    /// fifth of the training data (stratified by class), then the model is retrained on all of it.
    public var c: Double?
    /// The values of C tried when `c` is nil.
    public var cGrid: [Double]
    /// 0: every example weighs 1; 1: each class weighs the same in total (its examples weigh inversely to its
    /// size); between: a power of that. The held-out fifth is scored with the same weights, so C is chosen for
    /// the class mix the weights describe (with 1: every class as important as every other, as macro-F1 says).
    public var classBalance: Double
    /// Learn sub-labels (`LabelledText.subLabel`) as classes of their own; off: learn the labels only.
    public var subLabels: Bool
    /// Seed of the shuffles, so training is reproducible.
    public var seed: UInt64
    /// Weight features by smoothed inverse document frequency (stored in the model).
    public var idf: Bool
    /// The solver stops when the projected gradient's spread falls below this (LIBLINEAR's `eps`).
    public var tolerance: Double
    /// At most this many passes over the data per class.
    public var maxPasses: Int

    public init(features: FeatureSettings = FeatureSettings(), c: Double? = nil, cGrid: [Double] = [0.1, 0.2, 0.3, 0.5, 1],
                classBalance: Double = 1, subLabels: Bool = true, seed: UInt64 = 42, idf: Bool = true, tolerance: Double = 0.01,
                maxPasses: Int = 1000) {
        self.features = features; self.c = c; self.cGrid = cGrid; self.classBalance = classBalance; self.subLabels = subLabels
        self.seed = seed; self.idf = idf; self.tolerance = tolerance; self.maxPasses = maxPasses
    }

    /// C when the data is too small to hold a fifth out (fewer than `minimumForValidation` examples or a class
    /// with fewer than 5).
    public static let fallbackC = 0.5
    /// Temperature when nothing was held out to fit it.
    public static let fallbackTemperature: Float = 4
    static let minimumForValidation = 200
}

/// What training chose and measured, for the `classify train` output.
public struct TrainingReport: Sendable, Equatable {
    /// The classes learned (labels, or "label/sub-label").
    public var classes: [String]
    /// The C used for the final model.
    public var c: Double
    /// Macro-F1 (class-weighted as in `TrainingOptions.classBalance`) of each C tried on the held-out fifth;
    /// empty when C was given or the data was too small.
    public var validation: [(c: Double, macroF1: Double)]
    /// The fitted probability temperature.
    public var temperature: Float
    /// Examples in the final training.
    public var examples: Int

    public static func == (a: TrainingReport, b: TrainingReport) -> Bool {
        a.classes == b.classes && a.c == b.c && a.temperature == b.temperature && a.examples == b.examples
            && a.validation.map(\.c) == b.validation.map(\.c) && a.validation.map(\.macroF1) == b.validation.map(\.macroF1)
    }

    /// One line per fact, for the command's output.
    public var summary: String {
        var s = "classes: \(classes.joined(separator: ", "))\n"
        if !validation.isEmpty {
            s += "C by macro-F1 on a held-out fifth: " + validation.map { "\(trimmed($0.c)) → \(String(format: "%.4f", $0.macroF1))" }.joined(separator: ", ") + "\n"
        }
        s += "C \(trimmed(c)), probability temperature \(String(format: "%.2f", temperature)), \(examples) examples"
        return s
    }

    private func trimmed(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

/// Trains a `TextModel`: one-vs-rest linear SVMs (L2-regularised squared hinge loss, an intercept as a constant
/// feature) solved exactly by dual coordinate descent (Hsieh et al., ICML 2008; the algorithm of LIBLINEAR and of
/// scikit-learn's `LinearSVC`), over hashed, sublinear-tf × idf, L2-normalized n-gram vectors. Probabilities are
/// softmax(temperature × scores) with the temperature fitted on held-out rows. Deterministic for a given seed.
public enum TextModelTrainer {
    /// Trains on `examples`; labels and classes are sorted so the same data always gives the same model.
    public static func train(_ examples: [LabelledText], options: TrainingOptions = TrainingOptions(), notes: String = "") throws(ClassifyError) -> TextModel {
        try trainWithReport(examples, options: options, notes: notes).model
    }

    /// Trains and says what it chose (C, temperature) and measured.
    public static func trainWithReport(_ examples: [LabelledText], options: TrainingOptions = TrainingOptions(),
                                       notes: String = "") throws(ClassifyError) -> (model: TextModel, report: TrainingReport) {
        if let problem = options.features.problem() { throw .cannotTrain(problem) }
        if let c = options.c, !(c > 0) { throw .cannotTrain("C must be > 0") }
        guard options.c != nil || (!options.cGrid.isEmpty && options.cGrid.allSatisfy { $0 > 0 }) else {
            throw .cannotTrain("the values of C to try must be > 0")
        }
        let labels = Array(Set(examples.map(\.label))).sorted()
        guard labels.count >= 2 else {
            throw .cannotTrain("the data has \(labels.count) label(s); a classifier needs at least two (check --label-column)")
        }
        let className = { (e: LabelledText) in options.subLabels ? e.className : e.label }
        let classes = Array(Set(examples.map(className))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var classLabelMap = [Int](repeating: -1, count: classes.count)
        for e in examples {
            guard let ci = classIndex[className(e)], let li = labelIndex[e.label] else { continue }
            if classLabelMap[ci] >= 0 && classLabelMap[ci] != li {
                throw .cannotTrain("class \"\(classes[ci])\" belongs to two labels; rename the label or sub-label that contains \"/\"")
            }
            classLabelMap[ci] = li
        }

        let data = try Matrix(examples, classOf: { classIndex[className($0)] }, options: options)
        let k = classes.count
        var counts = [Int](repeating: 0, count: k)
        for y in data.targets { counts[Int(y)] += 1 }
        let n = data.targets.count
        let classWeight: [Double] = counts.map { c in c == 0 ? 0 : pow(Double(n) / Double(k * c), options.classBalance) }

        // Hold out a stratified fifth to choose C and fit the temperature.
        var report = TrainingReport(classes: classes, c: options.c ?? TrainingOptions.fallbackC, validation: [],
                                    temperature: TrainingOptions.fallbackTemperature, examples: n)
        if n >= TrainingOptions.minimumForValidation, counts.allSatisfy({ $0 >= 5 }) {
            let (fit, held) = stratifiedSplit(data.targets, k: k, seed: options.seed)
            let grid = options.c.map { [$0] } ?? options.cGrid
            var best: (c: Double, f1: Double, scores: [[Float]])? = nil
            for c in grid {
                let model = solve(data, rows: fit, k: k, c: c, classWeight: classWeight, options: options)
                let scores = held.map { model.scores(data, row: $0) }
                let f1 = weightedMacroF1(scores: scores, truth: held.map { Int(data.targets[$0]) }, classLabel: classLabelMap,
                                         labels: labels.count, weight: classWeight)
                if options.c == nil { report.validation.append((c, f1)) }
                if best == nil || f1 > best!.f1 { best = (c, f1, scores) }
            }
            if let best {
                report.c = best.c
                report.temperature = fitTemperature(scores: best.scores, truth: held.map { Int(data.targets[$0]) }, classLabel: classLabelMap,
                                                    weight: classWeight)
            }
        }
        let final = solve(data, rows: Array(0..<n), k: k, c: report.c, classWeight: classWeight, options: options)
        var letterCounts = [Int](repeating: 0, count: ScriptProfile.Script.allCases.count)
        for e in examples { ScriptProfile.count(e.text, into: &letterCounts) }
        let model = TextModel(labels: labels, classes: classes, classLabel: classLabelMap, features: options.features, notes: notes,
                              weights: final.weights, biases: final.biases, idf: data.idf, temperature: report.temperature,
                              scripts: ScriptProfile(counts: letterCounts))
        return (model, report)
    }

    /// The training vectors as compressed sparse rows.
    struct Matrix {
        var offsets: [Int] = [0]
        var indices: [UInt32] = []
        var values: [Float] = []
        var targets: [Int32] = []
        var idf: [Float]?
        let buckets: Int

        init(_ examples: [LabelledText], classOf: (LabelledText) -> Int?, options: TrainingOptions) throws(ClassifyError) {
            let hasher = FeatureHasher(options.features)
            buckets = 1 << options.features.bucketBits
            var scratch = FeatureHasher.Scratch()
            if options.idf {
                // Smoothed idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
                var df = [Int32](repeating: 0, count: buckets)
                var docs = 0
                for e in examples {
                    hasher.vectorize(e.text, scratch: &scratch)
                    for i in scratch.vector.indices { df[Int(i)] += 1 }
                    docs += 1
                }
                idf = df.map { Float(log(Double(1 + docs) / Double(1 + Int($0))) + 1) }
            }
            for e in examples {
                guard let y = classOf(e) else { continue }
                hasher.vectorize(e.text, scratch: &scratch, idf: idf)
                guard !scratch.vector.indices.isEmpty else { continue }
                indices += scratch.vector.indices; values += scratch.vector.values
                offsets.append(indices.count); targets.append(Int32(y))
            }
            guard targets.count >= 2 else { throw .cannotTrain("fewer than two examples have text") }
        }
    }

    /// One weight vector and intercept per class.
    struct Weights {
        /// Bucket-major: `weights[bucket * k + class]`.
        var weights: [Float]
        var biases: [Float]
        let k: Int

        func scores(_ m: Matrix, row d: Int) -> [Float] {
            var z = biases
            for t in m.offsets[d]..<m.offsets[d + 1] {
                let base = Int(m.indices[t]) * k, x = m.values[t]
                for j in 0..<k { z[j] += x * weights[base + j] }
            }
            return z
        }
    }

    /// One-vs-rest L2-regularised squared-hinge SVMs on `rows`, by dual coordinate descent with shrinking
    /// (LIBLINEAR's `solve_l2r_l1l2_svc`, L2 loss: D_ii = 1/(2 C_i), no upper bound on α). The intercept is the
    /// weight of a constant feature 1, regularised like the others (as in LIBLINEAR and scikit-learn). As in
    /// LIBLINEAR, class weights scale C for each class's own (positive) examples.
    static func solve(_ m: Matrix, rows: [Int], k: Int, c: Double, classWeight: [Double], options: TrainingOptions) -> Weights {
        let buckets = m.buckets
        var out = Weights(weights: [Float](repeating: 0, count: buckets * k), biases: [Float](repeating: 0, count: k), k: k)
        let l = rows.count
        var w = [Double](repeating: 0, count: buckets)
        var alpha = [Double](repeating: 0, count: l)
        var index = [Int](repeating: 0, count: l)
        var y = [Double](repeating: 0, count: l)
        var diag = [Double](repeating: 0, count: l)
        var rng = SplitMix64(seed: options.seed)
        // Squared norms: the vectors are L2-normalized (1), plus the constant feature (1).
        var xx = [Double](repeating: 0, count: l)
        for (s, d) in rows.enumerated() {
            var sum = 1.0
            for t in m.offsets[d]..<m.offsets[d + 1] { sum += Double(m.values[t]) * Double(m.values[t]) }
            xx[s] = sum
        }
        for j in 0..<k {
            for i in 0..<buckets { w[i] = 0 }
            var bias = 0.0
            for s in 0..<l {
                let positive = Int(m.targets[rows[s]]) == j
                y[s] = positive ? 1 : -1
                diag[s] = 0.5 / (c * (positive ? classWeight[j] : 1))
                alpha[s] = 0
                index[s] = s
            }
            var active = l
            // Shrinking: an example at α = 0 whose gradient exceeds the last pass's largest projected gradient is set
            // aside (with no upper bound on α, only this side shrinks); all come back for a final check.
            var pgMaxOld = Double.infinity
            var pass = 0
            m.offsets.withUnsafeBufferPointer { off in
                m.indices.withUnsafeBufferPointer { ind in
                    m.values.withUnsafeBufferPointer { val in
                        w.withUnsafeMutableBufferPointer { wp in
                            while pass < options.maxPasses {
                                var pgMaxNew = -Double.infinity, pgMinNew = Double.infinity
                                if active > 1 {
                                    for i in stride(from: active - 1, to: 0, by: -1) { index.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
                                }
                                var s = 0
                                while s < active {
                                    let i = index[s]
                                    let d = rows[i]
                                    let lo = off[d], hi = off[d + 1]
                                    var dot = bias
                                    for t in lo..<hi { dot += wp[Int(ind[t])] * Double(val[t]) }
                                    let g = y[i] * dot - 1 + alpha[i] * diag[i]
                                    var pg = 0.0
                                    if alpha[i] == 0 {
                                        if g > pgMaxOld {
                                            active -= 1
                                            index.swapAt(s, active)
                                            continue
                                        }
                                        if g < 0 { pg = g }
                                    } else {
                                        pg = g
                                    }
                                    pgMaxNew = max(pgMaxNew, pg); pgMinNew = min(pgMinNew, pg)
                                    if abs(pg) > 1e-12 {
                                        let old = alpha[i]
                                        alpha[i] = max(old - g / (xx[i] + diag[i]), 0)
                                        let step = (alpha[i] - old) * y[i]
                                        for t in lo..<hi { wp[Int(ind[t])] += step * Double(val[t]) }
                                        bias += step
                                    }
                                    s += 1
                                }
                                pass += 1
                                if pgMaxNew - pgMinNew <= options.tolerance {
                                    if active == l { break }
                                    active = l; pgMaxOld = .infinity
                                    continue
                                }
                                pgMaxOld = pgMaxNew > 0 ? pgMaxNew : .infinity
                            }
                        }
                    }
                }
            }
            for i in 0..<buckets { out.weights[i * k + j] = Float(w[i]) }
            out.biases[j] = Float(bias)
        }
        return out
    }

    /// Every class's examples shuffled (seeded), every fifth held out: (fit, held) row numbers.
    static func stratifiedSplit(_ targets: [Int32], k: Int, seed: UInt64) -> (fit: [Int], held: [Int]) {
        var byClass = [[Int]](repeating: [], count: k)
        for (i, y) in targets.enumerated() { byClass[Int(y)].append(i) }
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        var fit: [Int] = [], held: [Int] = []
        for var rowsOfClass in byClass {
            if rowsOfClass.count > 1 {
                for i in stride(from: rowsOfClass.count - 1, to: 0, by: -1) { rowsOfClass.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            }
            for (n, r) in rowsOfClass.enumerated() { if n % 5 == 0 { held.append(r) } else { fit.append(r) } }
        }
        return (fit.sorted(), held.sorted())
    }

    /// Macro-F1 over labels of the best class's label, each example weighted by its class's weight.
    static func weightedMacroF1(scores: [[Float]], truth: [Int], classLabel: [Int], labels: Int, weight: [Double]) -> Double {
        var tp = [Double](repeating: 0, count: labels), fp = tp, fn = tp
        for (z, t) in zip(scores, truth) {
            let best = z.indices.max { z[$0] < z[$1] } ?? 0
            let p = classLabel[best], g = classLabel[t], w = weight[t]
            if p == g { tp[g] += w } else { fp[p] += w; fn[g] += w }
        }
        var sum = 0.0, present = 0
        for j in 0..<labels where tp[j] + fn[j] > 0 {
            present += 1
            let denominator = 2 * tp[j] + fp[j] + fn[j]
            sum += denominator > 0 ? 2 * tp[j] / denominator : 0
        }
        return present == 0 ? 0 : sum / Double(present)
    }

    /// The temperature T minimizing the class-weighted negative log-likelihood of the true label under
    /// softmax(T × scores) summed over each label's classes (a log-spaced search, then golden-section refinement).
    static func fitTemperature(scores: [[Float]], truth: [Int], classLabel: [Int], weight: [Double]) -> Float {
        func loss(_ t: Double) -> Double {
            var total = 0.0
            for (z, y) in zip(scores, truth) {
                let m = Double(z.max() ?? 0)
                var all = 0.0, mine = 0.0
                for j in z.indices {
                    let e = exp(t * (Double(z[j]) - m))
                    all += e
                    if classLabel[j] == classLabel[y] { mine += e }
                }
                total += weight[y] * -log(max(mine / all, 1e-12))
            }
            return total
        }
        var best = (t: 1.0, loss: Double.infinity)
        var t = 0.25
        while t <= 64 { let l = loss(t); if l < best.loss { best = (t, l) }; t *= 1.25 }
        var lo = best.t / 1.25, hi = best.t * 1.25
        let phi = (5.0.squareRoot() - 1) / 2
        for _ in 0..<30 {
            let a = hi - phi * (hi - lo), b = lo + phi * (hi - lo)
            if loss(a) < loss(b) { hi = b } else { lo = a }
        }
        return Float((lo + hi) / 2)
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
