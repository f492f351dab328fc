package backoffice

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestPaymentReminderSchedule: with reminders 7, 14 and 28 days after the due date and at most
// two, an unpaid invoice booking is reminded on day 7 and day 14 (never before its day, never
// twice for one step however often the job runs, never a third time); a booking that is paid or
// cancelled is not reminded; a partly paid one is reminded of the rest. Each reminder is a
// payment_reminders row with an audit entry and the mail event.
func TestPaymentReminderSchedule(t *testing.T) {
	type run struct {
		day       int // days after the invoice's due date (the day it was issued: no payment term here)
		wantNew   int // reminders this run records
		wantTotal int // reminders of the booking after it
	}
	cases := []struct {
		name  string
		setup func(t *testing.T, office *Service, st *store.Store, reference string, today string)
		runs  []run
		// wantDue is the amount the last reminder states, in cents (0: the booking's gross).
		wantDue int64
	}{
		{"unpaid: step 1, step 2, then the maximum", nil, []run{
			{day: 0, wantNew: 0, wantTotal: 0},  // due today: not overdue
			{day: 6, wantNew: 0, wantTotal: 0},  // before step 1
			{day: 7, wantNew: 1, wantTotal: 1},  // step 1
			{day: 7, wantNew: 0, wantTotal: 1},  // the job again the same day
			{day: 13, wantNew: 0, wantTotal: 1}, // between the steps
			{day: 14, wantNew: 1, wantTotal: 2}, // step 2
			{day: 28, wantNew: 0, wantTotal: 2}, // step 3 exists, the maximum is 2
			{day: 60, wantNew: 0, wantTotal: 2},
		}, 0},
		{"paid before step 1", func(t *testing.T, office *Service, st *store.Store, reference, today string) {
			if err := office.MarkPaid(context.Background(), "owner@example.com", reference); err != nil {
				t.Fatal(err)
			}
		}, []run{{day: 7, wantNew: 0, wantTotal: 0}, {day: 14, wantNew: 0, wantTotal: 0}}, 0},
		{"partly paid: reminded of the rest", func(t *testing.T, office *Service, st *store.Store, reference, today string) {
			if _, err := office.RecordPayment(context.Background(), "owner@example.com", reference,
				model.PaymentInput{AmountCents: 10000, PaidOn: today, Method: "bank_transfer"}); err != nil {
				t.Fatal(err)
			}
		}, []run{{day: 7, wantNew: 1, wantTotal: 1}}, -10000},
		{"cancelled by the trainer", func(t *testing.T, office *Service, st *store.Store, reference, today string) {
			if _, err := office.CancelBooking(context.Background(), "owner@example.com", reference); err != nil {
				t.Fatal(err)
			}
		}, []run{{day: 7, wantNew: 0, wantTotal: 0}}, 0},
		{"cancelled with money still owed", func(t *testing.T, office *Service, st *store.Store, reference, today string) {
			ctx := context.Background()
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				b, err := tx.LockBooking(ctx, reference)
				if err != nil {
					return err
				}
				b.Status = model.BookingCancelled // a fee the credit note left owing: still no reminder
				return tx.SaveBookingStatus(ctx, &b)
			})
			if err != nil {
				t.Fatal(err)
			}
		}, []run{{day: 7, wantNew: 0, wantTotal: 0}, {day: 14, wantNew: 0, wantTotal: 0}}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				w, bookings := newTestWaitlist(st, clk)
				office := New(st, bookings, w, clk.Now)
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
				res, err := bookings.Reserve(ctx, request(date.ID, 2))
				if err != nil {
					t.Fatal(err)
				}
				if tc.setup != nil {
					tc.setup(t, office, st, res.Booking.Reference, clk.Now().In(storetest.Berlin()).Format(time.DateOnly))
				}
				reminders := NewPaymentReminders(st, model.ReminderSchedule{Days: []int{7, 14, 28}, Max: 2}, storetest.Berlin(), clk.Now)
				start := clk.Now()
				for _, r := range tc.runs {
					clk.Set(start.AddDate(0, 0, r.day))
					n, err := reminders.Send(ctx)
					if err != nil || n != r.wantNew {
						t.Fatalf("day %d: %d reminders (%v), want %d", r.day, n, err, r.wantNew)
					}
					got, err := st.PaymentRemindersOfBooking(ctx, res.Booking.ID)
					if err != nil || len(got) != r.wantTotal {
						t.Fatalf("day %d: %d reminders recorded (%v), want %d", r.day, len(got), err, r.wantTotal)
					}
				}
				got, _ := st.PaymentRemindersOfBooking(ctx, res.Booking.ID)
				checkReminderRecords(t, st, res.Booking, got, tc.wantDue)
			})
		})
	}
}

// checkReminderRecords: the steps count up from 1, each with an audit entry and one mail event.
func checkReminderRecords(t *testing.T, st *store.Store, b model.Booking, got []model.PaymentReminder, wantDue int64) {
	t.Helper()
	ctx := context.Background()
	events := 0
	items, err := st.ListOutbox(ctx, store.OutboxFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if strings.Contains(it.Key, string(model.EventPaymentReminder)) {
			events++
		}
	}
	audits := 0
	entries, err := st.AuditLog(ctx, 500)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == model.AuditPaymentReminder && e.Subject == "booking "+b.Reference {
			audits++
		}
	}
	if events != len(got) || audits != len(got) {
		t.Errorf("%d reminders, %d mail events, %d audit entries: want one each", len(got), events, audits)
	}
	for i, r := range got {
		if r.Step != i+1 {
			t.Errorf("reminder %d is step %d", i+1, r.Step)
		}
		if want := b.GrossCents + wantDue; r.AmountDueCents != want {
			t.Errorf("reminder %d states %d cents due, want %d", i+1, r.AmountDueCents, want)
		}
	}
}

// TestPaymentRemindersOncePerCluster: two instances running the job at the same moment record
// each step once.
func TestPaymentRemindersOncePerCluster(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		_, bookings := newTestWaitlist(st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		res, err := bookings.Reserve(ctx, request(date.ID, 1))
		if err != nil {
			t.Fatal(err)
		}
		clk.Set(clk.Now().AddDate(0, 0, 7))
		schedule := model.ReminderSchedule{Days: []int{7, 14}, Max: 2}
		var wg sync.WaitGroup
		sent := make([]int, 2)
		errs := make([]error, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sent[i], errs[i] = NewPaymentReminders(st, schedule, storetest.Berlin(), clk.Now).Send(ctx)
			}()
		}
		wg.Wait()
		got, _ := st.PaymentRemindersOfBooking(ctx, res.Booking.ID)
		if errs[0] != nil || errs[1] != nil || sent[0]+sent[1] != 1 || len(got) != 1 {
			t.Fatalf("sent %v (%v), recorded %d; want one reminder", sent, errs, len(got))
		}
	})
}
