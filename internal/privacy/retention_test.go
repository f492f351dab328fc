package privacy_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestRetention runs the job just before and just after each period, with the data made at start.
func TestRetention(t *testing.T) {
	day := storetest.InBerlin(2026, time.November, 28, 23, 50) // late, so a run after midnight is a new day
	cases := []struct {
		name          string
		start         time.Time
		setup         func(e *env)
		kept          func(e *env) bool
		before, after time.Time
	}{
		{"waiting-list entry after 12 months", storetest.ReferenceTime, func(e *env) { e.waitFor(erika) },
			func(e *env) bool { w, _ := e.st.WaitlistEntriesByEmail(e.ctx, erika.email); return len(w) == 1 },
			storetest.ReferenceTime.AddDate(0, 12, -1), storetest.ReferenceTime.AddDate(0, 12, 1)},
		{"in-house inquiry after 24 months", storetest.ReferenceTime, func(e *env) { e.inquire(erika) },
			func(e *env) bool { i, _ := e.st.InquiriesByEmail(e.ctx, erika.email); return len(i) == 1 },
			storetest.ReferenceTime.AddDate(0, 24, -1), storetest.ReferenceTime.AddDate(0, 24, 1)},
		// The inquiry confirmation stands for the mails that are not business letters.
		{"body of an inquiry confirmation after 90 days", storetest.ReferenceTime, func(e *env) { e.inquire(erika); e.deliver() },
			func(e *env) bool { return mailBodyOfKind(e, erika.email, "inquiry_confirmation") != "" },
			storetest.ReferenceTime.AddDate(0, 0, 89), storetest.ReferenceTime.AddDate(0, 0, 91)},
		// The confirmation keeps its body on delivery with the manage link's secret taken out (see
		// mail): it is a business letter, kept its years, then removed.
		{"body of a booking confirmation after 6 years", storetest.ReferenceTime, func(e *env) { e.book(maxBooker, erika); e.deliver() },
			func(e *env) bool { return mailBodyOfKind(e, maxBooker.email, "billing_booking_confirmed") != "" },
			storetest.ReferenceTime.AddDate(6, 0, -1), storetest.ReferenceTime.AddDate(6, 0, 1)},
		{"body of an attendee's confirmation after 6 years", storetest.ReferenceTime, func(e *env) { e.book(maxBooker, erika); e.deliver() },
			func(e *env) bool { return mailBodyOfKind(e, erika.email, "attendee_confirmed") != "" },
			storetest.ReferenceTime.AddDate(6, 0, -1), storetest.ReferenceTime.AddDate(6, 0, 1)},
		{"body of a payment notice (business letter) after 6 years", storetest.ReferenceTime, func(e *env) {
			res := e.book(maxBooker, erika)
			e.deliver()
			e.settle(res.Booking)
			e.deliver()
		}, func(e *env) bool { return mailBodyOfKind(e, maxBooker.email, "billing_payment_received") != "" },
			storetest.ReferenceTime.AddDate(6, 0, -1), storetest.ReferenceTime.AddDate(6, 0, 1)},
		{"in-house offer (business letter) after 6 years", storetest.ReferenceTime, func(e *env) { e.offer(erika) },
			func(e *env) bool { return offers(e) == 1 },
			storetest.ReferenceTime.AddDate(6, 0, -1), storetest.ReferenceTime.AddDate(6, 0, 1)},
		{"invoice 8 years from the end of its calendar year", storetest.ReferenceTime, func(e *env) { e.book(maxBooker, erika); e.deliver() },
			func(e *env) bool { return invoices(e) == 1 },
			storetest.InBerlin(2034, time.December, 31, 23, 0), storetest.InBerlin(2035, time.January, 1, 1, 0)},
		{"invoice under a legal hold stays", storetest.ReferenceTime, func(e *env) {
			res := e.book(maxBooker, erika)
			e.deliver()
			if err := e.a.Privacy.SetLegalHold(e.ctx, "owner@example.com", strings.ToLower(res.Booking.Reference), true); err != nil {
				e.t.Fatal(err)
			}
		}, func(e *env) bool { return invoices(e) == 1 },
			storetest.InBerlin(2034, time.December, 31, 23, 0), storetest.InBerlin(2045, time.January, 2, 1, 0)},
		{"sign-in failure after its window", day, func(e *env) {
			if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
				_, err := tx.RecordLoginFailure(e.ctx, []string{"account:x@example.com"}, e.clk.Now(), time.Hour)
				return err
			}); err != nil {
				e.t.Fatal(err)
			}
		}, func(e *env) bool {
			n, _ := e.st.CountLoginFailures(e.ctx, "account:x@example.com", e.clk.Now().AddDate(-1, 0, 0))
			return n == 1
		}, day.Add(5 * time.Minute), day.Add(20 * time.Minute)},
		{"back-office session idle for 2 hours", day.Add(-90 * time.Minute), func(e *env) {
			if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
				u := model.StaffUser{Email: "staff@example.com", Role: model.RoleOwner, PasswordHash: "x"}
				if err := tx.CreateStaffUser(e.ctx, &u); err != nil {
					return err
				}
				return tx.CreateStaffSession(e.ctx, &model.StaffSession{TokenHash: "h", UserID: u.ID, LastSeenAt: e.clk.Now(), ExpiresAt: e.clk.Now().Add(12 * time.Hour)})
			}); err != nil {
				e.t.Fatal(err)
			}
		}, func(e *env) bool { _, err := e.st.StaffSessionByHash(e.ctx, "h"); return err == nil },
			day.Add(5 * time.Minute), day.Add(40 * time.Minute)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, tc.start, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				e := newEnv(t, st, clk)
				tc.setup(e)
				for _, run := range []struct {
					at   time.Time
					kept bool
				}{{tc.before, true}, {tc.after, tc.name == "invoice under a legal hold stays"}} {
					clk.Set(run.at)
					if _, ran, err := e.a.Privacy.RunRetention(e.ctx, run.at); err != nil || !ran {
						t.Fatalf("run at %s: ran %v, %v", run.at, ran, err)
					}
					if got := tc.kept(e); got != run.kept {
						t.Fatalf("at %s: kept %v, want %v", run.at.In(storetest.Berlin()), got, run.kept)
					}
				}
			})
		})
	}
}

