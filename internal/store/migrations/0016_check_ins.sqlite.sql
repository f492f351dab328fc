-- 0016_check_ins (SQLite): check-in per day of a date (a multi-day date is attended day by day)
-- and the rotation counter of each attendee's page link and check-in code. Check-ins made
-- before the table carry over as one row on the day they were made.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE check_ins (
    id integer PRIMARY KEY AUTOINCREMENT,
    attendee_id integer NOT NULL,
    date_id integer NOT NULL,
    day text NOT NULL,
    checked_in_at datetime NOT NULL,
    actor text NOT NULL
);
CREATE UNIQUE INDEX idx_check_ins_attendee_day ON check_ins (attendee_id, date_id, day);
CREATE INDEX idx_check_ins_date_id ON check_ins (date_id);
ALTER TABLE attendees ADD COLUMN secret_rotation integer NOT NULL DEFAULT 0;
INSERT INTO check_ins (attendee_id, date_id, day, checked_in_at, actor)
SELECT a.id, b.date_id, date(a.checked_in_at), a.checked_in_at, 'migration'
FROM attendees a JOIN bookings b ON b.id = a.booking_id WHERE a.checked_in_at IS NOT NULL;
