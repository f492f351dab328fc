-- 0037_dates_ends_at_index (SQLite): the jobs that look back at ended dates (certificates,
-- feedback requests) and the pages of dates still running (back office, calendar feed, a
-- venue's dates) select dates by ends_at. Without an index the certificates job walked every
-- attendee once 0034 dropped the bookings' status index; with it, only the dates of the window.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE INDEX idx_seminar_dates_ends_at ON seminar_dates (ends_at);
