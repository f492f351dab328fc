-- 0023_trainers_venues (PostgreSQL): trainers and venues as records. A date may name a venue
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
    id bigserial PRIMARY KEY,
    name varchar(200) NOT NULL,
    city varchar(100) NOT NULL,
    address varchar(300) NOT NULL DEFAULT '',
    room varchar(200) NOT NULL DEFAULT '',
    directions varchar(2000) NOT NULL DEFAULT '',
    accessibility varchar(2000) NOT NULL DEFAULT '',
    map_url varchar(500) NOT NULL DEFAULT '',
    created_at timestamptz,
    updated_at timestamptz
);
CREATE TABLE trainers (
    id bigserial PRIMARY KEY,
    name varchar(200) NOT NULL,
    bio_de varchar(2000) NOT NULL DEFAULT '',
    bio_en varchar(2000) NOT NULL DEFAULT '',
    photo_version bigint NOT NULL DEFAULT 0,
    photo_url varchar(500) NOT NULL DEFAULT '',
    created_at timestamptz,
    updated_at timestamptz
);
CREATE TABLE trainer_photos (
    trainer_id bigint PRIMARY KEY,
    content_type varchar(50) NOT NULL,
    data bytea NOT NULL,
    CONSTRAINT fk_trainer_photos_trainer FOREIGN KEY (trainer_id) REFERENCES trainers (id)
);
CREATE TABLE date_trainers (
    date_id bigint NOT NULL,
    trainer_id bigint NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (date_id, trainer_id),
    CONSTRAINT fk_date_trainers_date FOREIGN KEY (date_id) REFERENCES seminar_dates (id),
    CONSTRAINT fk_date_trainers_trainer FOREIGN KEY (trainer_id) REFERENCES trainers (id)
);
CREATE INDEX idx_date_trainers_trainer_id ON date_trainers (trainer_id);
ALTER TABLE seminar_dates ADD COLUMN venue_id bigint REFERENCES venues (id);
CREATE INDEX idx_seminar_dates_venue_id ON seminar_dates (venue_id);
ALTER TABLE invoices ADD COLUMN service_location varchar(600) NOT NULL DEFAULT '';
INSERT INTO venues (name, city, address, created_at, updated_at)
SELECT DISTINCT venue, COALESCE(city, ''), COALESCE(address, ''), now(), now()
FROM seminar_dates WHERE format = 'in_person' AND COALESCE(venue, '') <> '';
UPDATE seminar_dates SET venue_id = (
    SELECT MIN(v.id) FROM venues v
    WHERE v.name = seminar_dates.venue AND v.city = COALESCE(seminar_dates.city, '') AND v.address = COALESCE(seminar_dates.address, '')
) WHERE format = 'in_person' AND COALESCE(venue, '') <> '';
