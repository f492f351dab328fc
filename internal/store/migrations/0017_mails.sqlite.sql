-- 0017_mails (SQLite): a waiting-list entry keeps its e-mail address as compared (NFC, lower
-- case), so that one person is in line for a date only once: the unique index covers the entries
-- still in line (waiting or offered); who left, was booked or let an offer run out may join
-- again. Rows from before this step keep an empty key and are compared by the use case alone.
-- Payment reminders are one row per invoice and step: the unique index makes each step happen
-- once, however many instances run the reminder job.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE waitlist_entries ADD COLUMN email_key text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX ux_waitlist_entries_in_line ON waitlist_entries (date_id, email_key) WHERE status IN ('waiting', 'offered') AND email_key <> '';
CREATE TABLE payment_reminders (
    id integer PRIMARY KEY AUTOINCREMENT,
    booking_id integer NOT NULL,
    invoice_id integer NOT NULL,
    step integer NOT NULL,
    amount_due_cents integer NOT NULL,
    sent_on date NOT NULL,
    created_at datetime
);
CREATE UNIQUE INDEX ux_payment_reminders_invoice_step ON payment_reminders (invoice_id, step);
CREATE INDEX idx_payment_reminders_booking_id ON payment_reminders (booking_id);
