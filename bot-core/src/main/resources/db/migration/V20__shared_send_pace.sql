-- The send pace the instances share: one token bucket per channel, so a platform's global limit (Telegram's
-- 30 messages a second per bot, Zalo's 4,000 OA API calls a minute per app) holds for all of them together,
-- not for each. The level is refilled from refilled_at at the rate the taking instance names, so the row holds
-- only where the bucket stands. Owned by bot-core's SharedPace, which creates a channel's row on first use.
CREATE TABLE send_pace (
    channel     text             PRIMARY KEY,
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL
) WITH (fillfactor = 50); -- updated many times a second: room on the page keeps the updates HOT
