-- The contest engine's state. Everything a participant did is here; nothing lives only in memory.

CREATE TABLE contests (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    title       text        NOT NULL,
    config      jsonb       NOT NULL,           -- the resolved contest.yaml, for audit and other instances
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rounds (
    id          bigserial PRIMARY KEY,
    contest_id  bigint      NOT NULL REFERENCES contests,
    code        text        NOT NULL,
    name        text        NOT NULL,
    opens_at    timestamptz NOT NULL,
    closes_at   timestamptz NOT NULL,
    UNIQUE (contest_id, code),
    CHECK (opens_at < closes_at)
);

-- A fixed tree: departments, districts and their communes. headcount feeds the participation rate.
CREATE TABLE units (
    id          bigserial PRIMARY KEY,
    contest_id  bigint  NOT NULL REFERENCES contests,
    code        text    NOT NULL,
    name        text    NOT NULL,
    parent_id   bigint  REFERENCES units,
    headcount   integer NOT NULL DEFAULT 0 CHECK (headcount >= 0),
    sort_order  integer NOT NULL,
    UNIQUE (contest_id, code)
);

CREATE TABLE topics (
    id          bigserial PRIMARY KEY,
    contest_id  bigint NOT NULL REFERENCES contests,
    code        text   NOT NULL,
    name        text   NOT NULL,
    UNIQUE (contest_id, code)
);

CREATE TABLE questions (
    id            bigserial PRIMARY KEY,
    contest_id    bigint      NOT NULL REFERENCES contests,
    topic_id      bigint      NOT NULL REFERENCES topics,
    text          text        NOT NULL,
    explanation   text        NOT NULL DEFAULT '',
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_draw ON questions (contest_id, topic_id) WHERE active;

CREATE TABLE question_options (
    question_id bigint   NOT NULL REFERENCES questions ON DELETE CASCADE,
    position    smallint NOT NULL CHECK (position BETWEEN 0 AND 5),
    text        text     NOT NULL,
    correct     boolean  NOT NULL,
    PRIMARY KEY (question_id, position)
);
CREATE UNIQUE INDEX question_options_one_correct ON question_options (question_id) WHERE correct;

CREATE TABLE participants (
    id                  bigserial PRIMARY KEY,
    contest_id          bigint      NOT NULL REFERENCES contests,
    full_name           text        NOT NULL,
    birth_date          date        NOT NULL,
    phone               text        NOT NULL,
    id_number           text,
    group_no            smallint    NOT NULL CHECK (group_no IN (1, 2)),
    unit_id             bigint      NOT NULL REFERENCES units,
    referral_unit_id    bigint      REFERENCES units,    -- the unit whose link or QR code brought them
    registered_at       timestamptz NOT NULL,
    disqualified_at     timestamptz,
    disqualified_reason text,
    UNIQUE (contest_id, phone)
);
CREATE UNIQUE INDEX participants_id_number ON participants (contest_id, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX participants_unit ON participants (unit_id);

-- One chat on one channel. Several chats may lead to the same participant.
CREATE TABLE chat_accounts (
    id                bigserial PRIMARY KEY,
    contest_id        bigint      NOT NULL REFERENCES contests,
    channel           text        NOT NULL,
    external_id       text        NOT NULL,
    participant_id    bigint      REFERENCES participants,
    state             text        NOT NULL,
    draft             jsonb       NOT NULL DEFAULT '{}',   -- registration answers not yet confirmed
    referral_unit_id  bigint      REFERENCES units,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (contest_id, channel, external_id)
);

CREATE TABLE attempts (
    id               bigserial PRIMARY KEY,
    contest_id       bigint      NOT NULL REFERENCES contests,
    participant_id   bigint      NOT NULL REFERENCES participants,
    round_id         bigint      NOT NULL REFERENCES rounds,
    chat_account_id  bigint      NOT NULL REFERENCES chat_accounts,  -- where the paper is taken and its notices go
    group_no         smallint    NOT NULL,
    status           text        NOT NULL CHECK (status IN ('answering', 'predicting', 'finished')),
    question_count   integer     NOT NULL,
    current_position integer     NOT NULL DEFAULT 0,
    score            integer     NOT NULL DEFAULT 0,
    prediction       bigint,
    started_at       timestamptz NOT NULL,
    deadline_at      timestamptz NOT NULL,
    finished_at      timestamptz,
    finish_reason    text        CHECK (finish_reason IN ('completed', 'timeout')),
    duration_ms      bigint,
    CHECK ((status = 'finished') = (finished_at IS NOT NULL))
);
-- One open paper per person, whatever the channel.
CREATE UNIQUE INDEX attempts_one_open ON attempts (participant_id) WHERE status <> 'finished';
CREATE INDEX attempts_expiring ON attempts (deadline_at) WHERE status <> 'finished';
CREATE INDEX attempts_ranking ON attempts (round_id, group_no, participant_id) WHERE status = 'finished';
CREATE INDEX attempts_participant ON attempts (participant_id, started_at);

-- What was asked, as it was at draw time: later bank edits never change a graded paper.
CREATE TABLE attempt_questions (
    attempt_id     bigint      NOT NULL REFERENCES attempts,
    position       integer     NOT NULL,
    question_id    bigint      NOT NULL REFERENCES questions,
    text           text        NOT NULL,
    options        text[]      NOT NULL,               -- in the order shown to this participant
    correct_index  smallint    NOT NULL,
    explanation    text        NOT NULL,
    chosen_index   smallint,
    answered_at    timestamptz,
    PRIMARY KEY (attempt_id, position)
);

-- Platform event ids already handled: a redelivered event is acknowledged and ignored.
CREATE TABLE inbound_events (
    channel      text        NOT NULL,
    event_id     text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, event_id)
);

-- Replies, written in the same transaction as the state change that caused them.
CREATE TABLE outbox (
    id               bigserial PRIMARY KEY,
    channel          text        NOT NULL,
    chat_id          text        NOT NULL,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    tries            integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_chat ON outbox (channel, chat_id, id);
