-- The prize list the committee published on the contest's public page (/c/<code>/giai-thuong): at most one per
-- contest, naming the confirmed snapshot it shows, so confirming a newer list changes nothing public until the
-- committee publishes again. Withdrawing deletes the row; the audit log keeps the history.
CREATE TABLE published_results (
    contest_id    bigint      PRIMARY KEY REFERENCES contests,
    snapshot_id   bigint      NOT NULL REFERENCES prize_snapshots,
    published_at  timestamptz NOT NULL DEFAULT now(),
    published_by  text        NOT NULL
);
