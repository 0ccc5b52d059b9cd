import Foundation
import GRDB

extension ArticleStore {
    /// Full-text search over title and text, best match first (bm25, title weighted 2×). Every word must match,
    /// as a substring for Korean (bigram index, see `SearchTokenizer`); one-syllable words are matched with LIKE.
    public func search(_ query: String, filter: ArticleFilter = ArticleFilter()) throws -> [ArticleSummary] {
        let q = SearchTokenizer.query(query)
        guard q.match != nil || !q.likeTerms.isEmpty else { return [] }
        let (whereSQL, filterArgs) = Self.whereClause(filter)
        var conditions: [String] = whereSQL.isEmpty ? [] : [String(whereSQL.dropFirst(" WHERE ".count))]
        var args = StatementArguments()
        var from = "articles"
        var order = "coalesce(published, fetched_at) DESC"
        if let match = q.match {
            from = "article_search JOIN articles ON articles.id = article_search.rowid"
            conditions.insert("article_search MATCH ?", at: 0)
            args += [match]
            order = "bm25(article_search, 2.0, 1.0)"
        }
        args += filterArgs
        for term in q.likeTerms {
            conditions.append("(instr(articles.title, ?) > 0 OR instr(articles.text, ?) > 0)")
            args += [term, term]
        }
        let sql = """
            SELECT articles.id, articles.canonical_url, articles.source_id, articles.section, articles.section_pinned, articles.title,
                   articles.published, articles.fetched_at, articles.revision, articles.text
            FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(max(0, filter.limit ?? 20))
            """
        let words = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        return try reading("search \(query)") { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                var s = Self.summary(row)
                s.snippet = Self.snippet(row["text"], words: words)
                return s
            }
        }
    }

    /// About 100 characters of `text` around the first query word found.
    static func snippet(_ text: String, words: [String]) -> String {
        for w in words {
            if let r = text.range(of: w, options: .caseInsensitive) {
                let start = text.index(r.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(r.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
                let piece = text[start..<end].replacingOccurrences(of: "\n", with: " ")
                return (start > text.startIndex ? "…" : "") + piece + (end < text.endIndex ? "…" : "")
            }
        }
        return String(text.prefix(100)).replacingOccurrences(of: "\n", with: " ")
    }
}
