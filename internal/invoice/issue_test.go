package invoice_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

var issueDay = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func TestConcurrentInvoicesAreNumberedGapFreeAndUnique(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := seedDate(t, st)
		const n = 50
		bookings := make([]model.Booking, n)
		for i := range bookings {
			bookings[i] = seedBooking(t, st, date, 1, "de")
		}
		numbers := make([]string, n)
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range bookings {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				err := st.WithTx(context.Background(), func(tx *store.Tx) error {
					inv, err := invoice.Issue(context.Background(), tx, bookings[i], testSeller(), issueDay)
					numbers[i] = inv.Number
					return err
				})
				if err != nil {
					errs <- err
				}
			}(i)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("issue: %v", err)
		}
		sort.Strings(numbers)
		for i, got := range numbers {
			if want := fmt.Sprintf("RE-2026-%05d", i+1); got != want {
				t.Fatalf("numbers not gap-free and unique: position %d is %q, want %q (all: %v)", i, got, want, numbers)
			}
		}
	})
}

func TestNumbering(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := seedDate(t, st)
		ctx := context.Background()

		first := issue(t, st, seedBooking(t, st, date, 2, "de"), issueDay)
		// A transaction that fails after taking a number rolls the number back with it.
		failed := errors.New("boom")
		rolledBack := seedBooking(t, st, date, 1, "de")
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			if _, err := invoice.Issue(ctx, tx, rolledBack, testSeller(), issueDay); err != nil {
				return err
			}
			return failed
		})
		if !errors.Is(err, failed) {
			t.Fatalf("rolled-back issue: %v", err)
		}
		second := issue(t, st, seedBooking(t, st, date, 1, "de"), issueDay)
		nextYear := issue(t, st, seedBooking(t, st, date, 1, "de"), time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC))

		cases := []struct{ name, got, want string }{
			{"first of the year", first.Number, "RE-2026-00001"},
			{"after a rolled-back issue, no gap", second.Number, "RE-2026-00002"},
			{"a new year starts at 1", nextYear.Number, "RE-2027-00001"},
		}
		for _, c := range cases {
			if c.got != c.want {
				t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
			}
		}
	})
}

func TestIssueStoresTheInvoiceAsIssued(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := seedDate(t, st)
		b := seedBooking(t, st, date, 3, "de")
		inv := issue(t, st, b, issueDay)
		again := issue(t, st, b, issueDay.Add(time.Hour))
		if again.Number != inv.Number {
			t.Errorf("issuing twice for one booking gave %s and %s, want one invoice", inv.Number, again.Number)
		}
		docs, err := st.InvoicesForBooking(context.Background(), b.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("documents of booking: %d, %v", len(docs), err)
		}
		got := docs[0]
		if got.NetCents != 147000 || got.VATCents != 27930 || got.GrossCents != 174930 || got.VATRateBP != 1900 {
			t.Errorf("amounts %d/%d/%d at %d", got.NetCents, got.VATCents, got.GrossCents, got.VATRateBP)
		}
		if len(got.Lines) != 3 || got.Lines[0].NetCents != 49000 {
			t.Errorf("lines %+v", got.Lines)
		}
		if got.Buyer.Name != "Müller & Söhne GmbH" || got.Seller.VATID != "DE123456789" || got.BuyerReference != "991-12345-67" || got.PONumber != "PO-4711" {
			t.Errorf("parties not frozen: buyer %+v seller %+v", got.Buyer, got.Seller)
		}
		if got.DueDate == nil || !got.DueDate.Equal(issueDay.AddDate(0, 0, 14)) {
			t.Errorf("due date %v", got.DueDate)
		}
	})
}

func TestCreditNotes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := seedDate(t, st)
		ctx := context.Background()
		credit := func(orig model.Invoice, amount int64) (model.Invoice, error) {
			var cn model.Invoice
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				var err error
				cn, err = invoice.IssueCreditNote(ctx, tx, orig, amount, "Stornierung", issueDay)
				return err
			})
			return cn, err
		}
		full := issue(t, st, seedBooking(t, st, date, 2, "de"), issueDay)
		cn, err := credit(full, full.NetCents)
		if err != nil {
			t.Fatal(err)
		}
		if cn.Number != "GS-2026-00001" || cn.OriginalNumber != full.Number || cn.OriginalID == nil || *cn.OriginalID != full.ID {
			t.Errorf("credit note %s refers to %q", cn.Number, cn.OriginalNumber)
		}
		if cn.NetCents != -full.NetCents || cn.VATCents != -full.VATCents || cn.GrossCents != -full.GrossCents {
			t.Errorf("full credit %d/%d/%d does not mirror %d/%d/%d", cn.NetCents, cn.VATCents, cn.GrossCents, full.NetCents, full.VATCents, full.GrossCents)
		}
		for _, l := range cn.Lines {
			if l.NetCents >= 0 {
				t.Errorf("credit line %+v is not negative", l)
			}
		}

		part := issue(t, st, seedBooking(t, st, date, 2, "de"), issueDay)
		cases := []struct {
			name    string
			amount  int64
			wantErr bool
		}{
			{"zero", 0, true},
			{"half", part.NetCents / 2, false},
			{"more than is left", part.NetCents/2 + 1, true},
			{"the rest", part.NetCents - part.NetCents/2, false},
			{"anything after the whole was credited", 1, true},
		}
		for _, c := range cases {
			got, err := credit(part, c.amount)
			if (err != nil) != c.wantErr {
				t.Errorf("%s: err %v, want error %v", c.name, err, c.wantErr)
			}
			if err == nil && got.NetCents != -c.amount {
				t.Errorf("%s: net %d, want %d", c.name, got.NetCents, -c.amount)
			}
		}
	})
}

func TestParseAddress(t *testing.T) {
	cases := []struct{ in, street, code, city string }{
		{"Musterstraße 1, 10115 Berlin", "Musterstraße 1", "10115", "Berlin"},
		{"Hauptweg 3, Wien", "Hauptweg 3", "", "Wien"},
		{"Nur eine Zeile", "Nur eine Zeile", "", ""},
	}
	for _, c := range cases {
		s, p, ci := invoice.ParseAddress(c.in)
		if s != c.street || p != c.code || ci != c.city {
			t.Errorf("%q → %q %q %q", c.in, s, p, ci)
		}
	}
}

// TestNumberYearIsTheSellersYear: just after midnight on New Year's Day in Berlin it is still the
// old year in UTC; the number belongs to the year printed on the document.
func TestNumberYearIsTheSellersYear(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	newYearBerlin := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC) // 00:30 on 1 January 2027 in Berlin
	b := seedBooking(t, st, date, 1, "de")                           // before the transaction: SQLite has one writer
	var inv, cn model.Invoice
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		var err error
		if inv, err = invoice.Issue(context.Background(), tx, b, testSeller(), newYearBerlin); err != nil {
			return err
		}
		cn, err = invoice.IssueCreditNote(context.Background(), tx, inv, inv.NetCents, "Storno", newYearBerlin.In(testSeller().Zone()))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Number != "RE-2027-00001" || cn.Number != "GS-2027-00001" {
		t.Fatalf("numbers %s, %s; want the 2027 series", inv.Number, cn.Number)
	}
}
