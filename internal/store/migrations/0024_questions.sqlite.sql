-- 0024_questions (SQLite): per-seminar questions asked of each attendee (text, choice, yes/no)
-- and the attendees' answers. A sensitive question (Art. 9 GDPR: dietary or accessibility
-- needs) is answered by the attendee on their own page with consent (consented_at) and its
-- answers are deleted by the retention job once the date has ended.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE seminar_questions (
    id integer PRIMARY KEY AUTOINCREMENT,
    seminar_id integer NOT NULL,
    position integer NOT NULL DEFAULT 0,
    kind text NOT NULL,
    label_de text NOT NULL,
    label_en text NOT NULL DEFAULT '',
    options_de text NOT NULL DEFAULT '',
    options_en text NOT NULL DEFAULT '',
    required numeric NOT NULL DEFAULT false,
    sensitive numeric NOT NULL DEFAULT false,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_seminars_questions FOREIGN KEY (seminar_id) REFERENCES seminars(id)
);
CREATE INDEX idx_seminar_questions_seminar_id ON seminar_questions (seminar_id);
CREATE TABLE attendee_answers (
    id integer PRIMARY KEY AUTOINCREMENT,
    attendee_id integer NOT NULL,
    question_id integer NOT NULL,
    value text NOT NULL,
    consented_at datetime,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_attendees_answers FOREIGN KEY (attendee_id) REFERENCES attendees(id),
    CONSTRAINT fk_seminar_questions_answers FOREIGN KEY (question_id) REFERENCES seminar_questions(id)
);
CREATE UNIQUE INDEX idx_attendee_answers_attendee_question ON attendee_answers (attendee_id, question_id);
CREATE INDEX idx_attendee_answers_question_id ON attendee_answers (question_id);
