package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// groupEnv is the global group rule "from the 3rd person −10 %" as settings.
var groupEnv = []string{"SEMINARS_GROUP_DISCOUNT_FROM_SEAT=3", "SEMINARS_GROUP_DISCOUNT_PERCENT_BP=1000"}

func seedVoucher(t *testing.T, st *store.Store, v model.Voucher) {
	t.Helper()
	v.Active = true
	if err := st.WithTx(t.Context(), func(tx *store.Tx) error { return tx.CreateVoucher(t.Context(), &v) }); err != nil {
		t.Fatal(err)
	}
}

// TestBookingFormTotal: the booking form shows net, VAT, gross and the discounts for the rows on
// the page — rendered with the page, after "+ Weitere Person", on a form that comes back with
// errors, and alone by POST /book/{date}/total (what htmx swaps in) as the rows, the voucher, the
// country or the VAT ID change. 490,00 € a seat, the global rule from the 3rd person −10 %.
func TestBookingFormTotal(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20})
	online := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, Format: model.FormatOnline})
	seedVoucher(t, st, model.Voucher{Code: "TEAM5", Kind: model.VoucherPercent, PercentBP: 500})
	ts := newServer(t, st, groupEnv...)
	cl := client(t)
	_, first, _ := do(t, cl, http.MethodGet, fmt.Sprintf("%s/book/%d", ts.URL, date.ID), "", "")
	csrf := csrfToken(t, first)
	for _, w := range []string{`id="booking-total"`, "1 Platz × 490,00", "Summe netto", "490,00", "zzgl. 19\u00a0% MwSt.", "93,10", "583,10",
		`data-hx-post="/book/` + fmt.Sprint(date.ID) + `/total"`, `data-hx-select-oob="#booking-total"`,
		"Gruppenrabatt: ab der 3. Person 10\u00a0% auf jeden weiteren Platz."} {
		if !strings.Contains(first, w) {
			t.Errorf("first load lacks %q", w)
		}
	}
	if strings.Contains(first, "nach dem Absenden") {
		t.Error("the form still says the total comes after sending")
	}

	set := func(kv ...string) func(url.Values) {
		return func(v url.Values) {
			for i := 0; i+1 < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
		}
	}
	cases := []struct {
		name    string
		path    string
		rows    int
		mutate  func(url.Values)
		status  int
		want    []string
		notWant []string
	}{
		{"two rows: no group discount yet", "/book/%d/total", 2, nil, 200,
			[]string{"2 Plätze × 490,00", "980,00", "186,20", "1.166,20"}, []string{"Gruppenrabatt ab"}},
		{"three rows: the third person gets 10 %", "/book/%d/total", 3, nil, 200,
			// 147000 − 4900 = 142100; VAT 26999; gross 169099
			[]string{"3 Plätze × 490,00", "Gruppenrabatt ab der 3. Person: 10\u00a0% auf 1 Platz", "-49,00", "1.421,00", "269,99", "1.690,99"}, nil},
		{"voucher on the total after the group discount", "/book/%d/total", 4, set("voucher", "team5"), 200,
			// 196000 − 9800 = 186200; −5 % 9310 = 176890; VAT 33609; gross 210499
			[]string{"auf 2 Plätze", "-98,00", "Gutschein TEAM5", "-93,10", "1.768,90", "336,09", "2.104,99"}, nil},
		{"unknown voucher is left out and said so", "/book/%d/total", 1, set("voucher", "NIX"), 200,
			[]string{"Der Gutschein ist nicht eingerechnet", "583,10"}, []string{"Gutschein NIX"}},
		{"English", "/en/book/%d/total", 3, nil, 200,
			[]string{"3 seats × €490.00", "Group discount from person 3: 10% off 1 seat", "€1,690.99"}, nil},
		{"fragment only", "/book/%d/total", 1, nil, 200, []string{`<section id="booking-total"`}, []string{"<html", "<form"}},
		{"+ Weitere Person re-renders the total for the rows", "/book/%d", 2, set("action", "add_attendee"), 200,
			[]string{"3 Plätze × 490,00", "Gruppenrabatt ab der 3. Person"}, nil},
		{"a form with errors keeps its total", "/book/%d", 3, set("billing.company", ""), 422,
			[]string{"3 Plätze × 490,00", "1.690,99", `aria-invalid="true"`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := do(t, cl, http.MethodPost, ts.URL+fmt.Sprintf(c.path, date.ID), "application/x-www-form-urlencoded", bookingForm(csrf, c.rows, c.mutate))
			if status != c.status {
				t.Fatalf("status %d, want %d: %.400s", status, c.status, body)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(body, w) {
					t.Errorf("has %q", w)
				}
			}
		})
	}

	onlineCases := []struct {
		name    string
		mutate  func(url.Values)
		want    []string
		notWant []string
	}{
		{"online, Austrian company: reverse charge, no VAT", set("billing.country", "AT", "billing.vat_id", "ATU12345678"),
			[]string{"Steuerschuldnerschaft des Leistungsempfängers", "Gesamtbetrag", "980,00"}, []string{"MwSt."}},
		{"online, private person in Austria: no total, the reason", set("billing.country", "AT"),
			[]string{"nur an Unternehmen"}, []string{"Summe netto"}},
		{"online, German company: VAT", nil, []string{"zzgl. 19\u00a0% MwSt.", "1.166,20"}, nil},
	}
	for _, c := range onlineCases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := do(t, cl, http.MethodPost, fmt.Sprintf("%s/book/%d/total", ts.URL, online.ID), "application/x-www-form-urlencoded", bookingForm(csrf, 2, c.mutate))
			if status != http.StatusOK {
				t.Fatalf("status %d: %.300s", status, body)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("lacks %q: %s", w, body)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(body, w) {
					t.Errorf("has %q", w)
				}
			}
		})
	}
	if d, _ := st.DateByID(t.Context(), date.ID); d.SeatsTaken != 0 {
		t.Fatalf("asking for totals took %d seats", d.SeatsTaken)
	}

	// Booking what the total said: the manage page shows the same lines and amount.
	status, _, h := do(t, cl, http.MethodPost, fmt.Sprintf("%s/book/%d", ts.URL, date.ID), "application/x-www-form-urlencoded", bookingForm(csrf, 3, nil))
	if status != http.StatusSeeOther {
		t.Fatalf("booking: status %d", status)
	}
	_, manage, _ := do(t, cl, http.MethodGet, ts.URL+h.Get("Location"), "", "")
	for _, w := range []string{"Gruppenrabatt ab der 3. Person: 10 % auf 1 Platz", "-49,00", "1.690,99"} {
		if !strings.Contains(manage, w) {
			t.Errorf("manage page lacks %q", w)
		}
	}
}

