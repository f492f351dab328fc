-- 0033_feedback_answers_index (PostgreSQL): the survey results page a seminar's answers (and the
-- quotes among them) newest first. idx_feedback_seminar_answered serves
-- ORDER BY answered_at DESC, id DESC LIMIT n within a seminar by reading only the page; it starts
-- with seminar_id, so the single-column index it replaces has no query left.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE INDEX idx_feedback_seminar_answered ON feedback (seminar_id, answered_at, id);
DROP INDEX idx_feedback_seminar_id;
