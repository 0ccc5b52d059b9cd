// The store already has exactly the streaming read and the cursor calls the exporter needs
// (ARCHITECTURE.md, "Store API"); this only declares it.
extension ArticleStore: ExportArticleSource {}
