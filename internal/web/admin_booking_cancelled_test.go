package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestBookingListShowsTheCancelledMoney: the back office's booking list shows a cancelled
// booking's money state — the fee still owed, or nothing to pay — instead of "offen", which read
// as if the full amount were due; a booking still running keeps its payment status.
func TestBookingListShowsTheCancelledMoney(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, StartsIn: 10 * 24 * time.Hour})
	req := booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Gebühr GmbH", Name: "Erika Muster", Email: "billing@gebuehr.example",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Muster", Email: "anna@gebuehr.example"}}}
	byBooker, err := env.srv.bookings.Reserve(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.srv.bookings.CancelByBooker(ctx, byBooker.Booking.Reference, byBooker.ManageToken); err != nil {
		t.Fatal(err)
	}
	byTrainer := env.book(date.ID, "Trainer GmbH", "Tom Muster")
	if _, err := env.srv.bookings.CancelByTrainer(ctx, byTrainer.Reference); err != nil {
		t.Fatal(err)
	}
	running := env.book(date.ID, "Laufend GmbH", "Lea Muster")
	fee := env.srv.i18n.For("de").Money(byBooker.Booking.GrossCents / 2)

	res, body := env.signedIn(env.owner.Email).get("/admin/bookings")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	cases := []struct{ name, reference, want string }{
		{"booker cancelled inside the fee period", byBooker.Booking.Reference, "storniert · " + fee + " Stornogebühr offen"},
		{"trainer cancelled", byTrainer.Reference, "storniert · nichts zu zahlen"},
		{"still running", running.Reference, `class="pay-unpaid">offen`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, row, ok := strings.Cut(body, ">"+tc.reference+"</a></strong>") // the reference links to the detail page
			row, _, _ = strings.Cut(row, "</tr>")
			if !ok || !strings.Contains(row, tc.want) {
				t.Fatalf("row of %s lacks %q:\n%s", tc.reference, tc.want, row)
			}
		})
	}
}

// TestDashboardShowsWhatDidNotMatch: a booking flagged because a Stripe payment did not match
// is listed under "needs attention" with the reason and what did not match.
func TestDashboardShowsWhatDidNotMatch(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	b := env.book(date.ID, "Cent GmbH", "Carl Cent")
	b.NeedsAttention, b.AttentionReason, b.AttentionDetail = true, model.AttentionPaymentMismatch, "amount 1 ≠ 58310 due"
	if err := env.st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveBookingPayment(ctx, &b) }); err != nil {
		t.Fatal(err)
	}
	_, body := env.signedIn(env.owner.Email).get("/admin")
	for _, want := range []string{"Braucht Aufmerksamkeit", b.Reference, "Stripe-Zahlung passt nicht zur Buchung", "<code>amount 1 ≠ 58310 due</code>"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q\n%s", want, excerpt(body))
		}
	}
}
