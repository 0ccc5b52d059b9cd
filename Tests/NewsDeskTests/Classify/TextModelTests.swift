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
    try TextModelTrainer.train(tinyExamples, options: TrainingOptions(features: FeatureSettings(bucketBits: 12), epochs: 10))
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

    @Test(arguments: TextModel.Quantization.allCases)
    func saveLoadRoundTrip(_ q: TextModel.Quantization) throws {
        let model = try tinyModel()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("classify-\(q.rawValue)-\(UUID().uuidString).ndcm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path, quantization: q)
        let loaded = try TextModel.load(path: path)
        #expect(loaded.labels == model.labels)
        #expect(loaded.features == model.features)
        for e in tinyExamples.prefix(20) {
            // Weights round-trip exactly in float32; idf is always stored as 8 bits.
            let a = model.probabilities(of: e.text), b = loaded.probabilities(of: e.text)
            #expect(a.first?.label == b.first?.label)
            #expect(abs((a.first?.probability ?? 0) - (b.first?.probability ?? 0)) < (q == .float32 ? 1e-3 : 0.02))
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
        #expect(ClassifyError.corruptModel(path: "m", detail: "checksum mismatch").description.contains("retrain"))
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
}
