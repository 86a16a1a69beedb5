-- The committee per contest: a department's secretary sees only its own contest. Quản trị (role ADMIN) opens
-- every contest; any other account opens the contests it is granted, with its role in each.
CREATE TABLE admin_grants (
    user_id    bigint NOT NULL REFERENCES admin_users,
    contest_id bigint NOT NULL REFERENCES contests,
    role       text   NOT NULL CHECK (role IN ('SECRETARY', 'DRAFTER', 'VIEWER')),
    PRIMARY KEY (user_id, contest_id)
);
-- The accounts from before served the one contest there was, in their role.
INSERT INTO admin_grants (user_id, contest_id, role)
SELECT u.id, c.id, u.role FROM admin_users u CROSS JOIN contests c WHERE u.role <> 'ADMIN';

-- The contest a session is looking at (the switcher in the top bar).
ALTER TABLE admin_sessions ADD COLUMN contest_id bigint REFERENCES contests;
-- Each change belongs to the contest it was made in (null: an account's own business, such as a login).
ALTER TABLE audit_log ADD COLUMN contest_id bigint REFERENCES contests;
CREATE INDEX audit_log_contest ON audit_log (contest_id, id DESC);
