import GRDB

/// The store's schema as named GRDB migrations. A migration, once shipped, is never edited: add a new one.
///
/// Constraints live here (NOT NULL, UNIQUE, CHECK, foreign keys with `PRAGMA foreign_keys` on, which GRDB
/// enables by default), so a bug in Swift cannot write an article without a source or two articles under one URL.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-sources-articles-runs") { db in
            try db.execute(sql: """
                CREATE TABLE sources (
                    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
                    name TEXT NOT NULL,
                    location TEXT NOT NULL,
                    section TEXT,
                    etag TEXT,
                    last_modified TEXT,
                    last_attempt DATETIME,
                    last_success DATETIME,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
                    last_error TEXT,
                    retry_after DATETIME,
                    next_due DATETIME,
                    last_status INTEGER,
                    articles_stored INTEGER NOT NULL DEFAULT 0 CHECK (articles_stored >= 0)
                );
                CREATE TABLE articles (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    canonical_url TEXT NOT NULL UNIQUE CHECK (length(canonical_url) > 0),
                    original_url TEXT,
                    source_id TEXT NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                    section TEXT NOT NULL CHECK (length(section) > 0),
                    section_pinned BOOLEAN NOT NULL DEFAULT 0,
                    confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
                    classification_method TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    title TEXT NOT NULL,
                    byline_reporters TEXT NOT NULL DEFAULT '[]',
                    byline_agency TEXT,
                    byline_emails TEXT NOT NULL DEFAULT '[]',
                    byline_raw TEXT,
                    published DATETIME,
                    updated DATETIME,
                    fetched_at DATETIME NOT NULL,
                    changed_at DATETIME NOT NULL,
                    attribution TEXT,
                    lead_image TEXT,
                    description TEXT,
                    site_name TEXT,
                    language TEXT,
                    keywords TEXT NOT NULL DEFAULT '[]',
                    html TEXT NOT NULL,
                    text TEXT NOT NULL,
                    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
                    fingerprint BLOB NOT NULL,
                    image_count INTEGER NOT NULL DEFAULT 0 CHECK (image_count >= 0),
                    extractor TEXT NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
                    change_seq INTEGER NOT NULL UNIQUE CHECK (change_seq > 0)
                );
                CREATE INDEX articles_source ON articles(source_id);
                CREATE INDEX articles_section ON articles(section);
                CREATE INDEX articles_published ON articles(coalesce(published, fetched_at));
                CREATE INDEX articles_content_hash ON articles(content_hash);
                CREATE TABLE article_urls (
                    url TEXT PRIMARY KEY NOT NULL CHECK (length(url) > 0),
                    seen_url TEXT NOT NULL,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('canonical', 'seen', 'original', 'feed', 'near-copy')),
                    first_seen DATETIME NOT NULL
                );
                CREATE INDEX article_urls_article ON article_urls(article_id);
                CREATE TABLE article_bands (
                    band INTEGER NOT NULL,
                    hash INTEGER NOT NULL,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    PRIMARY KEY (band, hash, article_id)
                ) WITHOUT ROWID;
                CREATE INDEX article_bands_article ON article_bands(article_id);
                CREATE TABLE feed_items (
                    source_id TEXT NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                    item_id TEXT NOT NULL,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    first_seen DATETIME NOT NULL,
                    PRIMARY KEY (source_id, item_id)
                ) WITHOUT ROWID;
                CREATE TABLE revisions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    title TEXT NOT NULL,
                    section TEXT NOT NULL,
                    html TEXT NOT NULL,
                    text TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    image_count INTEGER NOT NULL,
                    replaced_at DATETIME NOT NULL,
                    changes TEXT NOT NULL,
                    UNIQUE (article_id, revision)
                );
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
                    dry_run BOOLEAN NOT NULL DEFAULT 0,
                    sources_checked INTEGER NOT NULL DEFAULT 0,
                    articles_new INTEGER NOT NULL DEFAULT 0,
                    articles_linked INTEGER NOT NULL DEFAULT 0,
                    articles_skipped INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE run_sources (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    source_id TEXT NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                    status TEXT NOT NULL CHECK (status IN ('ok', 'not_modified', 'failed', 'skipped')),
                    items_seen INTEGER NOT NULL DEFAULT 0,
                    articles_new INTEGER NOT NULL DEFAULT 0,
                    articles_linked INTEGER NOT NULL DEFAULT 0,
                    articles_skipped INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    PRIMARY KEY (run_id, source_id)
                );
                CREATE TABLE run_errors (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    source_id TEXT,
                    url TEXT,
                    stage TEXT NOT NULL,
                    message TEXT NOT NULL,
                    at DATETIME NOT NULL
                );
                CREATE INDEX run_errors_run ON run_errors(run_id);
                CREATE TABLE export_cursors (
                    name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
                    change_seq INTEGER NOT NULL CHECK (change_seq >= 0),
                    updated_at DATETIME NOT NULL
                );
                """)
            // Search: our own CJK bigram indexing (see SearchTokenizer) in a unicode61 FTS5 table whose rowid is
            // the article id. unicode61 alone splits only on spaces ("삼성전자가" ≠ "삼성전자"); trigram cannot
            // match two-syllable words ("축구"). Bigrams match both, as substrings.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
                """)
        }
        // The search index without its own copy of the text: the bigram form is ~2.3× the size of Korean text, and
        // writing it was most of an article's commit. `articles` holds the text; search needs only MATCH and bm25.
        // A contentless table deletes a row by being given the indexed values again (`ArticleStore.index`).
        // automerge 16 (default 4): fewer, larger merges; a fifth less index work per article, measured.
        m.registerMigration("v2-contentless-search") { db in
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, text FROM articles ORDER BY id")
            while let row = try rows.next() {
                let title: String = row["title"], text: String = row["text"]
                try insert.execute(arguments: [row["id"] as Int64, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)])
            }
        }
        // Feed entries whose page keeps failing: counted per run, given up after `defaults.max_entry_attempts` runs
        // (or at once on 410) so a dead link is not fetched every run while it stays in the feed.
        m.registerMigration("v3-entry-failures") { db in
            try db.execute(sql: """
                CREATE TABLE entry_failures (
                    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                    item_id TEXT NOT NULL CHECK (length(item_id) > 0),
                    url TEXT NOT NULL,
                    attempts INTEGER NOT NULL CHECK (attempts > 0),
                    permanent INTEGER NOT NULL DEFAULT 0 CHECK (permanent IN (0, 1)),
                    stage TEXT NOT NULL,
                    error TEXT NOT NULL,
                    first_failed DATETIME NOT NULL,
                    last_failed DATETIME NOT NULL,
                    PRIMARY KEY (source_id, item_id)
                ) WITHOUT ROWID;
                """)
        }
        // English and other Latin-script words match by stem: FTS5's `porter` tokenizer wraps unicode61, so
        // "semiconductors" is indexed as "semiconductor" and "companies" as "compani", and a query word goes through
        // the same stemmer ("company" finds "companies"); `SearchTokenizer.query` adds prefix matching for longer
        // words ("chip" finds "chipmaker"). Porter only rewrites ASCII suffixes, so the Korean bigram tokens pass
        // through unchanged. The contentless index is rebuilt from `articles` (the same `indexText` as `save`).
        m.registerMigration("v4-search-latin-stems") { db in
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
                INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
                """)
            try reindexSearch(db)
        }
        // Atom exports read each section's latest entries (`ORDER BY change_seq DESC LIMIT N`): an index scan instead
        // of reading every article of the section (whose `change_seq` sits after the text, in overflow pages).
        m.registerMigration("v5-articles-section-change") { db in
            try db.execute(sql: "CREATE INDEX articles_section_change ON articles(section, change_seq)")
        }
        return m
    }

    /// Fills the (empty) search index from the stored titles and texts.
    private static func reindexSearch(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, text FROM articles ORDER BY id")
        while let row = try rows.next() {
            let title: String = row["title"], text: String = row["text"]
            try insert.execute(arguments: [row["id"] as Int64, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)])
        }
    }
}
