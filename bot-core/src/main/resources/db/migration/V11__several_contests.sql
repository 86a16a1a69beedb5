-- Several contests in one database: the province's one OA, bot and address serve every contest of its year.
DROP INDEX IF EXISTS contests_only_one;

-- A chat has a row per contest it has taken part in; the focused one is where its messages go now
-- ("cuộc thi khác" or a start link naming another contest moves the focus). Before this there was one contest,
-- so every existing row is its chat's focus.
ALTER TABLE chat_accounts ADD COLUMN focused boolean NOT NULL DEFAULT true;
CREATE UNIQUE INDEX chat_accounts_one_focus ON chat_accounts (channel, external_id) WHERE focused;

