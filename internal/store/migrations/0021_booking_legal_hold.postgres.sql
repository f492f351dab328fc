-- 0021_booking_legal_hold (PostgreSQL): a booking under a legal hold (a dispute, a tax audit) keeps
-- its invoices and credit notes past the retention period; the retention job skips it.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN legal_hold boolean NOT NULL DEFAULT false;
