-- 0014_manage_rotation (PostgreSQL): the manage link becomes a derived secret (HMAC of the server
-- secret, the booking id and this counter; internal/secret). 0 marks a booking made before: its
-- link is still checked against manage_token_hash until the back office re-sends the
-- confirmation, which sets the counter to 1 and clears the hash. Each re-send adds one, which
-- kills the link sent before.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN manage_rotation bigint NOT NULL DEFAULT 0;
