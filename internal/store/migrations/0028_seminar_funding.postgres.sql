-- 0028_seminar_funding (PostgreSQL): a seminar's employer and funding notes. funding_approvals holds its
-- Bildungsurlaub/Bildungszeit approvals as a JSON list of {"state","number"} ('' = none);
-- certificate_text_de/_en is the text printed on its Teilnahmebescheinigung and shown on its page.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE seminars ADD COLUMN funding_approvals text NOT NULL DEFAULT '';
ALTER TABLE seminars ADD COLUMN certificate_text_de text NOT NULL DEFAULT '';
ALTER TABLE seminars ADD COLUMN certificate_text_en text NOT NULL DEFAULT '';
