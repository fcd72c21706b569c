-- The agency index holds each report's document too, SQLite dialect. Keep in step with ../postgres/0008_series_values.sql.
-- The cross-year rules read every current report of a series (its years, and the first stored report of each) at
-- every batch that adds to it; a large series is read whole each time. With the document in the index (the parse's
-- id is the row id) that read is the index's alone, not a lookup in parses per report.
DROP INDEX parses_by_agency;
CREATE INDEX parses_by_agency ON parses (agency_id, year, document_id) WHERE is_current;

-- Value rows in one tree, clustered by field: (field, parse) → value, confidence. Until now they were a table by
-- parse and an index by field (field, parse, value) beside it, and every value row of an ingest went into both. The
-- by-field tree is the one the answers need fast (stats, the dashboard, --where: one field across every report); a
-- report's own values (its page, a series, compare, export) are read from it field by field (a seek per field of the
-- catalogue, fields outermost: `fields f CROSS JOIN cell_values v`). Measured at 100,000 reports: the writing of
-- value rows costs about 40% less.
CREATE TABLE cell_values_clustered (
    field_id   INTEGER NOT NULL,
    parse_id   INTEGER NOT NULL,
    value      NUMERIC,                         -- NULL: a blank cell
    confidence REAL    NOT NULL,
    PRIMARY KEY (field_id, parse_id)
) WITHOUT ROWID;

INSERT INTO cell_values_clustered (field_id, parse_id, value, confidence)
SELECT field_id, parse_id, value, confidence FROM cell_values ORDER BY field_id, parse_id;

DROP TABLE cell_values;
ALTER TABLE cell_values_clustered RENAME TO cell_values;
