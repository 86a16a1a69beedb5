-- The ZNS budget (verify/PhoneCodes, CodeBudget): each one-time code remembers the client network it was asked
-- from (an IPv4 address, an IPv6 /64; NULL where the channel does not know it), so sends per network are capped,
-- and the whole OA's sends of the day are counted by created_at.
ALTER TABLE phone_codes ADD COLUMN client_network text;
CREATE INDEX phone_codes_network ON phone_codes (client_network, created_at) WHERE client_network IS NOT NULL;
CREATE INDEX phone_codes_created ON phone_codes (created_at);

-- Erasure erases: the number is kept only as a keyed hash (verify/PhoneKey, HMAC-SHA256 under app_keys
-- 'phone_codes'), which still counts the sends to one number. V13 hashes the rows already there and drops the number.
ALTER TABLE phone_codes ADD COLUMN phone_key bytea;
