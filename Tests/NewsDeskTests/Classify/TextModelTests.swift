import Foundation
import Testing
@testable import NewsDesk

/// A tiny synthetic set: each label has its own vocabulary.
let tinyExamples: [LabelledText] = {
    let words: [String: [String]] = [
        "sports": ["야구", "축구", "골키퍼", "홈런", "리그", "감독", "우승", "타자"],
        "it": ["반도체", "스마트폰", "인공지능", "클라우드", "앱", "서버", "칩", "데이터"],
        "general": ["국회", "예산", "선거", "정부", "장관", "법안", "총리", "외교"],
    ]
    var rng = SplitMix64(seed: 7)
    var out: [LabelledText] = []
    for (label, vocab) in words.sorted(by: { $0.key < $1.key }) {
        for _ in 0..<30 {
            let text = (0..<4).map { _ in vocab[Int(rng.next() % UInt64(vocab.count))] }.joined(separator: " ")
            out.append(LabelledText(text: text, label: label))
        }
    }
    return out
}()

func tinyModel() throws -> TextModel {
    try TextModelTrainer.train(tinyExamples, options: TrainingOptions(features: FeatureSettings(bucketBits: 12)))
}

@Suite struct TextModelTests {
    @Test func tinySetReachesPerfectTrainAccuracy() throws {
        let model = try tinyModel()
        #expect(model.labels == ["general", "it", "sports"])
        let wrong = tinyExamples.filter { model.predict($0.text)?.label != $0.label }
        #expect(wrong.isEmpty)
        let p = model.probabilities(of: "홈런 타자")
        #expect(abs(p.reduce(0) { $0 + $1.probability } - 1) < 1e-4)
        #expect(p.first?.label == "sports")
    }

    @Test func trainingIsDeterministic() throws {
        #expect(try tinyModel().serialized() == tinyModel().serialized())
    }

