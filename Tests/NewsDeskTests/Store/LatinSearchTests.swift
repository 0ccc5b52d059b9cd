import Foundation
import GRDB
import Testing
@testable import NewsDesk

/// Latin words match by stem and prefix (Korean keeps matching inside words). Reduced from issue 13: English search
/// `semiconductor`, `data center`, `chip` found nothing for "semiconductors", "data centers", "chipmaker".
@Suite("Latin search")
struct LatinSearchTests {
    static let cases: [SearchCase] = [
        SearchCase(name: "singular finds plural (semiconductor → semiconductors)", query: "semiconductor", expected: ["en"]),
        SearchCase(name: "two words, plural in text (data center → data centers)", query: "data center", expected: ["en"]),
        SearchCase(name: "prefix of a compound (chip → chipmakers)", query: "chip", expected: ["en"]),
        SearchCase(name: "stem only, no common prefix (company → companies)", query: "company", expected: ["en"]),
        SearchCase(name: "stem only (study → studies)", query: "study", expected: ["en"]),
        SearchCase(name: "upper case plural query", query: "DATA CENTERS", expected: ["en"]),
        SearchCase(name: "a different word with the same start", query: "chipset", expected: []),
        SearchCase(name: "short words match whole (ai is not read as a prefix of airports)", query: "ai", expected: ["ko"]),
        SearchCase(name: "Korean still matches inside words", query: "반도체", expected: ["ko"]),
        SearchCase(name: "mixed: Korean and English words both required", query: "반도체 semiconductor", expected: []),
    ]

    static func fill(_ store: ArticleStore) throws {
        _ = try store.save(draft(url: "https://it.example.com/en", title: "Chipmakers", text: Texts.english))
        _ = try store.save(draft(url: "https://it.example.com/ko", title: "AI 칩 공개", text: Texts.chip))
    }

    static func names(_ hits: [ArticleSummary]) -> [String] {
        hits.map { $0.canonicalURL.hasSuffix("/en") ? "en" : "ko" }.sorted()
    }

    @Test(arguments: cases)
    func search(_ c: SearchCase) throws {
        let t = try TempStore()
        try Self.fill(t.store)
        let hits = try t.store.search(c.query)
        #expect(Self.names(hits) == c.expected.sorted())
        if let first = hits.first { #expect(first.snippet?.isEmpty == false) }
    }

    @Test func queryTranslation() {
        #expect(SearchTokenizer.query("semiconductor").match == "\"semiconductor\" *")
        #expect(SearchTokenizer.query("data center").match == "\"data\" * AND \"center\" *")
        #expect(SearchTokenizer.query("AI").match == "\"ai\"")
        #expect(SearchTokenizer.query("GPT4").match == "\"gpt4\"")
    }

    /// Turns a current store back into a v3 store: the search index as v2/v3 made it (no stemming), and the v4/v5
    /// migrations not recorded.
    static func downgradeToV3(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');
                DROP INDEX articles_section_change;
                DELETE FROM grdb_migrations WHERE identifier IN ('v4-search-latin-stems', 'v5-articles-section-change');
                """)
            let rows = try Row.fetchAll(db, sql: "SELECT id, title, text FROM articles")
            for row in rows {
                let title: String = row["title"], text: String = row["text"]
                try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
                               arguments: [row["id"] as Int64, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)])
            }
        }
        try queue.close()
    }

    /// An existing store is migrated in place: the index is rebuilt with stems, search and revisions work after.
    @Test func anExistingStoreIsReindexedByTheStemmingMigration() throws {
        let t = try TempStore()
        try Self.fill(t.store)
        try Self.downgradeToV3(t.store.path)
        let old = try ArticleStore(path: t.store.path, access: .readOnly)
        #expect(try old.search("company").isEmpty, "the v3 index has no stems")
        let reopened = try ArticleStore(path: t.store.path)
        #expect(Self.names(try reopened.search("company")) == ["en"])
        #expect(Self.names(try reopened.search("반도체")) == ["ko"])
        #expect(try reopened.integrityCheck() == "ok")
        let indexSQL = try reopened.pool.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_search'") }
        #expect(indexSQL?.contains("porter") == true)
        // A revision replaces the stemmed row (the contentless 'delete' goes through the same stemmer).
        _ = try reopened.save(draft(url: "https://it.example.com/en", title: "Chipmakers", text: Texts.weather), mode: .reimport(pinSection: nil))
        #expect(try reopened.search("company").isEmpty)
        #expect(Self.names(try reopened.search("기상청")) == ["en"])
    }
}
