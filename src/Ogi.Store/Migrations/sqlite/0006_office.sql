-- The disclosure office (Ogi.Office), SQLite dialect. Keep in step with ../postgres/0006_office.sql.
-- An agency's sub-units: a department or township reports to the district or city whose summary report (ogi rollup)
-- adds up theirs. The link is the office's (ogi agency set … --parent), never made by ingest, and kept across reparse.
ALTER TABLE agencies ADD COLUMN parent_id INTEGER REFERENCES agencies(id);
CREATE INDEX agencies_parent ON agencies (parent_id) WHERE parent_id IS NOT NULL;
