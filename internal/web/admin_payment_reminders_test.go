package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestOverdueListShowsReminders: the overdue list shows how many payment reminders a booking
// was sent.
func TestOverdueListShowsReminders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		clk := storetest.NewClock(t)
		env := newAdminEnvOn(t, st, clk)
		date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, StartsIn: 90 * 24 * time.Hour, Clock: clk})
		b := env.book(date.ID, "Spaet GmbH", "Anna Schmidt")
		owner := env.signedIn("owner@example.com")
		if _, body := owner.get("/admin/bookings?overdue=1"); strings.Contains(body, b.Reference) {
			t.Fatal("a booking not yet due is on the overdue list")
		}
		clk.Advance(21 * 24 * time.Hour) // 14 days' term, then 7
		reminders := backoffice.NewPaymentReminders(env.st, model.ReminderSchedule{Days: []int{7}, Max: 1}, storetest.Berlin(), clk.Now)
		if n, err := reminders.Send(context.Background()); err != nil || n != 1 {
			t.Fatalf("%d reminders (%v)", n, err)
		}
		owner = env.signedIn("owner@example.com")
		if _, body := owner.get("/admin/bookings?overdue=1"); !strings.Contains(body, b.Reference) || !strings.Contains(body, "Zahlungserinnerungen: 1") {
			t.Fatalf("overdue list lacks %s or its reminder count:\n%s", b.Reference, excerpt(body))
		}
	})
}
