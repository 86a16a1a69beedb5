-- Announcements from the committee to every participant of a channel, delivered through the outbox.
CREATE TABLE broadcasts (
    id          bigserial   PRIMARY KEY,
    contest_id  bigint      NOT NULL REFERENCES contests,
    channel     text        NOT NULL,
    text        text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    recipients  integer     NOT NULL
);
ALTER TABLE outbox ADD COLUMN broadcast_id bigint REFERENCES broadcasts;
CREATE INDEX outbox_broadcast ON outbox (broadcast_id, status) WHERE broadcast_id IS NOT NULL;
-- The dispatcher takes conversation replies before broadcast rows: a big announcement never slows a paper.
CREATE INDEX outbox_due_first ON outbox (channel, (broadcast_id IS NOT NULL), id) WHERE status IN ('pending', 'sending');
