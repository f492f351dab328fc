-- 0002_issued_documents (SQLite): the stored bytes of issued invoices and credit notes.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE issued_documents (id integer PRIMARY KEY AUTOINCREMENT, invoice_id integer NOT NULL, kind text NOT NULL, content_type text NOT NULL, data blob NOT NULL, sha256 text NOT NULL, size integer NOT NULL, rendered_at datetime NOT NULL);
CREATE UNIQUE INDEX idx_issued_documents_invoice_kind ON issued_documents (invoice_id, kind);
