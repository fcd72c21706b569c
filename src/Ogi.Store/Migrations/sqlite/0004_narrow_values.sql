-- Narrow value rows, SQLite dialect. Keep in step with ../postgres/0004_narrow_values.sql.
-- A value row now holds what the answers read: the report's parse, the field (its number in `fields`), the value
-- and its confidence. Provenance (raw text, offsets, page and box, unit, note, alternatives) and the values of a
-- report's further tables are in the parse's OUTPUT.md document (parse_texts.document_json), which holds every
-- cell of every table; the answers read only the main table (table_no 0), so only its values are rows.
-- Writing 130 rows of 4 columns instead of 13 per report is most of what ingest's writer spends.

CREATE TABLE cell_values_narrow (
    parse_id   INTEGER NOT NULL,
    field_id   INTEGER NOT NULL,
    value      NUMERIC,                         -- NULL: a blank cell
    confidence REAL    NOT NULL,
    PRIMARY KEY (parse_id, field_id)
) WITHOUT ROWID;

INSERT INTO cell_values_narrow (parse_id, field_id, value, confidence)
SELECT parse_id, field_id, value, confidence FROM cell_values WHERE table_no = 0 ORDER BY parse_id, field_id;

DROP TABLE cell_values;
ALTER TABLE cell_values_narrow RENAME TO cell_values;

-- One field across every report (stats, --where): read from this index alone.
CREATE INDEX cell_values_by_field ON cell_values (field_id, parse_id, value);
