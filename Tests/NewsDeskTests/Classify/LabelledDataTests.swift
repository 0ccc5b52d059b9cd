import Testing
@testable import NewsDesk

@Suite struct LabelledDataTests {
    @Test func csvWithQuotesAndDefaults() throws {
        let csv = "index,title,section\n0,\"삼성, 새 칩 공개\",it\n1,\"그는 \"\"우승\"\"했다\",sports\r\n2,빈 라벨,\n"
        let rows = try LabelledData.parse(csv, path: "t.csv")
        #expect(rows == [LabelledText(text: "삼성, 새 칩 공개", label: "it"), LabelledText(text: "그는 \"우승\"했다", label: "sports")])
    }

    @Test func jsonLinesAndNamedColumns() throws {
        let jsonl = "{\"headline\": \"골 넣었다\", \"topic\": \"sports\"}\n\n{\"headline\": \"앱 출시\", \"topic\": \"it\"}\n"
        let rows = try LabelledData.parse(jsonl, path: "t.jsonl", textColumn: "headline", labelColumn: "topic")
        #expect(rows.map(\.label) == ["sports", "it"])
    }

    @Test func missingColumnSaysWhichExist() {
        #expect(throws: ClassifyError.missingColumn(path: "t.csv", column: "body", available: ["title", "section"])) {
            try LabelledData.parse("title,section\na,b\n", path: "t.csv", textColumn: "body")
        }
    }

    /// A column whose values always sit under one label (YNAT's ynat_label under section) is found and used as
    /// sub-labels; columns that cut across labels, or have too many or too rare values, are not.
    @Test func nestedColumnIsDetected() throws {
        var csv = "index,title,section,topic,source,mixed\n"
        for i in 0..<120 {
            let (section, topic) = [("general", "정치"), ("general", "경제"), ("it", "IT과학"), ("sports", "스포츠")][i % 4]
            csv += "\(i),제목 \(i),\(section),\(topic),src\(i % 3),m\(i % 2)\n"
        }
        let parsed = try LabelledData.parseDetailed(csv, path: "t.csv", subLabels: .detect)
        #expect(parsed.subLabelColumn == "topic")
        #expect(parsed.rows.first?.subLabel == "정치" && parsed.rows.first?.className == "general/정치")
        #expect(parsed.rows[2].className == "it/IT과학")
        #expect(try LabelledData.parseDetailed(csv, path: "t.csv", subLabels: .none).subLabelColumn == nil)
        #expect(try LabelledData.parseDetailed(csv, path: "t.csv", subLabels: .column("source")).rows.first?.subLabel == "src0")
    }

    /// Folds are stratified by class: every fold holds each class in proportion, in file order.
    @Test func foldsAreStratified() {
        let rows = (0..<20).map { LabelledText(text: "t\($0)", label: $0 < 15 ? "a" : "b") }
        let folds = LabelledData.stratifiedFolds(rows, folds: 5)
        #expect(folds == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        let unbalanced = (0..<12).map { LabelledText(text: "t\($0)", label: $0 % 4 == 0 ? "rare" : "common") }
        let f = LabelledData.stratifiedFolds(unbalanced, folds: 3)
        for fold in 0..<3 {
            #expect(zip(unbalanced, f).filter { $0.1 == fold && $0.0.label == "rare" }.count == 1)
        }
    }
}
