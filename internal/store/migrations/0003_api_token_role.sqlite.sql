-- 0003_api_token_role (SQLite): API tokens carry a role; tokens made before were owners'.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE api_tokens ADD COLUMN role text NOT NULL DEFAULT 'owner';
