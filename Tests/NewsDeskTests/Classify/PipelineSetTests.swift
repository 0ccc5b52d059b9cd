import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The pipeline set (`fixtures/classify/pipeline`, 207 Korean and English articles we wrote, laid out in ten site
/// styles by `scripts/classify_make_pipeline_set.py`) through ingest's decode → extract → sanitize → classify with
/// the shipped model and a mixed source. Written by us, so a unit test of the pipeline, not a measure of quality
/// (docs/classify.md): it, sports and entertainment keep precision and recall ≥ 0.9.
@Suite struct PipelineSetTests {
    @Test func sectionsHoldUpThroughThePipeline() throws {
        let index = try Fixtures.string("classify/pipeline/index.csv")
        let (_, rows) = try LabelledData.records(index, path: "index.csv")
        #expect(rows.count >= 200)
        let dir = try Site.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: [])
        let pipeline = try Site.pipeline(config, db: dir.appendingPathComponent("t.sqlite").path)
        var pairs: [(truth: String, predicted: String)] = []
        for row in rows {
            let url = try #require(row["url"]), file = try #require(row["file"]), truth = try #require(row["section"])
            let resource = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: ["content-type": "text/html"],
                                           body: try Fixtures.bytes("classify/pipeline/" + file), elapsed: 0)
            let draft = try pipeline.preview(resource, source: SourceConfig(id: "mixed", name: "mixed", url: url, mixed: true))
            pairs.append((truth, draft.classification.section))
        }
        let e = Evaluation(pairs: pairs)
        for c in e.perClass where ["it", "sports", "entertainment"].contains(c.label) {
            #expect(c.precision >= 0.9 && c.recall >= 0.9, "\(c.label): P \(c.precision) R \(c.recall)\n\(e.report)")
        }
    }
}
