-- 0032_catalogue (SQLite): the catalogue reads each seminar's upcoming dates in start order
-- (store.upcomingDates); one index on both columns serves that read. The data version of the
-- page cache needs nothing here: one process serves a SQLite file and keeps it in memory.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE INDEX idx_seminar_dates_seminar_starts ON seminar_dates (seminar_id, starts_at);
