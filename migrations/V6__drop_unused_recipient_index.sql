-- Conversation history reads both directions through chatmessage_sender (sender_id, recipient_id, id) and a
-- user's received chats through chatmessage_recipient_id (recipient_id, id), which also serves the recipient's
-- foreign key; nothing reads chatmessage_recipient, and every stored chat paid for keeping it.
DROP INDEX chatmessage_recipient ON chatmessage;
