import Foundation

/// What `Exporter` needs of the store: streaming reads in `changeSeq` order and named cursors.
/// `ArticleStore` provides it; tests wrap it (to fail mid-stream, for instance).
public protocol ExportArticleSource {
    /// Calls `body` for each article matching `filter`, in ascending `changeSeq` order, without loading them all.
    func forEachArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws
    /// Calls `body` for the articles matching `filter`, newest `changeSeq` first, at most `filter.limit` (Atom windows).
    func forEachLatestArticle(_ filter: ArticleFilter, _ body: (StoredArticle) throws -> Void) throws
    /// The sections holding articles that match `filter`, sorted.
    func articleSections(_ filter: ArticleFilter) throws -> [String]
    /// The highest `changeSeq` in the store (0 when empty): whether anything changed since a cursor.
    func latestChangeSeq() throws -> Int64
    /// The last `changeSeq` exported under `name`, or nil for a new cursor.
    func exportCursor(_ name: String) throws -> Int64?
    /// Records that everything up to `seq` was exported under `name`.
    func setExportCursor(_ name: String, to seq: Int64) throws
}
