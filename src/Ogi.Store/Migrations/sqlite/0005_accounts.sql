-- Accounts of the web application (Ogi.Web) and of `ogi user`, SQLite dialect. Keep in step with ../postgres/0005_accounts.sql.
-- Reading is public; writing needs a user. A user is never deleted (the register names who recorded what): disabled.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,           -- ASP.NET Core Identity's PasswordHasher (PBKDF2), never the password
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT    NOT NULL            -- UTC, ISO 8601
);

-- What an editor may write for: an agency (its series, merges included), or a place with everything below it in the
-- administrative tree (350100 福州市 covers 350128 平潭县 and its agencies). Exactly one of the two per row.
CREATE TABLE user_grants (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    agency_id   INTEGER REFERENCES agencies(id),
    place_code  TEXT,
    granted_at  TEXT    NOT NULL,
    CHECK ((agency_id IS NULL) <> (place_code IS NULL))
);
CREATE UNIQUE INDEX user_grants_agency ON user_grants (user_id, agency_id) WHERE agency_id IS NOT NULL;
CREATE UNIQUE INDEX user_grants_place ON user_grants (user_id, place_code) WHERE place_code IS NOT NULL;
