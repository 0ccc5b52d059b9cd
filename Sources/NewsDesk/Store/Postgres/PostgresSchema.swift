/// The PostgreSQL store's schema: named migrations recorded in `newsdesk_migrations`, applied in order under an
/// advisory lock (two workers starting at once do not race). A migration, once shipped, is never edited.
///
/// The tables mirror the SQLite store's (StoreSchema.swift) with PostgreSQL types: `timestamptz` dates, `bytea`
/// fingerprints, and the search index as a `tsvector` column with a GIN index (see `SearchTokenizer.tsQuery` and
/// docs/scale.md): the text indexed is the same bigram + word form SQLite's FTS5 indexes.
enum PostgresSchema {
    /// Advisory lock keys (`pg_advisory_lock(bigint)`): migrations, the ingest lock, the change sequence.
    static let migrationLock: Int64 = 0x4E44_0001
    static let ingestLock: Int64 = 0x4E44_0002
    static let changeSeqLock: Int64 = 0x4E44_0003

    static let migrations: [(name: String, sql: String)] = [
        ("v1-schema", """
            CREATE TEXT SEARCH DICTIONARY newsdesk_stem (TEMPLATE = snowball, Language = english);
            CREATE TEXT SEARCH CONFIGURATION newsdesk (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION newsdesk ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH newsdesk_stem;
            CREATE TABLE sources (
                id text PRIMARY KEY CHECK (length(id) > 0),
                name text NOT NULL,
                location text NOT NULL,
                section text,
                etag text,
                last_modified text,
                last_attempt timestamptz,
                last_success timestamptz,
                consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
                last_error text,
                retry_after timestamptz,
                next_due timestamptz,
                last_status integer,
                articles_stored integer NOT NULL DEFAULT 0 CHECK (articles_stored >= 0)
            );
            CREATE TABLE articles (
                id bigserial PRIMARY KEY,
                canonical_url text NOT NULL UNIQUE CHECK (length(canonical_url) > 0),
                original_url text,
                source_id text NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                section text NOT NULL CHECK (length(section) > 0),
                section_pinned boolean NOT NULL DEFAULT false,
                confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
                classification_method text NOT NULL,
                reason text NOT NULL,
                title text NOT NULL,
                byline_reporters text NOT NULL DEFAULT '[]',
                byline_agency text,
                byline_emails text NOT NULL DEFAULT '[]',
                byline_raw text,
                published timestamptz,
                updated timestamptz,
                fetched_at timestamptz NOT NULL,
                changed_at timestamptz NOT NULL,
                attribution text,
                lead_image text,
                description text,
                site_name text,
                language text,
                keywords text NOT NULL DEFAULT '[]',
                html text NOT NULL,
                text text NOT NULL,
                content_hash text NOT NULL CHECK (length(content_hash) = 64),
                fingerprint bytea NOT NULL,
                image_count integer NOT NULL DEFAULT 0 CHECK (image_count >= 0),
                extractor text NOT NULL,
                revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
                change_seq bigint NOT NULL UNIQUE CHECK (change_seq > 0),
                search tsvector NOT NULL
            );
            CREATE INDEX articles_source ON articles(source_id);
            CREATE INDEX articles_section_change ON articles(section, change_seq);
            CREATE INDEX articles_published ON articles((coalesce(published, fetched_at)));
            CREATE INDEX articles_content_hash ON articles(content_hash);
            CREATE INDEX articles_search ON articles USING gin (search);
            CREATE TABLE article_urls (
                url text PRIMARY KEY CHECK (length(url) > 0),
                seen_url text NOT NULL,
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                kind text NOT NULL CHECK (kind IN ('canonical', 'seen', 'original', 'feed', 'near-copy')),
                first_seen timestamptz NOT NULL
            );
            CREATE INDEX article_urls_article ON article_urls(article_id);
            CREATE TABLE article_bands (
                band integer NOT NULL,
                hash bigint NOT NULL,
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band, hash, article_id)
            );
            CREATE INDEX article_bands_article ON article_bands(article_id);
            CREATE TABLE feed_items (
                source_id text NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                item_id text NOT NULL,
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                first_seen timestamptz NOT NULL,
                PRIMARY KEY (source_id, item_id)
            );
            CREATE TABLE revisions (
                id bigserial PRIMARY KEY,
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                revision integer NOT NULL CHECK (revision >= 1),
                title text NOT NULL,
                section text NOT NULL,
                html text NOT NULL,
                text text NOT NULL,
                content_hash text NOT NULL,
                image_count integer NOT NULL,
                replaced_at timestamptz NOT NULL,
                changes text NOT NULL,
                UNIQUE (article_id, revision)
            );
            CREATE TABLE runs (
                id bigserial PRIMARY KEY,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                status text NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
                dry_run boolean NOT NULL DEFAULT false,
                sources_checked integer NOT NULL DEFAULT 0,
                articles_new integer NOT NULL DEFAULT 0,
                articles_linked integer NOT NULL DEFAULT 0,
                articles_skipped integer NOT NULL DEFAULT 0,
                errors integer NOT NULL DEFAULT 0
            );
            CREATE TABLE run_sources (
                run_id bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                source_id text NOT NULL REFERENCES sources(id) ON UPDATE CASCADE,
                status text NOT NULL CHECK (status IN ('ok', 'not_modified', 'failed', 'skipped')),
                items_seen integer NOT NULL DEFAULT 0,
                articles_new integer NOT NULL DEFAULT 0,
                articles_linked integer NOT NULL DEFAULT 0,
                articles_skipped integer NOT NULL DEFAULT 0,
                errors integer NOT NULL DEFAULT 0,
                error text,
                PRIMARY KEY (run_id, source_id)
            );
            CREATE TABLE run_errors (
                id bigserial PRIMARY KEY,
                run_id bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                source_id text,
                url text,
                stage text NOT NULL,
                message text NOT NULL,
                at timestamptz NOT NULL
            );
            CREATE INDEX run_errors_run ON run_errors(run_id);
            CREATE TABLE export_cursors (
                name text PRIMARY KEY CHECK (length(name) > 0),
                change_seq bigint NOT NULL CHECK (change_seq >= 0),
                updated_at timestamptz NOT NULL
            );
            CREATE TABLE entry_failures (
                source_id text NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                item_id text NOT NULL CHECK (length(item_id) > 0),
                url text NOT NULL,
                attempts integer NOT NULL CHECK (attempts > 0),
                permanent boolean NOT NULL DEFAULT false,
                stage text NOT NULL,
                error text NOT NULL,
                first_failed timestamptz NOT NULL,
                last_failed timestamptz NOT NULL,
                PRIMARY KEY (source_id, item_id)
            );
            """),
        // Many workers: a source is leased (`leased_by`, `lease_until`, `lease_token` bumped on every lease so a worker
        // whose lease was taken over cannot write with the old one); runs of workers send heartbeats; hosts carry the
        // shared politeness state (next allowed start, Retry-After) and `host_slots` the requests in flight, each with
        // an expiry so a killed worker's slots free themselves.
        ("v2-leases-hosts", """
            ALTER TABLE sources ADD COLUMN leased_by text, ADD COLUMN lease_until timestamptz,
                ADD COLUMN lease_token bigint NOT NULL DEFAULT 0;
            CREATE INDEX sources_due ON sources (next_due);
            ALTER TABLE runs ADD COLUMN heartbeat timestamptz, ADD COLUMN worker text;
            CREATE TABLE hosts (
                host text PRIMARY KEY,
                next_allowed timestamptz NOT NULL DEFAULT '-infinity',
                not_before timestamptz
            );
            CREATE TABLE host_slots (
                id bigserial PRIMARY KEY,
                host text NOT NULL REFERENCES hosts(host) ON DELETE CASCADE,
                worker text NOT NULL,
                until timestamptz NOT NULL
            );
            CREATE INDEX host_slots_host ON host_slots (host, until)
            """),
    ]

    static var names: [String] { migrations.map(\.name) }
}
