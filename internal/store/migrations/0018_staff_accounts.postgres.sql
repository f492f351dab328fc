-- 0018_staff_accounts (PostgreSQL): back-office accounts get password reset by mail and optional
-- TOTP two-factor sign-in. A session carries its stage (empty = signed in; "totp" = password
-- right, code still due; "totp_setup" = must set up TOTP first), so a half-signed-in browser
-- reaches nothing else. The TOTP secret is stored sealed with a key derived from secret_key; the
-- last accepted time step refuses a code replayed. Reset links and recovery codes are stored as
-- hashes.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE staff_users ADD COLUMN totp_secret varchar(200) NOT NULL DEFAULT '';
ALTER TABLE staff_users ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE staff_users ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;
ALTER TABLE staff_sessions ADD COLUMN stage varchar(20) NOT NULL DEFAULT '';
CREATE TABLE staff_recovery_codes (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL,
    code_hash varchar(64) NOT NULL,
    used_at timestamptz,
    created_at timestamptz,
    CONSTRAINT fk_staff_recovery_codes_user FOREIGN KEY (user_id) REFERENCES staff_users (id)
);
CREATE INDEX idx_staff_recovery_codes_user_id ON staff_recovery_codes (user_id);
CREATE UNIQUE INDEX idx_staff_recovery_codes_code_hash ON staff_recovery_codes (code_hash);
CREATE TABLE password_resets (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL,
    token_hash varchar(64) NOT NULL,
    created_at timestamptz,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES staff_users (id)
);
CREATE INDEX idx_password_resets_user_id ON password_resets (user_id);
CREATE UNIQUE INDEX idx_password_resets_token_hash ON password_resets (token_hash);
