-- 0016_check_ins (PostgreSQL): check-in per day of a date (a multi-day date is attended day by
-- day) and the rotation counter of each attendee's page link and check-in code. Check-ins made
-- before the table carry over as one row on the day they were made.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE check_ins (
    id bigserial PRIMARY KEY,
    attendee_id bigint NOT NULL,
    date_id bigint NOT NULL,
    day varchar(10) NOT NULL,
    checked_in_at timestamptz NOT NULL,
    actor varchar(300) NOT NULL
);
CREATE UNIQUE INDEX idx_check_ins_attendee_day ON check_ins (attendee_id, date_id, day);
CREATE INDEX idx_check_ins_date_id ON check_ins (date_id);
ALTER TABLE attendees ADD COLUMN secret_rotation bigint NOT NULL DEFAULT 0;
INSERT INTO check_ins (attendee_id, date_id, day, checked_in_at, actor)
SELECT a.id, b.date_id, to_char(a.checked_in_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), a.checked_in_at, 'migration'
FROM attendees a JOIN bookings b ON b.id = a.booking_id WHERE a.checked_in_at IS NOT NULL;
