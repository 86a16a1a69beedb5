-- The dispatcher claims a row only when no earlier row of its chat still waits. Through outbox_chat that check
-- walked every earlier row of the chat, delivered ones included, so a Telegram backlog made each claim slower as
-- the chat's history grew. The waiting rows alone are few.
CREATE INDEX outbox_chat_waiting ON outbox (channel, chat_id, id) WHERE status IN ('pending', 'sending');
