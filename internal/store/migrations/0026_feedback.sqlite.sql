-- 0026_feedback (SQLite): the survey after a date. feedback_consents records that an attendee
-- agreed to be asked by mail (a survey mail counts as advertising; the address it was given for
-- is kept, so a seat handed to someone else carries no consent). feedback holds one row per
-- attendee and date: requested_at once the survey mail was recorded (the unique index makes it
-- once, also between instances), the answer once given. Example rows (the demo's) have no
-- attendee and no date.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE feedback_consents (
    attendee_id integer PRIMARY KEY,
    email text NOT NULL,
    consented_at datetime NOT NULL,
    source text NOT NULL
);
CREATE TABLE feedback (
    id integer PRIMARY KEY AUTOINCREMENT,
    attendee_id integer,
    date_id integer,
    seminar_id integer NOT NULL,
    requested_at datetime,
    answered_at datetime,
    updated_at datetime NOT NULL,
    content_rating integer NOT NULL DEFAULT 0,
    trainer_rating integer NOT NULL DEFAULT 0,
    organisation_rating integer NOT NULL DEFAULT 0,
    comment text NOT NULL DEFAULT '',
    quote_consent numeric NOT NULL DEFAULT false,
    quote_signature text NOT NULL DEFAULT '',
    quote_hidden numeric NOT NULL DEFAULT false,
    example numeric NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX idx_feedback_attendee_date ON feedback (attendee_id, date_id);
CREATE INDEX idx_feedback_seminar_id ON feedback (seminar_id);
CREATE INDEX idx_feedback_date_id ON feedback (date_id);
