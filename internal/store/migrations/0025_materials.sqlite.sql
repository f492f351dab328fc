-- 0025_materials (SQLite): files and links the trainer gives a seminar's attendees (of every date
-- or of one), each released before or after the date; a file's bytes in their own table, so lists
-- never read them, stored in the database (as issued documents are) so a backup holds them.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE materials (
    id integer PRIMARY KEY AUTOINCREMENT,
    seminar_id integer NOT NULL,
    date_id integer,
    kind text NOT NULL,
    title text NOT NULL,
    url text NOT NULL DEFAULT '',
    file_name text NOT NULL DEFAULT '',
    content_type text NOT NULL DEFAULT '',
    size integer NOT NULL DEFAULT 0,
    sha256 text NOT NULL DEFAULT '',
    release_rule text NOT NULL,
    release_days integer NOT NULL DEFAULT 0,
    created_by text NOT NULL,
    created_at datetime,
    updated_at datetime
);
CREATE INDEX idx_materials_seminar_id ON materials (seminar_id);
CREATE INDEX idx_materials_date_id ON materials (date_id);
CREATE TABLE material_contents (
    material_id integer PRIMARY KEY,
    data blob NOT NULL
);
