package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestAdminSubstituteAttendee(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{StartsIn: 2 * time.Hour}) // past the bookers' deadline
	svc := booking.New(env.st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 5},
		env.st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	res, err := svc.Reserve(ctx, booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Alt", Email: "anna@firma.example"}},
		Billing:   model.Billing{Company: "Firma GmbH", Name: "Max", Email: "max@firma.example", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}})
	if err != nil {
		t.Fatal(err)
	}
	old := res.Booking.Attendees[0]
	page := fmt.Sprintf("/admin/bookings/%s/attendees/%d/substitute", res.Booking.Reference, old.ID)
	b := env.signedIn(env.owner.Email)
	if r, body := b.get(page); r.StatusCode != http.StatusOK || !strings.Contains(body, "anna@firma.example") {
		t.Fatalf("form: %d", r.StatusCode)
	}
	cases := []struct {
		name       string
		form       url.Values
		wantStatus int
		want       string
	}{
		{"bad e-mail re-renders", url.Values{"first_name": {"Bernd"}, "last_name": {"Neu"}, "email": {"bernd-at-firma"}}, 422, "gültige E-Mail-Adresse"},
		{"the seat goes to the new person", url.Values{"first_name": {"Bernd"}, "last_name": {"Neu"}, "email": {"bernd@firma.example"}}, 303, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, body := b.post(page, page, tc.form)
			if r.StatusCode != tc.wantStatus || !strings.Contains(body, tc.want) {
				t.Fatalf("status %d: %.300s", r.StatusCode, body)
			}
		})
	}
	after, err := env.st.BookingByReference(ctx, res.Booking.Reference)
	if err != nil || after.Attendees[0].Email != "bernd@firma.example" {
		t.Fatalf("attendee after: %+v %v", after.Attendees, err)
	}
	items, _ := env.st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailEvent})
	found := false
	for _, it := range items {
		found = found || (strings.Contains(it.Payload, string(model.EventAttendeeSubstituted)) && strings.Contains(it.Payload, "anna@firma.example"))
	}
	if !found {
		t.Fatal("no attendee_substituted event for the mail worker")
	}
	if _, body := b.get("/admin/audit"); !strings.Contains(body, "Person ersetzt") {
		t.Fatal("no audit entry")
	}
	if r, _ := env.browser().get(page); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("without sign-in: %d", r.StatusCode)
	}
}
