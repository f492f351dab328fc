package backoffice

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestRunDecisionStates is the run decision's table on both databases at a fixed clock: whether
// a date is guaranteed and whether its decision is due (decision_days 14), by its minimum, its
// confirmed seats, the trainer's confirmation and how far ahead it is.
func TestRunDecisionStates(t *testing.T) {
	day := 24 * time.Hour
	cases := []struct {
		name       string
		minimum    int
		booked     int // attendees of one confirmed (invoice) booking
		startsIn   time.Duration
		confirm    bool // the trainer confirmed the date
		cancel     bool
		guaranteed bool
		due        bool
	}{
		{name: "no minimum", minimum: 0, booked: 1, startsIn: 10 * day},
		{name: "below minimum, before the window", minimum: 4, booked: 2, startsIn: 20 * day},
		{name: "below minimum, on the window's first day", minimum: 4, booked: 2, startsIn: 14 * day, due: true},
		{name: "below minimum, inside the window", minimum: 4, booked: 2, startsIn: 10 * day, due: true},
		{name: "nobody booked, inside the window", minimum: 4, startsIn: 3 * day, due: true},
		{name: "minimum reached", minimum: 2, booked: 2, startsIn: 10 * day, guaranteed: true},
		{name: "above minimum", minimum: 2, booked: 3, startsIn: 10 * day, guaranteed: true},
		{name: "confirmed below minimum", minimum: 4, booked: 1, startsIn: 10 * day, confirm: true, guaranteed: true},
		{name: "confirmed without minimum", minimum: 0, booked: 1, startsIn: 10 * day, confirm: true, guaranteed: true},
		{name: "cancelled below minimum", minimum: 4, booked: 1, startsIn: 10 * day, cancel: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				w, bookings := newTestWaitlist(st, clk)
				office := New(st, bookings, w, clk.Now)
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 8, MinParticipants: c.minimum, StartsIn: c.startsIn, Clock: clk})
				if c.booked > 0 {
					if _, err := bookings.Reserve(ctx, request(date.ID, c.booked)); err != nil {
						t.Fatal(err)
					}
				}
				if c.confirm {
					if _, err := office.ConfirmRun(ctx, "owner@example.com", date.ID); err != nil {
						t.Fatal(err)
					}
				}
				if c.cancel {
					if err := office.CancelDate(ctx, "owner@example.com", date.ID); err != nil {
						t.Fatal(err)
					}
				}
				d, err := st.DateByID(ctx, date.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !c.cancel && d.SeatsConfirmed != c.booked {
					t.Errorf("seats confirmed %d, want %d", d.SeatsConfirmed, c.booked)
				}
				if d.Guaranteed() != c.guaranteed {
					t.Errorf("guaranteed = %v, want %v", d.Guaranteed(), c.guaranteed)
				}
				due, err := NewRunDecisions(st, RunDecisionSettings{Days: 14}).Due(ctx, clk.Now())
				if err != nil {
					t.Fatal(err)
				}
				if listed := len(due) == 1 && due[0].ID == date.ID; listed != c.due || len(due) > 1 {
					t.Errorf("due list %v, want the date listed: %v", ids(due), c.due)
				}
				if off, _ := NewRunDecisions(st, RunDecisionSettings{Days: 0}).Due(ctx, clk.Now()); len(off) != 0 {
					t.Errorf("decision_days 0 still lists %v", ids(off))
				}
			})
		})
	}
}

func ids(dates []model.SeminarDate) []uint {
	var out []uint
	for _, d := range dates {
		out = append(out, d.ID)
	}
	return out
}

