-- Resume tokens: issued to a client at a password login, they let it log back in after a dropped
-- connection without the password, and without paying a slow password hash for every reconnect.
-- Only the SHA-256 of each token is stored, so this table is no use to someone who reads it.

CREATE TABLE resumetoken (
    token_hash CHAR(64) NOT NULL,
    userid     INT      NOT NULL,
    expires_at DATETIME NOT NULL,
    PRIMARY KEY (token_hash),
    KEY resumetoken_userid (userid),
    CONSTRAINT resumetoken_user FOREIGN KEY (userid) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
