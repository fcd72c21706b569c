-- The disclosure office's register (Ogi.Office), SQLite dialect. Keep in step with ../postgres/0003_register.sql.
-- An application is a number and the events recorded on it; its state is what its events say, in order. Events are
-- only ever added: an UPDATE or DELETE is refused by the triggers below, so the register is its own audit trail.

CREATE TABLE register_applications (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    reference   TEXT    NOT NULL,               -- the office's own number for the application (申请编号)
    UNIQUE (agency_id, reference)
);

CREATE TABLE register_events (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES register_applications(id),
    kind           TEXT    NOT NULL,            -- received, supplement_requested, supplement_received, consultation_started, …
    on_date        TEXT    NOT NULL,            -- yyyy-mm-dd: the day it happened, as the office records it
    data           TEXT    NOT NULL,            -- JSON: what the event says (applicant type, outcome, case…)
    recorded_by    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL             -- UTC, ISO 8601: when it was entered
);
CREATE INDEX register_events_by_application ON register_events (application_id, id);

CREATE TRIGGER register_events_no_update BEFORE UPDATE ON register_events
BEGIN SELECT RAISE(ABORT, 'the register keeps every event: record a correction instead'); END;
CREATE TRIGGER register_events_no_delete BEFORE DELETE ON register_events
BEGIN SELECT RAISE(ABORT, 'the register keeps every event: record a correction instead'); END;
