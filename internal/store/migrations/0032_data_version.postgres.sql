-- 0032_data_version (PostgreSQL): the data version of public pages: each instance bumps it after a commit that changed what the
-- catalogue, a seminar page or the seminars API shows, and reads it at most once a second, so
-- instances sharing this database re-render their cached pages within that bound. A sequence
-- takes no row lock, so concurrent bookings never queue for it.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE SEQUENCE data_version;
