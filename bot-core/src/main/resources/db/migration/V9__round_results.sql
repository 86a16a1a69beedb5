-- Each person's papers that may count in a round, kept as papers finish (RoundResults), so the head of a
-- ranking is an index range scan instead of a sort of every paper. Under "best" a person keeps every paper
-- with their top score: which of those counts depends on the prediction's distance to the actual number of
-- participants, known only when ranking. Under "first" and "last" it is one paper.
CREATE TABLE round_results (
    round_id       bigint      NOT NULL REFERENCES rounds,
    participant_id bigint      NOT NULL REFERENCES participants,
    attempt_id     bigint      NOT NULL REFERENCES attempts ON DELETE CASCADE,
    group_no       smallint    NOT NULL,
    score          integer     NOT NULL,
    question_count integer     NOT NULL,
    prediction     bigint,
    duration_ms    bigint      NOT NULL,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz NOT NULL,
    PRIMARY KEY (round_id, participant_id, attempt_id)
);
-- The ranking key's first terms: a score level, then the predictions on either side of the actual number.
CREATE INDEX round_results_key ON round_results (round_id, group_no, score, prediction);

-- The policy round_results was built for; null (as now) makes the app build it at start.
ALTER TABLE contests ADD COLUMN results_counted text;

-- When the person first finished a paper: "took part" without looking through the papers (dashboard, units).
ALTER TABLE participants ADD COLUMN first_finished_at timestamptz;

-- Participation counted as it happens (ParticipationCounts), per day in the contest's time zone, group and unit,
-- so the dashboard sums a few thousand rows instead of counting every person and paper.
CREATE TABLE participation_counts (
    contest_id bigint   NOT NULL REFERENCES contests,
    day        date     NOT NULL,
    group_no   smallint NOT NULL,
    unit_id    bigint   NOT NULL REFERENCES units,
    registered bigint   NOT NULL DEFAULT 0,
    took_part  bigint   NOT NULL DEFAULT 0,  -- people whose first finished paper fell on that day
    papers     bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (contest_id, day, group_no, unit_id)
);
-- False (as now) makes the app count what is already there, at start.
ALTER TABLE contests ADD COLUMN counts_built boolean NOT NULL DEFAULT false;
-- People set aside (disqualified, merged) are few: the counts are corrected by them at read time.
CREATE INDEX participants_set_aside ON participants (contest_id) WHERE disqualified_at IS NOT NULL OR merged_into IS NOT NULL;
