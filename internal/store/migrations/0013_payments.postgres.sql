-- 0013_payments (PostgreSQL): the payments ledger. Every sum of money received for a booking is a
-- row (a bank transfer, cash, a card at the venue, a Stripe payment), every sum paid back a row
-- with a negative amount; with the booking's issued invoices and credit notes it says what is
-- still owed (model.Account). Bookings paid before the ledger get their payment (and what Stripe
-- or the trainer sent back) as rows, so their money state reads the same as before.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    booking_id bigint NOT NULL,
    amount_cents bigint NOT NULL,
    method varchar(20) NOT NULL,
    paid_on date NOT NULL,
    recorded_by varchar(254) NOT NULL,
    note varchar(300),
    stripe_ref varchar(100),
    created_at timestamptz
);
CREATE INDEX idx_payments_booking_id ON payments (booking_id);
INSERT INTO payments (booking_id, amount_cents, method, paid_on, recorded_by, note, stripe_ref, created_at)
SELECT id, gross_cents, CASE WHEN payment_method = 'card' THEN 'stripe' ELSE 'bank_transfer' END,
       (COALESCE(confirmed_at, updated_at) AT TIME ZONE 'UTC')::date, 'migration', 'before the ledger', COALESCE(stripe_payment_intent, ''), now()
FROM bookings WHERE payment_status IN ('paid', 'partially_refunded', 'refunded');
INSERT INTO payments (booking_id, amount_cents, method, paid_on, recorded_by, note, stripe_ref, created_at)
SELECT id, -stripe_refunded_cents, 'stripe', (updated_at AT TIME ZONE 'UTC')::date, 'migration', 'refund before the ledger', COALESCE(stripe_payment_intent, ''), now()
FROM bookings WHERE stripe_refunded_cents > 0;
INSERT INTO payments (booking_id, amount_cents, method, paid_on, recorded_by, note, stripe_ref, created_at)
SELECT id, -refund_due_cents, 'bank_transfer', (updated_at AT TIME ZONE 'UTC')::date, 'migration', 'manual refund before the ledger', '', now()
FROM bookings WHERE attention_reason = 'refund_manual' AND needs_attention = false AND refund_due_cents > 0;
