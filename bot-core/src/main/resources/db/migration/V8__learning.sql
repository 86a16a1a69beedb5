-- Practice questions (the bank's "Dùng cho" column) are never drawn into a contest paper.
ALTER TABLE questions ADD COLUMN purpose text NOT NULL DEFAULT 'contest' CHECK (purpose IN ('contest', 'practice'));

-- Practice sets ("Luyện tập"): kept apart from attempts, so nothing the contest counts ever sees them.
CREATE TABLE practice_sets (
    id               bigserial   PRIMARY KEY,
    contest_id       bigint      NOT NULL REFERENCES contests,
    chat_account_id  bigint      NOT NULL REFERENCES chat_accounts ON DELETE CASCADE,
    participant_id   bigint      NOT NULL REFERENCES participants,
    question_ids     bigint[]    NOT NULL,
    position         smallint    NOT NULL DEFAULT 0,
    correct          smallint    NOT NULL DEFAULT 0,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
CREATE UNIQUE INDEX practice_sets_open ON practice_sets (chat_account_id) WHERE finished_at IS NULL;
CREATE INDEX practice_sets_started ON practice_sets (contest_id, started_at);

-- Reminders are opt-in per chat. Zalo lets an OA write only to people who wrote within 7 days, so the chat
-- remembers when it last wrote (refreshed at most hourly: an older reading only makes the window look shorter).
-- Unknown for chats from before: they count as outside the window until they write again (updated_at also
-- moves on the bot's own writes, so it would overstate the window).
ALTER TABLE chat_accounts ADD COLUMN reminders boolean NOT NULL DEFAULT false;
ALTER TABLE chat_accounts ADD COLUMN last_inbound_at timestamptz;

-- A reminder is a broadcast the app makes itself: once per round, lead time and channel, with those it skipped.
ALTER TABLE broadcasts ADD COLUMN reminder_key text UNIQUE;
ALTER TABLE broadcasts ADD COLUMN skipped integer NOT NULL DEFAULT 0;
