-- Delivery by cursor. What a user has not yet received is every chat for them after their cursor, read
-- from chatmessage, instead of a copy of each undelivered chat in offlinemessage: a chat that a node took
-- and then lost (kill -9) is still after the cursor, so it is never lost. Message ids grow with time (see
-- MessageIds), which is what makes a position meaningful. Every user has a row from registration on.
CREATE TABLE delivery_cursor (
    userid INT    NOT NULL,
    mid    BIGINT NOT NULL,
    PRIMARY KEY (userid),
    CONSTRAINT delivery_cursor_user FOREIGN KEY (userid) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Everyone who is a user now starts at the newest chat: what they have not received yet is still in
-- offlinemessage, and V5 moves those cursors back to the first chat waiting there.
INSERT INTO delivery_cursor (userid, mid) SELECT u.id, COALESCE((SELECT MAX(c.id) FROM chatmessage c), 0) FROM `user` u;

-- A group's chats are a member's from the moment they joined, not from the group's start.
ALTER TABLE groupuser ADD COLUMN joined_mid BIGINT NOT NULL DEFAULT 0;

-- A user's one-to-one chats after a cursor, in order.
CREATE INDEX chatmessage_recipient_id ON chatmessage (recipient_id, id);
