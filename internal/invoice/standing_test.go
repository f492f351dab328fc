package invoice_test

import (
	"context"
	"testing"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestIssueReturnsTheStandingInvoice: issuing again returns the booking's standing invoice —
// also one of nothing (a voucher for the whole price), which no credit note can cancel — and
// issues a new one only once a credit note took all of the standing one (a correction).
func TestIssueReturnsTheStandingInvoice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := seedDate(t, st)
		cases := []struct {
			name      string
			change    func(*model.Booking)
			creditAll bool
			wantNew   bool
		}{
			{"an invoice stands", nil, false, false},
			{"an invoice of nothing stands", func(b *model.Booking) {
				b.DiscountCents, b.NetCents, b.VATCents, b.GrossCents = b.NetCents, 0, 0, 0
			}, false, false},
			{"an invoice credited in full is replaced", nil, true, true},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				b := seedBookingWith(t, st, date, 1, "de", c.change)
				first := issue(t, st, b, issueDay)
				if c.creditAll {
					err := st.WithTx(ctx, func(tx *store.Tx) error {
						_, err := invoice.IssueCreditNote(ctx, tx, first, first.NetCents, "Korrektur", issueDay)
						return err
					})
					if err != nil {
						t.Fatal(err)
					}
				}
				again := issue(t, st, b, issueDay)
				if (again.ID != first.ID) != c.wantNew {
					t.Fatalf("issued %s after %s; want a new one: %v", again.Number, first.Number, c.wantNew)
				}
			})
		}
	})
}