// TestBookingFormTotalWorkedExample: the booking form's total for docs/pricing.md's worked
// example — 4 persons at 590,00 € with the early bird at 490,00 €, the seminar's own rule from the
// 3rd person −10 %, voucher TEAM5 (5 %) — line by line.
func TestBookingFormTotalWorkedExample(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := t.Context()
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, PriceNetCents: 59000})
	until := st.Now().Add(7 * 24 * time.Hour)
	date.EarlyBirdNetCents, date.EarlyBirdUntil = 49000, &until
	sem := *date.Seminar
	sem.GroupPricing, sem.GroupFromSeat, sem.GroupPercentBP = model.GroupPricingOwn, 3, 1000
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateDate(ctx, &date); err != nil {
			return err
		}
		return tx.UpdateSeminar(ctx, &sem)
	})
	if err != nil {
		t.Fatal(err)
	}
	seedVoucher(t, st, model.Voucher{Code: "TEAM5", Kind: model.VoucherPercent, PercentBP: 500})
	ts := newServer(t, st) // no global rule: the seminar's own applies
	cl := client(t)
	_, page, _ := do(t, cl, http.MethodGet, fmt.Sprintf("%s/book/%d", ts.URL, date.ID), "", "")
	status, body, _ := do(t, cl, http.MethodPost, fmt.Sprintf("%s/book/%d/total", ts.URL, date.ID), "application/x-www-form-urlencoded",
		bookingForm(csrfToken(t, page), 4, func(v url.Values) { v.Set("voucher", "TEAM5") }))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	want := []string{
		"4 Plätze × 590,00\u00a0€", "2.360,00\u00a0€",
		"Frühbucherpreis (490,00\u00a0€ je Platz)", "-400,00\u00a0€",
		"Gruppenrabatt ab der 3. Person: 10\u00a0% auf 2 Plätze", "-98,00\u00a0€",
		"Gutschein TEAM5", "-93,10\u00a0€",
		"Summe netto", "1.768,90\u00a0€", "zzgl. 19\u00a0% MwSt.", "336,09\u00a0€", "Gesamtbetrag", "2.104,99\u00a0€",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(body[at:], w)
		if i < 0 {
			t.Fatalf("total lacks %q after position %d:\n%s", w, at, body)
		}
		at += i + len(w)
	}
}
