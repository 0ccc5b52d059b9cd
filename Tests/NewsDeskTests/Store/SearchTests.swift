import Foundation
import GRDB
import Testing
@testable import NewsDesk

struct SearchCase: Sendable, CustomTestStringConvertible {
    let name: String
    let query: String
    let expected: [String]
    var testDescription: String { name }
}

@Suite("Korean search")
struct SearchTests {
    static let cases: [SearchCase] = [
        SearchCase(name: "2 syllables inside a longer word (축구 in 프로축구)", query: "축구", expected: ["축구"]),
        SearchCase(name: "2 syllables, standalone noun with particle (기상청은)", query: "기상", expected: ["날씨"]),
        SearchCase(name: "4 syllables followed by a particle (삼성전자가)", query: "삼성전자", expected: ["칩"]),
        SearchCase(name: "3 syllables (반도체)", query: "반도체", expected: ["칩"]),
        SearchCase(name: "two words, both required", query: "결승골 감독", expected: ["축구"]),
        SearchCase(name: "two words, one missing", query: "결승골 반도체", expected: []),
        SearchCase(name: "1 syllable via substring scan", query: "칩", expected: ["칩"]),
        SearchCase(name: "title words count", query: "공개", expected: ["칩"]),
        SearchCase(name: "latin word, case-insensitive", query: "ai", expected: ["칩"]),
        SearchCase(name: "absent word", query: "야구", expected: []),
        SearchCase(name: "quotes are not syntax", query: "\"축구", expected: ["축구"]),
    ]

    @Test(arguments: cases)
    func search(_ c: SearchCase) throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.chip))
        _ = try t.store.save(draft(url: "https://portal.example.com/2", title: "축구", text: Texts.football, source: "portal", section: "sports"))
        _ = try t.store.save(draft(url: "https://portal.example.com/3", title: "날씨", text: Texts.weather, source: "portal", section: "general"))
        let hits = try t.store.search(c.query)
        #expect(hits.map(\.title).sorted() == c.expected.map { $0 == "칩" ? "AI 칩 공개" : $0 }.sorted())
        if let first = hits.first { #expect(first.snippet?.isEmpty == false) }
    }

    /// A store made before the contentless index (v1's FTS table with its own copy of the text) is re-indexed by the
    /// v2 migration, and search and revisions work on it afterwards.
    @Test func v1StoreIsReindexedByTheContentlessMigration() throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.chip))
        let path = t.dir.appendingPathComponent("test.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO article_search (rowid, title, body) SELECT id, title, text FROM articles;
                DELETE FROM grdb_migrations WHERE identifier = 'v2-contentless-search';
                """)
        }
        try queue.close()
        let reopened = try ArticleStore(path: path)
        #expect(try reopened.search("반도체").count == 1)  // a bigram match: only the re-indexed form has it
        _ = try reopened.save(draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.weather), mode: .reimport(pinSection: nil))
        #expect(try reopened.search("반도체").isEmpty)
        #expect(try reopened.search("기상청").count == 1)
    }

    @Test func searchFollowsRevisions() throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "칩", text: Texts.chip))
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "칩", text: Texts.weather), mode: .reimport(pinSection: nil))
        #expect(try t.store.search("반도체").isEmpty)
        #expect(try t.store.search("기상청").count == 1)
    }

    @Test func queryTranslation() {
        #expect(SearchTokenizer.query("삼성전자").match == "\"삼성 성전 전자\"")
        #expect(SearchTokenizer.query("5G망").match == "\"5g 망\" *")
        #expect(SearchTokenizer.query("칩").likeTerms == ["칩"])
        #expect(SearchTokenizer.indexText("삼성전자가 AI칩을") == "삼성 성전 전자 자가 ai 칩을")
    }
}
