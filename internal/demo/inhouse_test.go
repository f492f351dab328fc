package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestSeedInhouse: the demo shows an in-house inquiry answered by an offer, marked as an
// example, numbered in the demo's own series (the real offer series still starts at 1), its
// proposed dates on weekdays ahead and never in the public catalogue, and its PDF queued.
func TestSeedInhouse(t *testing.T) {
	storetest.EachAt(t, time.Date(2026, 12, 18, 9, 0, 0, 0, time.UTC), func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		loc := berlin(t)
		now := clk.Now()
		if _, err := Seed(ctx, st, now, loc); err != nil {
			t.Fatal(err)
		}
		seller := model.Party{Name: "Demo Seminare", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE"}
		if err := SeedInhouse(ctx, st, now, loc, seller, 1900); err != nil {
			t.Fatal(err)
		}
		offers, err := st.Offers(ctx, 0, 10)
		if err != nil || len(offers) != 1 {
			t.Fatalf("%d offers (%v)", len(offers), err)
		}
		o := offers[0]
		if o.Number != "DEMO-AN-2026-00001" || !o.Demo || o.NetCents() != 490000 || o.Seller.Name != "Demo Seminare" {
			t.Fatalf("demo offer %s (demo %v), net %d, seller %q", o.Number, o.Demo, o.NetCents(), o.Seller.Name)
		}
		for _, p := range o.ProposedDates {
			day := p.StartsAt.In(loc)
			if !p.StartsAt.After(now) || day.Weekday() == time.Saturday || day.Weekday() == time.Sunday || holiday(day) {
				t.Errorf("proposed date %s", day)
			}
		}
		inq, err := st.InquiryByID(ctx, o.InquiryID)
		if err != nil || !strings.Contains(inq.Company, "Demo") || !strings.Contains(inq.Message, "Beispiel") {
			t.Fatalf("demo inquiry %+v (%v)", inq, err)
		}
		err = st.WithTx(ctx, func(tx *store.Tx) error {
			seq, err := tx.NextInvoiceSequence(ctx, model.OfferCounterKind, 2026)
			if err == nil && seq != 1 {
				t.Errorf("the real offer series starts at %d", seq)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
