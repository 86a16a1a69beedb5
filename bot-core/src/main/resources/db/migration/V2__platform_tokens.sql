-- Credentials a platform rotates (Zalo's access/refresh pair: the refresh token works once, so the new pair
-- must be stored before it is used). One row per channel; shared by every app instance.
CREATE TABLE platform_tokens (
    channel             text        PRIMARY KEY,
    access_token        text        NOT NULL,
    refresh_token       text        NOT NULL,
    expires_at          timestamptz NOT NULL,
    refreshed_at        timestamptz,
    last_error          text,
    last_error_at       timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
