-- 0004_tax_treatment (PostgreSQL): each booking and each issued document carries its tax treatment
-- (standard, reverse_charge, not_taxable, kleinunternehmer, exempt_training; see model.DecideTax).
-- Bookings and documents made before were all charged German VAT: standard.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE bookings ADD COLUMN tax_treatment varchar(20) NOT NULL DEFAULT 'standard';
ALTER TABLE invoices ADD COLUMN tax_treatment varchar(20) NOT NULL DEFAULT 'standard';
