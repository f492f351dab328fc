-- 0012_settings (SQLite): small named values the service keeps for itself rather than in the
-- configuration, e.g. the rotation counter of the trainer's calendar feed and, on PostgreSQL, the
-- generated server secret that several instances must share.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE settings (
    name text PRIMARY KEY,
    value text NOT NULL,
    updated_at datetime
);
