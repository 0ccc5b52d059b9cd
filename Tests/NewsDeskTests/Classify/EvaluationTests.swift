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

    /// Korean labels take two terminal columns per syllable; the report's columns still line up.
    @Test func reportColumnsLineUpWithWideLabels() {
        let e = Evaluation(labels: ["IT과학", "스포츠", "생활문화", "world"], confusion: [[5, 1, 0, 0], [0, 6, 0, 0], [1, 0, 7, 2], [0, 0, 0, 9]])
        let lines = e.report.split(separator: "\n").map(String.init)
        let table = lines.filter { line in e.labels.contains { line.hasPrefix($0 + " ") } }
        #expect(table.count == 8)  // per-label rows and confusion rows
        // In every row the first figure starts at the same terminal column.
        let starts = Set(table.map { line in
            DisplayWidth.of(String(line.prefix { !$0.isNumber }))
        })
        #expect(starts == [14], "\(table)")
        #expect(DisplayWidth.of("생활문화") == 8 && DisplayWidth.of("IT과학") == 6 && DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.prefix("생활문화", columns: 5) == "생활")
    }
}
