-- 0002_issued_documents (PostgreSQL): the stored bytes of issued invoices and credit notes.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE issued_documents (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL, kind varchar(10) NOT NULL, content_type varchar(100) NOT NULL, data bytea NOT NULL, sha256 varchar(64) NOT NULL, size bigint NOT NULL, rendered_at timestamptz NOT NULL);
CREATE UNIQUE INDEX idx_issued_documents_invoice_kind ON issued_documents (invoice_id, kind);
