-- 0009_attention_detail (PostgreSQL): why exactly a booking needs attention, beside its reason
-- code: for a Stripe payment that does not match the booking, what did not match
-- ("amount 1 ≠ 59500 due"). Older flags have none.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN attention_detail varchar(300);
