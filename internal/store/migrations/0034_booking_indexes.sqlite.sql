-- 0034_booking_indexes (SQLite): every booking is written on the one writer that all bookers
-- queue for, and each index of bookings is one more b-tree insert per booking. The indexes no
-- query can use go: idx_bookings_date_id is a prefix of idx_bookings_date_seats;
-- idx_bookings_email serves no query (they all compare lower(billing_email));
-- idx_bookings_session_id has no query at all; idx_bookings_status only made the planner walk
-- every booking of a status (expired holds, reminders, certificates), which now go by the hold
-- index, the date or the primary key. The indexes of columns that few rows fill become partial, so a booking
-- paid by invoice (no hold, no payment intent, nothing to look at) enters none of them; their
-- queries carry the same condition (TestBookingQueriesUseIndexes reads the plans).
-- idx_bookings_attention also holds the attention list's order (updated_at, id).
-- idx_invoices_original_id holds only credit notes.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
DROP INDEX idx_bookings_date_id;
DROP INDEX idx_bookings_email;
DROP INDEX idx_bookings_session_id;
DROP INDEX idx_bookings_status;
DROP INDEX idx_bookings_hold_expires_at;
CREATE INDEX idx_bookings_hold_expires_at ON bookings (hold_expires_at) WHERE hold_expires_at IS NOT NULL;
DROP INDEX idx_bookings_needs_attention;
CREATE INDEX idx_bookings_attention ON bookings (updated_at, id) WHERE needs_attention;
DROP INDEX idx_bookings_payment_intent;
CREATE INDEX idx_bookings_payment_intent ON bookings (stripe_payment_intent) WHERE stripe_payment_intent <> '';
DROP INDEX idx_invoices_original_id;
CREATE INDEX idx_invoices_original_id ON invoices (original_id) WHERE original_id IS NOT NULL;
