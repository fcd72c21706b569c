-- Narrow value rows, PostgreSQL dialect. Keep in step with ../sqlite/0004_narrow_values.sql.
-- A value row now holds what the answers read: the report's parse, the field (its number in `fields`), the value
-- and its confidence. Provenance (raw text, offsets, page and box, unit, note, alternatives) and the values of a
-- report's further tables are in the parse's OUTPUT.md document (parse_texts.document_json), which holds every
-- cell of every table; the answers read only the main table (table_no 0), so only its values are rows.
-- Columns in this order so that no padding is needed between them (8-byte ones first).

CREATE TABLE cell_values_narrow (
    parse_id   bigint           NOT NULL,
    confidence double precision NOT NULL,
    field_id   integer          NOT NULL,
    value      numeric                          -- NULL: a blank cell
);

INSERT INTO cell_values_narrow (parse_id, confidence, field_id, value)
SELECT parse_id, confidence, field_id, value FROM cell_values WHERE table_no = 0 ORDER BY parse_id, field_id;

DROP TABLE cell_values;
ALTER TABLE cell_values_narrow RENAME TO cell_values;
ALTER TABLE cell_values ADD CONSTRAINT cell_values_pkey PRIMARY KEY (parse_id, field_id);

-- One field across every report (stats, --where): read from this index alone.
CREATE INDEX cell_values_by_field ON cell_values (field_id, parse_id) INCLUDE (value);

-- Bytes, texts and documents are Brotli-compressed by ogi already: stored out of line as they are, not compressed
-- again by the server (which spent its time trying). Applies to rows written from now on.
ALTER TABLE document_contents ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE parse_texts ALTER COLUMN text SET STORAGE EXTERNAL, ALTER COLUMN document_json SET STORAGE EXTERNAL;
