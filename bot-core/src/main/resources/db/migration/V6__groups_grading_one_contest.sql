-- Participant groups come from the contest file (groups[]), not from the schema.
ALTER TABLE participants DROP CONSTRAINT IF EXISTS participants_group_no_check;
ALTER TABLE participants ADD CONSTRAINT participants_group_no_range CHECK (group_no BETWEEN 1 AND 99);

-- Whether each answer was right, decided when it was recorded; a paper's score is the count of these.
ALTER TABLE attempt_questions ADD COLUMN correct boolean;
UPDATE attempt_questions SET correct = (chosen_index = correct_index) WHERE chosen_index IS NOT NULL;
ALTER TABLE attempt_questions ADD CONSTRAINT attempt_questions_graded CHECK ((chosen_index IS NULL) = (correct IS NULL));

-- One contest per database: the sweeper, the outbox, the Telegram poller's lock and the Zalo token store
-- serve the whole database, so a second contest is refused at start (ContestStore.install says why).
CREATE UNIQUE INDEX contests_only_one ON contests ((true));
