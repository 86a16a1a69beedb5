-- The platform's id of the message a delivered row is showing as (Telegram's message_id). A tap on the chat's newest
-- message may then be answered by changing that message in place: one Bot API call instead of an edit and a new one.
ALTER TABLE outbox ADD COLUMN platform_ref text;
