-- Every chat is stored before it is forwarded, so history can be paged back and nothing sent is lost.
-- See V1 for why the table options and collation are what they are.

CREATE TABLE chatmessage (
    id           BIGINT   NOT NULL AUTO_INCREMENT,
    sender_id    INT      NOT NULL,
    recipient_id INT      NULL,
    group_id     INT      NULL,
    -- TEXT holds 65,535 bytes: Limits.MAX_MESSAGE_CHARS code points take at most 16,000.
    body         TEXT     NOT NULL,
    sent_at      DATETIME NOT NULL,
    PRIMARY KEY (id),
    -- A conversation is read from either side, newest first.
    KEY chatmessage_sender (sender_id, recipient_id, id),
    KEY chatmessage_recipient (recipient_id, sender_id, id),
    KEY chatmessage_group (group_id, id),
    CONSTRAINT chatmessage_one_target
        CHECK ((recipient_id IS NULL AND group_id IS NOT NULL) OR (recipient_id IS NOT NULL AND group_id IS NULL)),
    CONSTRAINT chatmessage_sender_user FOREIGN KEY (sender_id) REFERENCES `user` (id),
    CONSTRAINT chatmessage_recipient_user FOREIGN KEY (recipient_id) REFERENCES `user` (id),
    CONSTRAINT chatmessage_group_allgroup FOREIGN KEY (group_id) REFERENCES allgroup (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
