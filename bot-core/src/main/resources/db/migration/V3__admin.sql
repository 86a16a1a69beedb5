-- The committee's admin web: accounts, sessions, login throttling, the audit log and frozen prize lists.

CREATE TABLE admin_users (
    id             bigserial   PRIMARY KEY,
    username       text        NOT NULL UNIQUE,
    password_hash  text        NOT NULL,          -- bcrypt
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'SECRETARY', 'DRAFTER', 'VIEWER')),
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_sessions (
    id_hash      text        PRIMARY KEY,         -- SHA-256 of the cookie's secret
    user_id      bigint      NOT NULL REFERENCES admin_users,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);

CREATE TABLE admin_login_failures (
    username   text        NOT NULL,
    ip         text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_login_failures_recent ON admin_login_failures (username, at);

-- Who changed what, when, with the state before and after.
CREATE TABLE audit_log (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    user_id   bigint      REFERENCES admin_users,
    username  text        NOT NULL,
    action    text        NOT NULL,
    target    text        NOT NULL,
    before    jsonb,
    after     jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- A confirmed prize list: an immutable copy of the proposal as it was when the secretariat confirmed it.
CREATE TABLE prize_snapshots (
    id            bigserial   PRIMARY KEY,
    contest_id    bigint      NOT NULL REFERENCES contests,
    round_id      bigint      REFERENCES rounds,
    confirmed_at  timestamptz NOT NULL DEFAULT now(),
    confirmed_by  text        NOT NULL,
    entries       jsonb       NOT NULL
);

-- The dashboard counts finished papers by day and participants by unit.
CREATE INDEX attempts_finished_at ON attempts (contest_id, finished_at) WHERE status = 'finished';
CREATE INDEX participants_contest_registered ON participants (contest_id, registered_at);
