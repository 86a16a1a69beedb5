-- A message the platform refused for now on the sending side (the OA's quota, package or balance; a night-time
-- ban) is kept and tried again, never given up on for that; held_alert names the alert its channel raises
-- (the dashboard, /health) while such messages wait. NULL once it is sent, retried for another reason or failed.
ALTER TABLE outbox ADD COLUMN held_alert text;
CREATE INDEX outbox_held ON outbox (channel, held_alert) WHERE held_alert IS NOT NULL;

-- What a button says when the platform shows its payload as the person's own message (Zalo's oa.query.show):
-- "Câu 3: B. <option>" instead of a token. The token stays on the server, written as the button is sent; a tap
-- comes back as that text and is read back to its token here, so the engine checks the token as ever and a
-- forged or stale text changes nothing. An answer's words (lasting) are kept a week, so a late tap is refused as
-- stale; a label ("1", "Bắt đầu thi") only while its offer is the latest, since people type such words too.
-- Owned by zalo-adapter's TapTexts.
CREATE TABLE tap_texts (
    channel     text        NOT NULL,
    chat_id     text        NOT NULL,
    said        text        NOT NULL,
    token       text        NOT NULL,
    lasting     boolean     NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id, said)
);
CREATE INDEX tap_texts_written ON tap_texts (written_at);
