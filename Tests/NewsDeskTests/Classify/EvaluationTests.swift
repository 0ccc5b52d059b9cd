import Testing
@testable import NewsDesk

@Suite struct EvaluationTests {
    @Test func handMadeConfusionMatrix() {
        // truth a: 8 right, 2 as b; truth b: 1 as a, 4 right, 0 as c; truth c: 5 as c.
        let e = Evaluation(labels: ["a", "b", "c"], confusion: [[8, 2, 0], [1, 4, 0], [0, 0, 5]])
        #expect(e.total == 20)
        #expect(abs(e.accuracy - 17.0 / 20) < 1e-12)
        let f = e.perClass
        #expect(abs(f[0].precision - 8.0 / 9) < 1e-12 && abs(f[0].recall - 0.8) < 1e-12)
        #expect(abs(f[1].precision - 4.0 / 6) < 1e-12 && abs(f[1].recall - 0.8) < 1e-12)
        #expect(f[2].f1 == 1)
        let f1a = 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8), f1b = 2 * (4.0 / 6) * 0.8 / (4.0 / 6 + 0.8)
        #expect(abs(e.macroF1 - (f1a + f1b + 1) / 3) < 1e-12)
        #expect(e.report.contains("macro-F1"))
    }

    @Test func pairsBuildTheMatrix() {
        let e = Evaluation(pairs: [("x", "x"), ("x", "y"), ("y", "y")])
        #expect(e.labels == ["x", "y"])
        #expect(e.confusion == [[1, 1], [0, 1]])
    }
}
