-- A report's values as one row, PostgreSQL only (SQLite keeps its value rows: one tree clustered by field, 0008).
-- A row per value cost PostgreSQL more than parsing the report did: some 130 heap tuples and as many entries in each
-- of two B-trees per report, the index by field taking inserts at some 130 places at once (measured on 5,000
-- synthetic reports: the index alone was half of the server's CPU time; at 100,000 reports the server's time was
-- 0.69 of parsing's). Now one row per parse holds arrays subscripted by the field's number in `fields`:
--   field_values[id]  the value, NULL for a blank cell (or a field the report does not have);
--   confidences[id]   the confidence, NULL exactly where the report has no such field — so a blank cell and an
--                     absent field stay apart, as they were with rows.
-- Arrays end at the report's highest field number; a subscript past the end is NULL in PostgreSQL.
-- One field of every report (stats, --where) is a subscript of each row; every value of a report, an unnest.
-- Values are double precision, as SQLite holds them (REAL, or INTEGER when whole): a count or an amount of up to 15
-- significant digits reads back exactly; a fixed-width array is subscripted some three times faster than numeric[].
-- A row (2–5 KB) stays in its page uncompressed: compressing and decompressing it on every write and every stats
-- read cost more than the space it saves.
CREATE TABLE parse_values (
    parse_id     bigint PRIMARY KEY REFERENCES parses(id),
    field_values double precision[] NOT NULL,
    confidences  double precision[] NOT NULL
) WITH (toast_tuple_target = 8160);

INSERT INTO parse_values (parse_id, field_values, confidences)
SELECT r.parse_id, array_agg(CAST(v.value AS double precision) ORDER BY g.id), array_agg(v.confidence ORDER BY g.id)
FROM (SELECT parse_id, max(field_id) AS last FROM cell_values GROUP BY parse_id) r
CROSS JOIN LATERAL generate_series(1, r.last) AS g(id)
LEFT JOIN cell_values v ON v.parse_id = r.parse_id AND v.field_id = g.id
GROUP BY r.parse_id;

DROP TABLE cell_values;

-- The rows as they were, for reading by hand (psql, a report writer's own SQL): one per value of a report.
CREATE VIEW cell_values AS
SELECT v.parse_id, u.confidence, CAST(u.field_id AS integer) AS field_id, u.value
FROM parse_values v
CROSS JOIN LATERAL unnest(v.field_values, v.confidences) WITH ORDINALITY AS u(value, confidence, field_id)
WHERE u.confidence IS NOT NULL;