    @Test func saveLoadRoundTrip() throws {
        let model = try tinyModel()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("classify-\(UUID().uuidString).ndcm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path)
        let loaded = try TextModel.load(path: path)
        #expect(loaded.labels == model.labels)
        #expect(loaded.features == model.features)
        #expect(loaded.serialized() == model.serialized())
        // The file holds the in-memory rows byte for byte: 2^12 buckets × 4 bytes (3 labels + idf).
        #expect(loaded.rowStride == 4 && loaded.rows.count == 4096 * 4)
        for e in tinyExamples.prefix(20) {
            #expect(model.probabilities(of: e.text) == loaded.probabilities(of: e.text))
        }
    }

    /// Row stride per label count: labels + idf byte, rounded up to a power of two.
    @Test(arguments: [(1, 2), (2, 4), (3, 4), (4, 8), (7, 8), (8, 16), (12, 16)])
    func rowStride(_ labels: Int, _ stride: Int) {
        #expect(TextModel.rowStride(labels: labels) == stride)
    }

    /// The fused scorer (`logits`) agrees with the sparse vector the trainer sees, for 2 to 16 classes (8-, 16- and 32-byte rows) and both
    /// n-gram modes.
    @Test(arguments: [2, 3, 4, 7, 8, 9, 15, 16], [false, true])
    func fusedScoresMatchSparseVector(_ k: Int, _ wordBounded: Bool) throws {
        let features = FeatureSettings(bucketBits: 10, charMax: 4, wordNgrams: 2, wordBounded: wordBounded)
        let buckets = 1 << features.bucketBits
        var rng = SplitMix64(seed: UInt64(k))
        let weights = (0..<(buckets * k)).map { _ in Float(Int(rng.next() % 2001) - 1000) / 1000 }
        let idf = (0..<buckets).map { _ in 1 + Float(rng.next() % 1000) / 200 }
        let model = TextModel(labels: (0..<k).map { "l\($0)" }, features: features, notes: "", weights: weights,
                              biases: (0..<k).map { Float($0) / 10 }, idf: idf)
        let text = "삼성전자 3나노 반도체 양산… Apple iPhone 출시 출시 출시"
        var scratch = FeatureHasher.Scratch()
        // The reference: the dequantized row weights and idf bytes over the trainer's sparse vector.
        let idfBytes = (0..<buckets).map { Float(UInt8(bitPattern: model.rows[$0 * model.rowStride + k])) }
        model.hasher.vectorize(text, scratch: &scratch, idf: idfBytes)
        var expected = model.biases
        for (i, x) in zip(scratch.vector.indices, scratch.vector.values) {
            for j in 0..<k { expected[j] += x * Float(model.rows[Int(i) * model.rowStride + j]) * model.scales[j] }
        }
        var got = [Float](repeating: 0, count: k)
        got.withUnsafeMutableBufferPointer { model.logits(of: text, into: $0) }
        for j in 0..<k { #expect(abs(got[j] - expected[j]) < 1e-4, "label \(j): \(got[j]) vs \(expected[j])") }
    }

    /// Scoring sizes its scratch by the text but caps the table at 2 × buckets: a 2 MB text on a test (cooperative)
    /// thread neither crashes nor takes a table per occurrence, and agrees with the sparse-vector path.
    @Test(arguments: [0, 1, 300, 200_000])
    func longAndEmptyTexts(_ repeats: Int) throws {
        let model = try tinyModel()
        let text = String(repeating: "홈런 타자 반도체 ", count: repeats)
        let p = model.probabilities(of: text)
        #expect(p.count == 3)
        #expect(abs(p.reduce(0) { $0 + $1.probability } - 1) < 1e-4)
        if repeats > 0 {
            var again = [Float](repeating: 0, count: 3)
            again.withUnsafeMutableBufferPointer { model.logits(of: text + " ", into: $0) }
            let softmaxed = model.classProbabilities(again)
            #expect(abs(Double(softmaxed.max() ?? 0) - (p.first?.probability ?? 0)) < 1e-4)
        }
    }

    @Test func wrongOrCorruptFilesAreClearErrors() throws {
        let good = try tinyModel().serialized()
        #expect(throws: ClassifyError.notAModel(path: "x")) { try TextModel(bytes: Array("hello world, not a model".utf8), path: "x") }
        var flipped = good
        flipped[flipped.count / 2] ^= 0xFF
        #expect(throws: ClassifyError.corruptModel(path: "x", detail: "checksum mismatch")) { try TextModel(bytes: flipped, path: "x") }
        var version = good
        version[8] = 9
        #expect(throws: ClassifyError.unsupportedModelVersion(path: "x", found: 9, supported: TextModel.formatVersion)) {
            try TextModel(bytes: version, path: "x")
        }
        #expect(throws: ClassifyError.self) { try TextModel(bytes: Array(good.prefix(40)), path: "x") }
        #expect(throws: ClassifyError.self) { try TextModel.load(path: "/nonexistent/model.ndcm") }
        var v1 = good
        v1[8] = 1  // a version 1 file (separate weight matrix and idf) is refused, with what to do
        #expect(throws: ClassifyError.unsupportedModelVersion(path: "x", found: 1, supported: 3)) { try TextModel(bytes: v1, path: "x") }
        #expect(ClassifyError.unsupportedModelVersion(path: "x", found: 1, supported: 3).description.contains("retrain"))
        #expect(ClassifyError.corruptModel(path: "m", detail: "checksum mismatch").description.contains("retrain"))
    }

    /// With enough data the trainer picks C on a held-out fifth, fits the temperature, learns sub-labels as classes and
    /// reports label probabilities that sum to one; the file keeps the classes and the temperature.
    @Test func trainerChoosesCAndLearnsSubLabels() throws {
        var examples: [LabelledText] = []
        let vocab: [(String, String, [String])] = [
            ("general", "정치", ["국회", "법안", "선거", "총리"]), ("general", "세계", ["유엔", "대사관", "정상회담", "외교"]),
            ("it", "IT과학", ["반도체", "앱", "클라우드", "서버"]), ("sports", "스포츠", ["홈런", "골키퍼", "감독", "리그"]),
        ]
        var rng = SplitMix64(seed: 3)
        for i in 0..<320 {
            let (label, sub, words) = vocab[i % vocab.count]
            let text = (0..<3).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ") + " 오늘 발표"
            examples.append(LabelledText(text: text, label: label, subLabel: sub))
        }
        let (model, report) = try TextModelTrainer.trainWithReport(examples, options: TrainingOptions(features: FeatureSettings(bucketBits: 12)))
        #expect(model.labels == ["general", "it", "sports"])
        #expect(model.classes == ["general/세계", "general/정치", "it/IT과학", "sports/스포츠"])
        #expect(report.validation.map(\.c) == [0.1, 0.2, 0.3, 0.5, 1])
        #expect(report.temperature > 0.25 && report.temperature < 64)
        let p = model.probabilities(of: "유엔 외교")
        #expect(p.first?.label == "general")
        #expect(abs(p.reduce(0) { $0 + $1.probability } - 1) < 1e-4)
        let loaded = try TextModel(bytes: model.serialized())
        #expect(loaded.classes == model.classes && loaded.temperature == model.temperature)
        #expect(loaded.probabilities(of: "홈런 감독") == model.probabilities(of: "홈런 감독"))
        // Without sub-labels: one class per label.
        let flat = try TextModelTrainer.train(examples, options: TrainingOptions(features: FeatureSettings(bucketBits: 12), c: 0.5, subLabels: false))
        #expect(flat.classes == flat.labels)
    }

    /// A version 2 file (no classes, no temperature in the header) still loads, with temperature 1.
    @Test func versionTwoFilesStillLoad() throws {
        let model = try tinyModel()
        var bytes = model.serialized()
        // Rewrite the header without the temperature, as version 2 wrote it, and fix the checksum.
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        var header = try JSONSerialization.jsonObject(with: Data(bytes[16..<(16 + length)])) as? [String: Any] ?? [:]
        header["temperature"] = nil
        let json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        var v2 = Array(bytes[0..<8]) + [2, 0, 0, 0]
        v2 += withUnsafeBytes(of: UInt32(json.count).littleEndian, Array.init) + json + Array(bytes[(16 + length)..<(bytes.count - 8)])
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in v2 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        v2 += withUnsafeBytes(of: h.littleEndian, Array.init)
        bytes = v2
        let loaded = try TextModel(bytes: bytes)
        #expect(loaded.temperature == 1 && loaded.classes == model.labels)
    }

    @Test func trainingNeedsTwoLabels() {
        #expect(throws: ClassifyError.self) {
            try TextModelTrainer.train([LabelledText(text: "a", label: "x"), LabelledText(text: "b", label: "x")])
        }
    }

