-- The agency index holds each report's document and parse too, PostgreSQL dialect. Keep in step with
-- ../sqlite/0008_series_values.sql. The cross-year rules read every current report of a series (its years, and the
-- first stored report of each) at every batch that adds to it; a large series is read whole each time.
DROP INDEX parses_by_agency;
CREATE INDEX parses_by_agency ON parses (agency_id, year, document_id) INCLUDE (id) WHERE is_current;

-- (SQLite's value rows become one tree clustered by field in its 0008. PostgreSQL's stay a heap in insertion order,
-- report by report, with the primary key by parse and the index by field: a heap row goes in at the end whatever its
-- field, and a report's rows lie together for a series.)
