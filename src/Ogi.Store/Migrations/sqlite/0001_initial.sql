-- The corpus database, SQLite dialect. Keep in step with ../postgres/0001_initial.sql: same tables, same columns.

-- One row per distinct file content (its SHA-256). Its bytes are in document_contents.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT    NOT NULL UNIQUE,
    file_name   TEXT    NOT NULL,
    origin      TEXT    NOT NULL,               -- the path it was ingested from (archive.zip!entry inside a ZIP)
    size        INTEGER NOT NULL,
    ingested_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The bytes of a document, Brotli-compressed, so a later parser can read them again. Apart from documents, so
-- that reading many documents' names and parses does not read their bytes.
CREATE TABLE document_contents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    content     BLOB NOT NULL
);

-- A reporting body. series_key is what the placer says identifies it across years and renamings; a user's
-- correction (corrected) or merge (merged_into) is kept here, so a reparse that places the name again finds it.
CREATE TABLE agencies (
    id            INTEGER PRIMARY KEY,
    series_key    TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    division_code TEXT,
    level         TEXT,
    is_department INTEGER NOT NULL DEFAULT 0,
    department    TEXT,
    evidence      TEXT,
    corrected     INTEGER NOT NULL DEFAULT 0,
    merged_into   INTEGER REFERENCES agencies(id)
);

CREATE INDEX agencies_merged ON agencies (merged_into) WHERE merged_into IS NOT NULL;

-- Every parse of a document is kept; the newest is current (one current parse per document).
CREATE TABLE parses (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    version        INTEGER NOT NULL,
    is_current     INTEGER NOT NULL,
    parser_version TEXT    NOT NULL,
    parsed_at      TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    template       TEXT    NOT NULL,
    title          TEXT,
    agency_printed TEXT,
    year           INTEGER,
    published      TEXT,                        -- yyyy-mm-dd
    agency_id      INTEGER REFERENCES agencies(id),
    UNIQUE (document_id, version)
);
CREATE UNIQUE INDEX parses_current ON parses (document_id) WHERE is_current;
CREATE INDEX parses_by_agency ON parses (agency_id, year) WHERE is_current;

-- A parse's decoded text (the one cell offsets point into) and its OUTPUT.md document, Brotli-compressed; apart
-- from parses for the same reason.
CREATE TABLE parse_texts (
    parse_id      INTEGER PRIMARY KEY REFERENCES parses(id),
    text          BLOB NOT NULL,
    document_json BLOB NOT NULL
);

-- Canonical field names (FIELDS.md), numbered once: a value row holds a small number instead of the name.
CREATE TABLE fields (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Every value of every table of a parse, with provenance. table_no 0 is the main table.
CREATE TABLE cell_values (
    parse_id     INTEGER NOT NULL,
    table_no     INTEGER NOT NULL,
    field_id     INTEGER NOT NULL,
    value        NUMERIC,                       -- NULL: a blank cell
    raw          TEXT    NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    confidence   REAL    NOT NULL,
    unit         TEXT,
    note         TEXT,
    approximate  INTEGER NOT NULL,
    glued        INTEGER NOT NULL,
    alternatives TEXT,                          -- JSON array of other readings
    PRIMARY KEY (parse_id, table_no, field_id)
) WITHOUT ROWID;

-- One field across every report (stats): read from this index alone.
CREATE INDEX cell_values_by_field ON cell_values (field_id, table_no, parse_id, value);

-- Findings of a parse: the engine's, and the cross-year ones (X1–X3) the store computes over the series.
CREATE TABLE findings (
    id                  INTEGER PRIMARY KEY,
    parse_id            INTEGER NOT NULL,
    rule                TEXT    NOT NULL,
    severity            TEXT    NOT NULL,
    message             TEXT    NOT NULL,
    message_en          TEXT,
    fields              TEXT    NOT NULL,       -- comma-separated canonical fields, '' for none
    related_document_id INTEGER,                -- X1–X3: the earlier report of the series
    cross_year          INTEGER NOT NULL DEFAULT 0,
    evidence            TEXT    NOT NULL        -- the values the finding stands on; a review holds while they are the same
);
CREATE INDEX findings_by_parse ON findings (parse_id);
CREATE INDEX findings_by_rule ON findings (rule, parse_id);

-- A user's decision on a finding, by what the finding is (document, rule, fields, related report), not by its row,
-- so it outlives reparses; stale when the current finding's evidence differs or the finding is gone.
CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY,
    document_id         INTEGER NOT NULL REFERENCES documents(id),
    rule                TEXT    NOT NULL,
    fields              TEXT    NOT NULL,
    related_document_id INTEGER NOT NULL DEFAULT 0,
    evidence            TEXT    NOT NULL,
    decision            TEXT    NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
    note                TEXT,
    reviewed_at         TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (document_id, rule, fields, related_document_id)
);

-- Files that could not be read (sha256 NULL when not even their bytes could be).
CREATE TABLE ingest_failures (
    id        INTEGER PRIMARY KEY,
    origin    TEXT NOT NULL,
    sha256    TEXT,
    reason    TEXT NOT NULL,
    failed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