// TestDecisionDueRecordedOncePerDate: the job records one decision-due event per date, however
// often it runs (and on however many instances: the outbox key is unique), none before the
// window and none for a date the trainer confirmed.
func TestDecisionDueRecordedOncePerDate(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		w, bookings := newTestWaitlist(st, clk)
		office := New(st, bookings, w, clk.Now)
		below := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 3, StartsIn: 20 * 24 * time.Hour, Clock: clk})
		confirmed := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 3, StartsIn: 20 * 24 * time.Hour, Clock: clk})
		if _, err := office.ConfirmRun(ctx, "owner@example.com", confirmed.ID); err != nil {
			t.Fatal(err)
		}
		job := NewRunDecisions(st, RunDecisionSettings{Days: 14})
		events := func() map[uint]int {
			items, err := st.DueOutboxItems(ctx, model.TopicMailEvent, clk.Now().Add(24*time.Hour), 100)
			if err != nil {
				t.Fatal(err)
			}
			out := map[uint]int{}
			for _, it := range items {
				if strings.Contains(it.Payload, string(model.EventDecisionDue)) {
					for _, d := range []model.SeminarDate{below, confirmed} {
						if it.Key == model.TopicMailEvent.Key(fmt.Sprintf("%s:date-%d", model.EventDecisionDue, d.ID)) {
							out[d.ID]++
						}
					}
				}
			}
			return out
		}
		if n, err := job.NotifyDue(ctx, clk.Now()); err != nil || n != 0 {
			t.Fatalf("before the window: %d due, %v", n, err)
		}
		clk.Advance(7 * 24 * time.Hour)
		for range 3 { // three rounds (or three instances) inside the window
			if _, err := job.NotifyDue(ctx, clk.Now()); err != nil {
				t.Fatal(err)
			}
			clk.Advance(10 * time.Minute)
		}
		if got := events(); got[below.ID] != 1 || got[confirmed.ID] != 0 {
			t.Fatalf("decision events %v, want one for date %d and none for the confirmed date %d", got, below.ID, confirmed.ID)
		}
	})
}

// TestConfirmRun: confirming writes the date, its audit entry and the notice in one transaction;
// a second confirmation, a cancelled date, a draft and a date that started are refused and change
// nothing.
func TestConfirmRun(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		w, bookings := newTestWaitlist(st, clk)
		office := New(st, bookings, w, clk.Now)
		date := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 4, Clock: clk})
		if _, err := bookings.Reserve(ctx, request(date.ID, 2)); err != nil {
			t.Fatal(err)
		}
		got, err := office.ConfirmRun(ctx, "owner@example.com", date.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.RunConfirmedAt == nil || !got.RunConfirmedAt.Equal(clk.Now()) || !got.Guaranteed() {
			t.Fatalf("confirmed date %+v", got)
		}
		entries, _ := st.AuditLog(ctx, 10)
		if len(entries) == 0 || entries[0].Action != model.AuditDateRunConfirmed || entries[0].Actor != "owner@example.com" ||
			!strings.Contains(entries[0].Detail, "min_participants: 4; seats_confirmed: 2") {
			t.Fatalf("audit %+v", entries)
		}
		if _, err := st.OutboxItemByKey(ctx, model.TopicMailEvent.Key(fmt.Sprintf("%s:date-%d", model.EventDateConfirmed, date.ID))); err != nil {
			t.Fatalf("no date_confirmed event: %v", err)
		}

		draft := storetest.SeedDate(t, st, storetest.DateOptions{Status: model.DateDraft, Clock: clk})
		cancelled := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk})
		if err := office.CancelDate(ctx, "owner@example.com", cancelled.ID); err != nil {
			t.Fatal(err)
		}
		started := storetest.SeedDate(t, st, storetest.DateOptions{StartsIn: 2 * time.Hour, Clock: clk})
		clk.Advance(3 * time.Hour)
		refused := []struct {
			name string
			id   uint
		}{{"confirmed already", date.ID}, {"draft", draft.ID}, {"cancelled", cancelled.ID}, {"started", started.ID}}
		for _, r := range refused {
			before, _ := st.AuditLog(ctx, 100)
			if _, err := office.ConfirmRun(ctx, "owner@example.com", r.id); !errors.Is(err, model.ErrInvalidTransition) {
				t.Errorf("%s: err = %v, want ErrInvalidTransition", r.name, err)
			}
			after, _ := st.AuditLog(ctx, 100)
			if d, _ := st.DateByID(ctx, r.id); len(after) != len(before) || (r.id != date.ID && d.RunConfirmedAt != nil) {
				t.Errorf("%s: a refused confirmation changed something", r.name)
			}
		}
		if _, err := office.ConfirmRun(ctx, "owner@example.com", 99999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown date: err = %v", err)
		}
	})
}
