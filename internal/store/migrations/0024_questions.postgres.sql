-- 0024_questions (PostgreSQL): per-seminar questions asked of each attendee (text, choice,
-- yes/no) and the attendees' answers. A sensitive question (Art. 9 GDPR: dietary or
-- accessibility needs) is answered by the attendee on their own page with consent
-- (consented_at) and its answers are deleted by the retention job once the date has ended.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE seminar_questions (
    id bigserial PRIMARY KEY,
    seminar_id bigint NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    kind varchar(20) NOT NULL,
    label_de varchar(300) NOT NULL,
    label_en varchar(300) NOT NULL DEFAULT '',
    options_de text NOT NULL DEFAULT '',
    options_en text NOT NULL DEFAULT '',
    required boolean NOT NULL DEFAULT false,
    sensitive boolean NOT NULL DEFAULT false,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_seminars_questions FOREIGN KEY (seminar_id) REFERENCES seminars (id)
);
CREATE INDEX idx_seminar_questions_seminar_id ON seminar_questions (seminar_id);
CREATE TABLE attendee_answers (
    id bigserial PRIMARY KEY,
    attendee_id bigint NOT NULL,
    question_id bigint NOT NULL,
    value text NOT NULL,
    consented_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_attendees_answers FOREIGN KEY (attendee_id) REFERENCES attendees (id),
    CONSTRAINT fk_seminar_questions_answers FOREIGN KEY (question_id) REFERENCES seminar_questions (id)
);
CREATE UNIQUE INDEX idx_attendee_answers_attendee_question ON attendee_answers (attendee_id, question_id);
CREATE INDEX idx_attendee_answers_question_id ON attendee_answers (question_id);