    @Test func normalizationFoldsCaseDigitsAndPunctuation() {
        var a: [UInt32] = [], b: [UInt32] = []
        FeatureHasher.normalize("Apple 2024…신제품!", into: &a)
        FeatureHasher.normalize("apple 1999 신제품", into: &b)
        #expect(a == b)
    }

    /// The scalar-by-scalar normalization the UTF-8 decoder must reproduce.
    static func referenceNormalize(_ text: String) -> [UInt32] {
        var out: [UInt32] = [0x20]
        for s in text.unicodeScalars {
            let v = s.value, p = s.properties
            var m: UInt32
            if v >= 0x41 && v <= 0x5A { m = v + 32 }
            else if (v >= 0x61 && v <= 0x7A) || (v >= 0xAC00 && v <= 0xD7A3) { m = v }
            else if v >= 0x30 && v <= 0x39 { m = 0x30 }
            else if v < 0x80 { m = 0x20 }
            else if p.isAlphabetic { m = p.changesWhenLowercased ? (p.lowercaseMapping.unicodeScalars.first?.value ?? v) : v }
            else if p.numericType != nil { m = 0x30 }
            else { m = 0x20 }
            if m == 0x20 && out.last == 0x20 { continue }
            out.append(m)
        }
        if out.last != 0x20 { out.append(0x20) }
        return out
    }

    @Test(arguments: [
        "Apple 2024…신제품!", "", "   ", "ÀÉÎ Ωμέγα ΣΊΣΥΦΟΣ", "１２３ 全角 ＡＢＣ", "emoji 🎉🚀 end", "𝐀𝐁𝐂 math 𝟘", "e\u{301}te café",
        "한글 자모 ㄱㄴㄷ ᄀ 混合 text\t\n줄바꿈", "Ⅻ ½ ٣", "a\u{0}b\u{7F}c", "ß ǅ İstanbul",
    ])
    func utf8NormalizationMatchesScalarReference(_ text: String) {
        var fast: [UInt32] = []
        FeatureHasher.normalize(text, into: &fast)
        #expect(fast == Self.referenceNormalize(text))
    }

    /// Fixed buckets (2^18) of normalized strings: trained models depend on these never changing. Word-bounded
    /// n-grams are the across-boundary ones that hold no inner space, in the same order with the same hashes.
    @Test(arguments: [
        (" 축구 ", false, [137121, 50667, 65695, 30325, 58275, 219214, 132239, 204646, 31426] as [UInt32]),
        (" 축구 ", true, [137121, 50667, 65695, 30325, 58275, 219214, 132239, 204646, 31426]),
        (" ai 0 ", false, [44825, 127369, 11440, 179505, 148889, 56806, 18898, 237019, 114052, 191602, 237930, 245119, 172667,
                           176009, 17136, 41973, 190781, 91189]),
        (" ai 0 ", true, [44825, 127369, 11440, 179505, 148889, 56806, 237019, 114052, 245119, 172667,
                          176009, 17136, 41973, 190781, 91189]),
    ])
    func featureHashesAreFixed(_ normalized: String, _ wordBounded: Bool, _ expected: [UInt32]) {
        var buckets: [UInt32] = []
        FeatureHasher(FeatureSettings(charMax: 4, wordNgrams: 2, wordBounded: wordBounded)).buckets(of: normalized.unicodeScalars.map(\.value), into: &buckets)
        #expect(buckets == expected)
    }

    /// A model header written before `wordBounded` existed reads as across-boundary n-grams; new headers keep it.
    @Test func featureSettingsDecodeOlderHeaders() throws {
        let old = #"{"bucketBits":18,"charMin":1,"charMax":4,"wordNgrams":2}"#
        let decoded = try JSONDecoder().decode(FeatureSettings.self, from: Data(old.utf8))
        #expect(decoded == FeatureSettings(charMax: 4, wordNgrams: 2, wordBounded: false))
        for bounded in [false, true] {
            let settings = FeatureSettings(bucketBits: 12, charMax: 3, wordBounded: bounded)
            #expect(try JSONDecoder().decode(FeatureSettings.self, from: JSONEncoder().encode(settings)) == settings)
        }
    }
}
