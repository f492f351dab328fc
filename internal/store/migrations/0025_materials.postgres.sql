-- 0025_materials (PostgreSQL): files and links the trainer gives a seminar's attendees (of every
-- date or of one), each released before or after the date; a file's bytes in their own table
-- (bytea), so every instance serves the same files and lists never read them.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE materials (
    id bigserial PRIMARY KEY,
    seminar_id bigint NOT NULL,
    date_id bigint,
    kind varchar(10) NOT NULL,
    title varchar(200) NOT NULL,
    url varchar(2000) NOT NULL DEFAULT '',
    file_name varchar(200) NOT NULL DEFAULT '',
    content_type varchar(100) NOT NULL DEFAULT '',
    size bigint NOT NULL DEFAULT 0,
    sha256 varchar(64) NOT NULL DEFAULT '',
    release_rule varchar(10) NOT NULL,
    release_days bigint NOT NULL DEFAULT 0,
    created_by varchar(300) NOT NULL,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE INDEX idx_materials_seminar_id ON materials (seminar_id);
CREATE INDEX idx_materials_date_id ON materials (date_id);
CREATE TABLE material_contents (
    material_id bigint PRIMARY KEY,
    data bytea NOT NULL
);
