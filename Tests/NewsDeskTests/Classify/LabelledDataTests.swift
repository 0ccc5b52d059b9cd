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
}
