package booking_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestSubstitute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{StartsIn: 10 * 24 * time.Hour})
		clock := st.Now()
		svc := booking.New(st, booking.Settings{
			VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20,
			SubstitutionDeadline: 24 * time.Hour,
		}, func() time.Time { return clock }, slog.New(slog.NewTextHandler(io.Discard, nil)))
		req := booking.Request{
			DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
			Billing: model.Billing{Company: "Muster GmbH", Name: "Max Muster", Email: "max@example.com", Street: "Hauptstr. 1",
				PostalCode: "10115", City: "Berlin", Country: "DE"},
			Attendees: []booking.AttendeeInput{
				{FirstName: "Erika", LastName: "Muster", Email: "erika@example.com"},
				{FirstName: "Hans", LastName: "Meier", Email: "hans@example.com"},
			},
		}
		res, err := svc.Reserve(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		ref, token := res.Booking.Reference, res.ManageToken
		erika, hans := res.Booking.Attendees[0].ID, res.Booking.Attendees[1].ID
		fieldErr := func(field string) func(error) bool {
			return func(err error) bool {
				var v *model.ValidationError
				return errors.As(err, &v) && v.Fields[field] != ""
			}
		}
		cases := []struct {
			name    string
			at      time.Time
			token   string
			sub     booking.Substitution
			wantErr func(error) bool
		}{
			{"a stranger cannot substitute", clock, "wrong", booking.Substitution{AttendeeID: erika, FirstName: "X", LastName: "Y", Email: "x@example.com"},
				func(err error) bool { return errors.Is(err, model.ErrNotFound) }},
			{"the new address may not be another attendee's", clock, token, booking.Substitution{AttendeeID: erika, FirstName: "Hans", LastName: "Zwei", Email: "HANS@example.com"},
				fieldErr("email")},
			{"an attendee of another booking is not found", clock, token, booking.Substitution{AttendeeID: 99999, FirstName: "X", LastName: "Y", Email: "x@example.com"},
				fieldErr("attendee_id")},
			{"after the deadline nothing changes", date.StartsAt.Add(-23 * time.Hour), token, booking.Substitution{AttendeeID: erika, FirstName: "X", LastName: "Y", Email: "x@example.com"},
				fieldErr("attendee_id")},
			{"before the deadline the seat moves", date.StartsAt.Add(-25 * time.Hour), token, booking.Substitution{AttendeeID: erika, FirstName: " Jörg ", LastName: "Weiß", Email: "Joerg@Example.com "},
				nil},
		}
		for _, c := range cases {
			clock = c.at
			_, err := svc.Substitute(ctx, ref, c.token, c.sub)
			if c.wantErr == nil && err != nil || c.wantErr != nil && !c.wantErr(err) {
				t.Errorf("%s: err %v", c.name, err)
			}
		}
		b, err := st.BookingByReference(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		if a := b.Attendees[0]; a.ID != erika || a.FullName() != "Jörg Weiß" || a.Email != "joerg@example.com" {
			t.Errorf("substituted attendee is %+v", a)
		}
		if a := b.Attendees[1]; a.ID != hans || a.Email != "hans@example.com" {
			t.Errorf("other attendee changed: %+v", a)
		}
		items, err := st.DueOutboxItems(ctx, model.TopicMailEvent, clock.Add(time.Hour), 100)
		if err != nil {
			t.Fatal(err)
		}
		var found int
		for _, it := range items {
			var p model.EventPayload
			if err := json.Unmarshal([]byte(it.Payload), &p); err != nil {
				t.Fatal(err)
			}
			if p.Event == model.EventAttendeeSubstituted {
				found++
				if p.OldEmail != "erika@example.com" || p.OldName != "Erika Muster" || p.AttendeeID != erika || p.BookingID != b.ID {
					t.Errorf("substitution event %+v", p)
				}
			}
		}
		if found != 1 {
			t.Errorf("%d substitution events, want 1", found)
		}
	})
}
