package booking_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// awkwardService is the booking service with a Berlin seller, on clk.
func awkwardService(st *store.Store, clk *storetest.Clock) *booking.Service {
	return booking.New(st, booking.Settings{
		VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20,
		SubstitutionDeadline: 24 * time.Hour,
		Seller: invoice.Seller{Name: "Seminare", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin",
			VATID: "DE123456789", DueDays: 14, Location: storetest.Berlin()},
		Cancellation: model.CancellationPolicy{FreeDays: 14, FeePercent: 50, Location: storetest.Berlin()},
	}, clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// TestInvoiceDatesAtAwkwardHours books at the hours where UTC and Berlin disagree about the day
// (or the year), for dates across midnight and across a DST change: the invoice's number year,
// issue day, due day and service day are Berlin's.
func TestInvoiceDatesAtAwkwardHours(t *testing.T) {
	in := storetest.InBerlin
	cases := []struct {
		name                         string
		bookedAt, start, end         time.Time
		wantNumber                   string
		wantIssued, wantDue, wantDay string // dd.mm.yyyy in Berlin
	}{
		{"23:30 Berlin on New Year's Eve", in(2026, 12, 31, 23, 30), in(2027, 1, 28, 9, 0), in(2027, 1, 28, 17, 0),
			"RE-2026-00001", "31.12.2026", "14.01.2027", "28.01.2027"},
		{"00:30 Berlin on New Year's Day, still 2026 in UTC", in(2027, 1, 1, 0, 30), in(2027, 1, 28, 9, 0), in(2027, 1, 28, 17, 0),
			"RE-2027-00001", "01.01.2027", "15.01.2027", "28.01.2027"},
		{"23:30 Berlin, a date across midnight", in(2026, 12, 2, 23, 30), in(2026, 12, 10, 20, 0), in(2026, 12, 11, 1, 0),
			"RE-2026-00001", "02.12.2026", "16.12.2026", "10.12.2026"},
		{"a date starting 00:15 Berlin, the day before in UTC", in(2026, 12, 3, 10, 0), in(2026, 12, 15, 0, 15), in(2026, 12, 15, 8, 15),
			"RE-2026-00001", "03.12.2026", "17.12.2026", "15.12.2026"},
		{"a date across the end of DST", in(2026, 10, 20, 23, 30), in(2026, 10, 24, 20, 0), in(2026, 10, 25, 4, 0),
			"RE-2026-00001", "20.10.2026", "03.11.2026", "24.10.2026"},
		{"booked the night DST ends", in(2026, 10, 25, 2, 30), in(2026, 11, 5, 9, 0), in(2026, 11, 5, 17, 0),
			"RE-2026-00001", "25.10.2026", "08.11.2026", "05.11.2026"},
		{"23:30 Berlin, due across the start of DST", in(2027, 3, 20, 23, 30), in(2027, 4, 20, 9, 0), in(2027, 4, 20, 17, 0),
			"RE-2027-00001", "20.03.2027", "03.04.2027", "20.04.2027"},
	}
	berlin := storetest.Berlin()
	day := func(t time.Time) string { return t.In(berlin).Format("02.01.2006") }
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, tc.bookedAt, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				svc := awkwardService(st, clk)
				date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: tc.start, EndsAt: tc.end})
				res, err := svc.Reserve(ctx, request(date.ID, 1))
				if err != nil {
					t.Fatal(err)
				}
				docs, err := st.InvoicesForBooking(ctx, res.Booking.ID)
				if err != nil || len(docs) != 1 {
					t.Fatalf("documents %+v (%v), want one invoice", docs, err)
				}
				inv := docs[0]
				if inv.Number != tc.wantNumber {
					t.Errorf("number %s, want %s", inv.Number, tc.wantNumber)
				}
				if got := day(inv.IssuedAt); got != tc.wantIssued {
					t.Errorf("issued %s, want %s", got, tc.wantIssued)
				}
				if inv.DueDate == nil || day(*inv.DueDate) != tc.wantDue {
					t.Errorf("due %v, want %s", inv.DueDate, tc.wantDue)
				}
				if !inv.ServiceStart.Equal(tc.start) || !inv.ServiceEnd.Equal(tc.end) {
					t.Errorf("service %s – %s, want %s – %s", inv.ServiceStart, inv.ServiceEnd, tc.start, tc.end)
				}
				if len(inv.Lines) == 0 || !strings.Contains(inv.Lines[0].Description, tc.wantDay) {
					t.Errorf("line %+v does not name the day %s", inv.Lines, tc.wantDay)
				}
			})
		})
	}
}

// TestBookerDeadlinesAtAwkwardHours checks what the manage page offers near the deadlines at the
// awkward hours: cancelling until the start, replacing an attendee until 24 hours before, the fee
// from the first Berlin day with fewer than 14 days left.
func TestBookerDeadlinesAtAwkwardHours(t *testing.T) {
	in := storetest.InBerlin
	cases := []struct {
		name           string
		start, now     time.Time
		wantMayCancel  bool
		wantSubstitute bool
		wantFee        bool
	}{
		{"23:30 the evening before a date at 00:15", in(2026, 12, 16, 0, 15), in(2026, 12, 15, 23, 30), true, false, true},
		{"a minute after a 00:15 start", in(2026, 12, 16, 0, 15), in(2026, 12, 16, 0, 16), false, false, true},
		{"25 hours before, across the end of DST", in(2026, 10, 25, 9, 0), in(2026, 10, 24, 9, 0), true, true, true},
		{"23 hours before, across the start of DST", in(2027, 3, 28, 9, 0), in(2027, 3, 27, 9, 0), true, false, true},
		{"New Year's Eve 23:30, date on 14 Jan", in(2027, 1, 14, 9, 0), in(2026, 12, 31, 23, 30), true, true, false},
		{"New Year's Day 00:00, date on 14 Jan", in(2027, 1, 14, 9, 0), in(2027, 1, 1, 0, 0), true, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clk := storetest.NewClockAt(t, tc.start.AddDate(0, -1, 0))
			st := storetest.SQLiteAt(t, clk)
			svc := awkwardService(st, clk)
			date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: tc.start})
			res, err := svc.Reserve(context.Background(), request(date.ID, 2))
			if err != nil {
				t.Fatal(err)
			}
			clk.Set(tc.now)
			b, err := svc.Lookup(context.Background(), res.Booking.Reference, res.ManageToken)
			if err != nil {
				t.Fatal(err)
			}
			if got := svc.BookerMayCancel(b); got != tc.wantMayCancel {
				t.Errorf("may cancel = %v, want %v", got, tc.wantMayCancel)
			}
			if got := svc.QuoteCancellation(b).FeeCents > 0; got != tc.wantFee {
				t.Errorf("fee charged = %v, want %v", got, tc.wantFee)
			}
			_, err = svc.Substitute(context.Background(), b.Reference, res.ManageToken, booking.Substitution{
				AttendeeID: b.Attendees[0].ID, FirstName: "Nora", LastName: "Neu", Email: "nora@example.com"})
			if got := err == nil; got != tc.wantSubstitute {
				t.Errorf("substitute: err = %v, want allowed=%v", err, tc.wantSubstitute)
			}
		})
	}
}
