-- 0003_api_token_role (PostgreSQL): API tokens carry a role; tokens made before were owners'.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE api_tokens ADD COLUMN role varchar(20) NOT NULL DEFAULT 'owner';
