-- 0020_min_participants (SQLite): the run decision of a date. min_participants is the minimum of
-- confirmed seats the date needs to take place (0 = no minimum); run_confirmed_at is when the
-- trainer confirmed that it takes place whatever the count. Dates before carry 0 and NULL.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE seminar_dates ADD COLUMN min_participants integer NOT NULL DEFAULT 0;
ALTER TABLE seminar_dates ADD COLUMN run_confirmed_at datetime;
