-- 0023_trainers_venues (SQLite): trainers and venues as records. A date may name a venue
-- (venue_id); its city, venue and address strings stay and mirror the venue's name, city and
-- address, because the public and admin APIs promise those strings and issued documents, mails
-- and the calendar feed read them. A date without a venue keeps its free text. Each distinct
-- in-person place already in use (venue name, city, address) becomes a venue record and its dates
-- point to it, so the back office can pick it for new dates; dates without a venue name keep
-- their strings only. Trainers are assigned to dates in order (date_trainers.position); a
-- trainer's photo is uploaded (trainer_photos: its bytes, in the database on both dialects, as
-- materials are; photo_version names the current one in its URL) or a path the app serves
-- (photo_url). Invoices freeze their service location.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE venues (
    id integer PRIMARY KEY AUTOINCREMENT,
    name text NOT NULL,
    city text NOT NULL,
    address text NOT NULL DEFAULT '',
    room text NOT NULL DEFAULT '',
    directions text NOT NULL DEFAULT '',
    accessibility text NOT NULL DEFAULT '',
    map_url text NOT NULL DEFAULT '',
    created_at datetime,
    updated_at datetime
);
CREATE TABLE trainers (
    id integer PRIMARY KEY AUTOINCREMENT,
    name text NOT NULL,
    bio_de text NOT NULL DEFAULT '',
    bio_en text NOT NULL DEFAULT '',
    photo_version integer NOT NULL DEFAULT 0,
    photo_url text NOT NULL DEFAULT '',
    created_at datetime,
    updated_at datetime
);
CREATE TABLE trainer_photos (
    trainer_id integer PRIMARY KEY,
    content_type text NOT NULL,
    data blob NOT NULL,
    CONSTRAINT fk_trainer_photos_trainer FOREIGN KEY (trainer_id) REFERENCES trainers(id)
);
CREATE TABLE date_trainers (
    date_id integer NOT NULL,
    trainer_id integer NOT NULL,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (date_id, trainer_id),
    CONSTRAINT fk_date_trainers_date FOREIGN KEY (date_id) REFERENCES seminar_dates(id),
    CONSTRAINT fk_date_trainers_trainer FOREIGN KEY (trainer_id) REFERENCES trainers(id)
);
CREATE INDEX idx_date_trainers_trainer_id ON date_trainers (trainer_id);
ALTER TABLE seminar_dates ADD COLUMN venue_id integer REFERENCES venues(id);
CREATE INDEX idx_seminar_dates_venue_id ON seminar_dates (venue_id);
ALTER TABLE invoices ADD COLUMN service_location text NOT NULL DEFAULT '';
INSERT INTO venues (name, city, address, created_at, updated_at)
SELECT DISTINCT venue, COALESCE(city, ''), COALESCE(address, ''), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM seminar_dates WHERE format = 'in_person' AND COALESCE(venue, '') <> '';
UPDATE seminar_dates SET venue_id = (
    SELECT MIN(v.id) FROM venues v
    WHERE v.name = seminar_dates.venue AND v.city = COALESCE(seminar_dates.city, '') AND v.address = COALESCE(seminar_dates.address, '')
) WHERE format = 'in_person' AND COALESCE(venue, '') <> '';
