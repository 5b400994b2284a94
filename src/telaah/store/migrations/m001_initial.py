"""The first schema: articles (raw input, analysis, annotations), stories with their derived
data and dossier, statements, entities across stories, the grouping state, the search index."""

VERSION = 1
NAME = "initial"

STATEMENTS = {
    "sqlite": [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_date TEXT,
            last_date TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0,
            n_sources INTEGER NOT NULL DEFAULT 0,
            n_disputes INTEGER NOT NULL DEFAULT 0,
            n_conflicts INTEGER NOT NULL DEFAULT 0,
            summary TEXT, disputes TEXT, conflicts TEXT, timeline TEXT,
            dossier TEXT,
            stale INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX stories_last_date ON stories (last_date)",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            story_id TEXT REFERENCES stories (id) ON DELETE SET NULL,
            content_hash TEXT NOT NULL,
            url TEXT,
            source TEXT,
            title TEXT,
            published TEXT,
            outlet TEXT,
            raw_kind TEXT NOT NULL,
            raw BLOB,
            input TEXT NOT NULL,
            analysed BLOB,
            analysed_version TEXT,
            annotations TEXT,
            ingested_at TEXT NOT NULL)""",
        "CREATE INDEX articles_hash ON articles (content_hash)",
        "CREATE INDEX articles_url ON articles (url)",
        "CREATE INDEX articles_story ON articles (story_id)",
        """CREATE TABLE entities (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]')""",
        """CREATE TABLE entity_names (
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            key TEXT NOT NULL REFERENCES entities (key) ON DELETE CASCADE,
            PRIMARY KEY (name, type))""",
        """CREATE TABLE story_entities (
            story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            entity_key TEXT NOT NULL REFERENCES entities (key),
            n_mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (story_id, local_id))""",
        "CREATE INDEX story_entities_key ON story_entities (entity_key)",
        """CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            sentence_id TEXT,
            entity_key TEXT REFERENCES entities (key),
            speaker TEXT,
            published TEXT,
            duplicate INTEGER NOT NULL DEFAULT 0,
            quote TEXT NOT NULL)""",
        "CREATE INDEX statements_entity ON statements (entity_key, published)",
        "CREATE INDEX statements_story ON statements (story_id)",
        """CREATE TABLE grouper (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version TEXT NOT NULL,
            state BLOB NOT NULL,
            clusters TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE VIRTUAL TABLE search USING fts5 (
            title, body, speaker,
            kind UNINDEXED, article_id UNINDEXED, sentence_id UNINDEXED, quote_id UNINDEXED,
            story_id UNINDEXED, published UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2')""",
    ],
}
