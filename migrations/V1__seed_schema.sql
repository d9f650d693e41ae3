-- The seed's five tables, keeping their names and meanings, with the original's defects fixed:
-- every text column is utf8mb4 (the seed mixed latin1 and utf8, so emoji and Chinese were mangled),
-- friend and groupuser rows are unique, and references are foreign keys.
--
-- This file runs unchanged on MariaDB/MySQL and on H2 in MODE=MySQL, which accepts and ignores the
-- ENGINE/CHARSET/COLLATE options.
--
-- utf8mb4_bin because names are identifiers compared exactly, as H2 compares them: utf8mb4_general_ci
-- and utf8mb4_unicode_ci treat every emoji as equal to every other, so '😀' and '😁' would collide.
--
-- VARCHAR lengths are twice the code-point limits in chat.core.Limits, because H2 counts UTF-16 units
-- where MariaDB counts characters.

CREATE TABLE `user` (
    id       INT          NOT NULL AUTO_INCREMENT,
    name     VARCHAR(64)  NOT NULL,
    -- A PasswordHasher string (pbkdf2-sha256$iterations$salt$hash), never the password itself.
    password VARCHAR(255) NOT NULL,
    -- Kept only so the schema stays compatible with the seed's. Presence lives in memory and Redis;
    -- the server never reads or writes this column, so a crash can no longer leave a user stuck 'online'.
    state    ENUM('online', 'offline') NOT NULL DEFAULT 'offline',
    PRIMARY KEY (id),
    CONSTRAINT user_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Friendship is mutual and stored as two rows, one per direction.
CREATE TABLE friend (
    userid   INT NOT NULL,
    friendid INT NOT NULL,
    PRIMARY KEY (userid, friendid),
    KEY friend_friendid (friendid),
    CONSTRAINT friend_user FOREIGN KEY (userid) REFERENCES `user` (id),
    CONSTRAINT friend_friend FOREIGN KEY (friendid) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE allgroup (
    id        INT          NOT NULL AUTO_INCREMENT,
    groupname VARCHAR(128) NOT NULL,
    groupdesc VARCHAR(400) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    CONSTRAINT allgroup_groupname UNIQUE (groupname)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE groupuser (
    groupid   INT NOT NULL,
    userid    INT NOT NULL,
    grouprole ENUM('creator', 'normal') NOT NULL,
    PRIMARY KEY (groupid, userid),
    -- For the groups of a user, which every login reads.
    KEY groupuser_userid (userid),
    CONSTRAINT groupuser_group FOREIGN KEY (groupid) REFERENCES allgroup (id),
    CONSTRAINT groupuser_user FOREIGN KEY (userid) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The id lets a login delete exactly the messages it delivered and none stored meanwhile.
CREATE TABLE offlinemessage (
    id      BIGINT     NOT NULL AUTO_INCREMENT,
    userid  INT        NOT NULL,
    -- MEDIUMTEXT: a whole frame may reach Limits.MAX_FRAME_BYTES (64 KiB), one byte more than TEXT holds.
    message MEDIUMTEXT NOT NULL,
    PRIMARY KEY (id),
    KEY offlinemessage_userid (userid, id),
    CONSTRAINT offlinemessage_user FOREIGN KEY (userid) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
