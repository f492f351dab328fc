-- 0026_feedback (PostgreSQL): the survey after a date. feedback_consents records that an attendee
-- agreed to be asked by mail (a survey mail counts as advertising; the address it was given for
-- is kept, so a seat handed to someone else carries no consent). feedback holds one row per
-- attendee and date: requested_at once the survey mail was recorded (the unique index makes it
-- once, also between instances), the answer once given. Example rows (the demo's) have no
-- attendee and no date.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE feedback_consents (
    attendee_id bigint PRIMARY KEY,
    email varchar(254) NOT NULL,
    consented_at timestamptz NOT NULL,
    source varchar(20) NOT NULL
);
CREATE TABLE feedback (
    id bigserial PRIMARY KEY,
    attendee_id bigint,
    date_id bigint,
    seminar_id bigint NOT NULL,
    requested_at timestamptz,
    answered_at timestamptz,
    updated_at timestamptz NOT NULL,
    content_rating bigint NOT NULL DEFAULT 0,
    trainer_rating bigint NOT NULL DEFAULT 0,
    organisation_rating bigint NOT NULL DEFAULT 0,
    comment varchar(2000) NOT NULL DEFAULT '',
    quote_consent boolean NOT NULL DEFAULT false,
    quote_signature varchar(200) NOT NULL DEFAULT '',
    quote_hidden boolean NOT NULL DEFAULT false,
    example boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX idx_feedback_attendee_date ON feedback (attendee_id, date_id);
CREATE INDEX idx_feedback_seminar_id ON feedback (seminar_id);
CREATE INDEX idx_feedback_date_id ON feedback (date_id);
