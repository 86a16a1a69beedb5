-- One verified person, one entry.

-- How the phone was vouched for: the channel whose platform vouched for it ('telegram': a contact whose user
-- id is the sender; 'zalo': shared info), 'web_code' (a one-time code through ZNS), 'committee' (confirmed by
-- a phone call); NULL: only typed.
ALTER TABLE participants ADD COLUMN phone_verified_via text;
ALTER TABLE participants ADD COLUMN phone_verified_at timestamptz;
-- A typed phone that a verified owner later claimed: kept, shown to the committee, out of the prize list
-- until resolved ('merged' into the verified record, 'kept_apart', or 'disqualified').
ALTER TABLE participants ADD COLUMN disputed_at timestamptz;
ALTER TABLE participants ADD COLUMN disputed_by bigint REFERENCES participants;
ALTER TABLE participants ADD COLUMN dispute_resolution text CHECK (dispute_resolution IN ('merged', 'kept_apart', 'disqualified'));
ALTER TABLE participants ADD COLUMN merged_into bigint REFERENCES participants;
-- The client address a registration came from (web), for the committee's anomaly page.
ALTER TABLE participants ADD COLUMN registered_from text;


-- A disputed record keeps its phone; the verified owner may hold the same number.
ALTER TABLE participants DROP CONSTRAINT participants_contest_id_phone_key;
CREATE UNIQUE INDEX participants_phone ON participants (contest_id, phone) WHERE disputed_at IS NULL;
CREATE INDEX participants_disputed ON participants (contest_id) WHERE disputed_at IS NOT NULL AND dispute_resolution IS NULL;

-- One-time codes sent to a typed phone on the web: only a hash is kept.
CREATE TABLE phone_codes (
    id               bigserial   PRIMARY KEY,
    chat_account_id  bigint      NOT NULL REFERENCES chat_accounts ON DELETE CASCADE,
    phone            text        NOT NULL,
    code_hash        text        NOT NULL,
    tries            integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz
);
CREATE INDEX phone_codes_phone ON phone_codes (phone, created_at);
CREATE INDEX phone_codes_chat ON phone_codes (chat_account_id, created_at);

-- Questions may be meant for one round only (the bank's "Vòng" column); NULL: any round.
ALTER TABLE questions ADD COLUMN round_code text;

-- With keys shown round by round, a question whose key a closed round has shown is not drawn again.
CREATE TABLE shown_keys (
    question_id bigint PRIMARY KEY REFERENCES questions,
    round_id    bigint NOT NULL REFERENCES rounds
);
ALTER TABLE rounds ADD COLUMN keys_recorded boolean NOT NULL DEFAULT false;

-- Likewise for the ID number: a disputed record keeps it, and the verified owner may register with it.
DROP INDEX participants_id_number;
CREATE UNIQUE INDEX participants_id_number ON participants (contest_id, id_number)
    WHERE id_number IS NOT NULL AND disputed_at IS NULL;

-- Keys every instance shares (the web chat's cookie signature), made once at the first start.
CREATE TABLE app_keys (
    name text  PRIMARY KEY,
    key  bytea NOT NULL
);

-- Login attempts are written before the password is checked, and forgotten one by one when they succeed.
ALTER TABLE admin_login_failures ADD COLUMN id bigserial PRIMARY KEY;
CREATE INDEX admin_login_failures_address ON admin_login_failures (ip, at);
