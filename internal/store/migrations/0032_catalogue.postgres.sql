-- 0032_catalogue (PostgreSQL): the catalogue reads each seminar's upcoming dates in start order
-- (store.upcomingDates); one index on both columns serves that read.
-- The sequence data_version is the page cache's shared data version: each instance bumps it
-- after a commit that changed what the catalogue, a seminar page or the seminars API shows, and
-- reads it at most once a second, so instances sharing this database re-render their cached
-- pages within that bound. A sequence takes no row lock, so concurrent bookings never queue for it.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE INDEX idx_seminar_dates_seminar_starts ON seminar_dates (seminar_id, starts_at);
CREATE SEQUENCE data_version;
