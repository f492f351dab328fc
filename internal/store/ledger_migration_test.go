package store

import (
	"context"
	"testing"
)

// TestPaymentsMigrationBackfills: on a database from before the ledger, step 0013_payments gives
// every paid booking its payment as a row and what went back as negative rows (Stripe's refunded
// total, a manual refund marked handled), so its account reads as its payment status did; unpaid
// bookings and a manual refund still waiting get no row.
func TestPaymentsMigrationBackfills(t *testing.T) {
	ctx := context.Background()
	steps := migrationSteps()
	last := len(steps) - 1
	for steps[last].ID != "0013_payments" {
		last--
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Connect(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := migrate(ctx, st.write, steps[:last]); err != nil {
				t.Fatal(err)
			}
			seed := []string{
				`INSERT INTO seminars (id, slug, title_de, title_en, duration_minutes, default_price_cents) VALUES (1, 's', 'S', 'S', 480, 8403)`,
				`INSERT INTO seminar_dates (id, seminar_id, starts_at, ends_at, capacity, price_net_cents, format) VALUES (1, 1, '2026-03-01 09:00:00', '2026-03-01 17:00:00', 10, 8403, 'online')`,
			}
			for _, q := range seed {
				if err := st.write.Exec(q).Error; err != nil {
					t.Fatal(err)
				}
			}
			rows := []struct {
				ref, method, status, reason string
				attention                   bool
				refunded, refundDue         int64
			}{
				{"SEM-UNPAID", "invoice", "unpaid", "", false, 0, 0},
				{"SEM-PAID", "invoice", "paid", "", false, 0, 0},
				{"SEM-CARDHALF", "card", "partially_refunded", "", false, 5000, 0},
				{"SEM-MANUALDONE", "invoice", "paid", "refund_manual", false, 0, 4000},
				{"SEM-MANUALOPEN", "invoice", "paid", "refund_manual", true, 0, 3000},
			}
			for _, r := range rows {
				err := st.write.Exec(`INSERT INTO bookings (reference, manage_token_hash, date_id, status, payment_method, payment_status,
					billing_company, billing_name, billing_email, billing_street, billing_postal_code, billing_city, billing_country,
					language, seats, unit_net_cents, net_cents, vat_cents, gross_cents, vat_rate_bp, stripe_refunded_cents,
					needs_attention, attention_reason, refund_due_cents, created_at, updated_at, confirmed_at)
					VALUES (?, 'x', 1, 'confirmed', ?, ?, 'C', 'N', 'e@example.com', 'S', '10115', 'B', 'DE', 'de', 1, 8403, 8403, 1597, 10000, 1900, ?,
					?, ?, ?, '2026-01-01 10:00:00', '2026-01-05 10:00:00', '2026-01-02 10:00:00')`,
					r.ref, r.method, r.status, r.refunded, r.attention, r.reason, r.refundDue).Error
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := migrate(ctx, st.write, steps[:last+1]); err != nil {
				t.Fatal(err)
			}
			want := map[string]int64{"SEM-UNPAID": 0, "SEM-PAID": 10000, "SEM-CARDHALF": 5000, "SEM-MANUALDONE": 6000, "SEM-MANUALOPEN": 10000}
			for ref, net := range want {
				var sum int64
				err := st.write.Raw(`SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.reference = ?`, ref).Scan(&sum).Error
				if err != nil || sum != net {
					t.Errorf("%s: ledger holds %d (%v), want %d", ref, sum, err, net)
				}
			}
		})
	}
}
