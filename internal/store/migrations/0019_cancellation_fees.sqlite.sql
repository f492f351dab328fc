-- 0019_cancellation_fees (SQLite): the net cancellation fees a booking keeps for attendees
-- cancelled from it one at a time (booking.CancelAttendeeInTx); its invoice states them as a line
-- of their own. Bookings made before carry 0.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN cancellation_fees_net_cents integer NOT NULL DEFAULT 0;
