import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// Trains on a slice of KLUE YNAT from ../shared and checks held-out quality; skipped when ../shared is absent.
@Suite struct YNATSampleTests {
    @Test(.enabled(if: Fixtures.shared != nil, "needs ../shared/data/ynat"))
    func smallSliceLearnsTheThreeSections() throws {
        let shared = try #require(Fixtures.shared)
        let path = shared.appendingPathComponent("data/ynat/ynat-train.csv").path
        let rows = try LabelledData.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self),
                                          path: path, textColumn: "title", labelColumn: "section")
        #expect(rows.count == 42_154)
        let sample = rows.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)  // 4,216 rows
        let train = sample.enumerated().filter { $0.offset % 5 != 0 }.map(\.element)
        let test = sample.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        let model = try TextModelTrainer.train(train, options: TrainingOptions(features: FeatureSettings(bucketBits: 16), c: 0.3))
        let e = Evaluation(pairs: test.map { (truth: $0.label, predicted: model.predict($0.text)?.label ?? "") })
        #expect(e.accuracy > 0.85, "\(e.report)")
        #expect(e.macroF1 > 0.75, "\(e.report)")
    }
}
