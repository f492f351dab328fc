-- 0012_settings (PostgreSQL): small named values the service keeps for itself rather than in the
-- configuration, e.g. the rotation counter of the trainer's calendar feed and, on PostgreSQL, the
-- generated server secret that several instances must share.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE settings (
    name varchar(100) PRIMARY KEY,
    value text NOT NULL,
    updated_at timestamptz
);