// offers counts the stored offers, each of which must still have its PDF.
func offers(e *env) int {
	e.t.Helper()
	list, err := e.st.Offers(e.ctx, 0, 100)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, o := range list {
		if _, err := e.st.OfferDocument(e.ctx, o.ID); err != nil {
			e.t.Fatalf("offer %s without its PDF: %v", o.Number, err)
		}
	}
	return len(list)
}

// mailBodyOfKind is the text of the delivered mail of kind to email.
func mailBodyOfKind(e *env, email, kind string) string {
	x, err := e.a.Privacy.ExportPerson(e.ctx, email)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, m := range x.Mails {
		if m.Kind == kind {
			return m.Text
		}
	}
	e.t.Fatalf("no %s mail to %s in %+v", kind, email, x.Mails)
	return ""
}

// invoices counts maxBooker's invoices whose stored PDF is still there.
func invoices(e *env) int {
	x, err := e.a.Privacy.ExportPerson(e.ctx, maxBooker.email)
	if err != nil || len(x.Bookings) != 1 {
		e.t.Fatalf("bookings of max: %v", err)
	}
	return len(x.Bookings[0].Documents)
}

// TestRetentionRunsOncePerDayAcrossInstances runs the job from two stores on one PostgreSQL
// schema (two instances of the service) for the same day at once: one of them does the day.
func TestRetentionRunsOncePerDayAcrossInstances(t *testing.T) {
	dsn := storetest.PostgresSchemaURL(t)
	clk := storetest.NewClock(t)
	var envs []*env
	for range 2 {
		st, err := store.Open(t.Context(), dsn, clk.Option())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
		envs = append(envs, newEnv(t, st, clk))
	}
	for round, at := range []time.Time{clk.Now(), clk.Now().Add(time.Hour), clk.Now().AddDate(0, 0, 1)} {
		var wg sync.WaitGroup
		ran := make([]bool, len(envs))
		for i, e := range envs {
			wg.Go(func() {
				_, did, err := e.a.Privacy.RunRetention(e.ctx, at)
				if err != nil {
					t.Error(err)
				}
				ran[i] = did
			})
		}
		wg.Wait()
		want := 1
		if round == 1 {
			want = 0 // the same day again
		}
		if n := map[bool]int{true: 1}[ran[0]] + map[bool]int{true: 1}[ran[1]]; n != want {
			t.Fatalf("round %d at %s: %d instances ran, want %d", round, at, n, want)
		}
	}
}
