-- 0011_booking_terms_version (PostgreSQL): each booking keeps the version of the terms of
-- participation the booker accepted (a short hash of the terms' text, see
-- legal.Library.TermsVersion). Bookings made before carry ''.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN terms_version varchar(40) NOT NULL DEFAULT '';
