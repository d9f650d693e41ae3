-- The embedded store (SQLite) began at schema version 6: this file builds in one step what V1-V6 in the
-- directory above build on MySQL/MariaDB (and on H2, the embedded store before it), so the next change is a V7
-- in both places. The tables, columns and indexes are the same; only the dialect differs:
--   * INTEGER PRIMARY KEY is SQLite's row id, so user and group ids are assigned as AUTO_INCREMENT does, and
--     chats, whose ids MessageIds gives in rising order, are appended at the end of the table.
--   * SQLite does not enforce a declared length or ENUM, so CHECKs do, with MySQL's limits (characters).
--   * Times are stored as sqlite-jdbc stores a timestamp: milliseconds since the epoch of the server's time zone.
--   * Text compares byte by byte (BINARY), as utf8mb4_bin does on MySQL/MariaDB.

CREATE TABLE "user" (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT    NOT NULL CHECK (length(name) <= 64),
    -- A PasswordHasher string (pbkdf2-sha256$iterations$salt$hash), never the password itself.
    password TEXT    NOT NULL CHECK (length(password) <= 255),
    -- Kept, as on MySQL, only so the schema stays the seed's; the server never reads or writes it.
    state    TEXT    NOT NULL DEFAULT 'offline' CHECK (state IN ('online', 'offline')),
    CONSTRAINT user_name UNIQUE (name)
);

-- Friendship is mutual and stored as two rows, one per direction.
CREATE TABLE friend (
    userid   INTEGER NOT NULL REFERENCES "user" (id),
    friendid INTEGER NOT NULL REFERENCES "user" (id),
    PRIMARY KEY (userid, friendid)
);
CREATE INDEX friend_friendid ON friend (friendid);

CREATE TABLE allgroup (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    groupname TEXT    NOT NULL CHECK (length(groupname) <= 128),
    groupdesc TEXT    NOT NULL DEFAULT '' CHECK (length(groupdesc) <= 400),
    CONSTRAINT allgroup_groupname UNIQUE (groupname)
);

CREATE TABLE groupuser (
    groupid    INTEGER NOT NULL REFERENCES allgroup (id),
    userid     INTEGER NOT NULL REFERENCES "user" (id),
    grouprole  TEXT    NOT NULL CHECK (grouprole IN ('creator', 'normal')),
    -- A group's chats are a member's from the moment they joined, not from the group's start.
    joined_mid INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (groupid, userid)
);
-- For the groups of a user, which every login reads.
CREATE INDEX groupuser_userid ON groupuser (userid);

CREATE TABLE chatmessage (
    id           INTEGER PRIMARY KEY,
    sender_id    INTEGER NOT NULL REFERENCES "user" (id),
    recipient_id INTEGER NULL REFERENCES "user" (id),
    group_id     INTEGER NULL REFERENCES allgroup (id),
    body         TEXT    NOT NULL,
    sent_at      INTEGER NOT NULL,
    CONSTRAINT chatmessage_one_target
        CHECK ((recipient_id IS NULL AND group_id IS NOT NULL) OR (recipient_id IS NOT NULL AND group_id IS NULL))
);
-- A conversation is read from either side, newest first.
CREATE INDEX chatmessage_sender ON chatmessage (sender_id, recipient_id, id);
CREATE INDEX chatmessage_group ON chatmessage (group_id, id);
-- A user's one-to-one chats after a cursor, in order.
CREATE INDEX chatmessage_recipient_id ON chatmessage (recipient_id, id);

-- Resume tokens: only the SHA-256 of each token is stored, so this table is no use to someone who reads it.
CREATE TABLE resumetoken (
    token_hash TEXT    NOT NULL PRIMARY KEY CHECK (length(token_hash) <= 64),
    userid     INTEGER NOT NULL REFERENCES "user" (id),
    expires_at INTEGER NOT NULL
);
CREATE INDEX resumetoken_userid ON resumetoken (userid);

-- Delivery by cursor (see V4): what a user has not yet received is every chat for them after their cursor.
CREATE TABLE delivery_cursor (
    userid INTEGER NOT NULL PRIMARY KEY REFERENCES "user" (id),
    mid    INTEGER NOT NULL
);
