package calendar_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"seminars/internal/calendar"
	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func newService(t *testing.T, st *store.Store, clk *storetest.Clock, key string) *calendar.Service {
	t.Helper()
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	keys, err := secret.New(key)
	if err != nil {
		t.Fatal(err)
	}
	return calendar.New(st, keys, catalog, calendar.Settings{BaseURL: "https://seminare.example", Location: storetest.Berlin(), Language: "de"}, clk.Now)
}

func secretOf(url string) string {
	return strings.TrimSuffix(url[strings.LastIndex(url, "/")+1:], ".ics")
}

// TestRenewKillsTheOldURL on both databases: the URL is stable until renewed, a renewal is
// audited, the old secret is then refused, and another server key never derives the same URL.
func TestRenewKillsTheOldURL(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		svc := newService(t, st, clk, "calendar-test-key-0123456789abcdefgh")
		first, err := svc.URL(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(first, "https://seminare.example/calendar/") || !strings.HasSuffix(first, ".ics") {
			t.Fatalf("URL %q", first)
		}
		if again, _ := svc.URL(ctx); again != first {
			t.Fatal("the URL changed without a renewal")
		}
		if other, _ := newService(t, st, clk, "another-server-key-0123456789abcdef").URL(ctx); other == first {
			t.Fatal("another server key derived the same URL")
		}
		renewed, err := svc.Renew(ctx, "owner@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if current, _ := svc.URL(ctx); renewed == first || current != renewed {
			t.Fatalf("renewed %q, current %q, first %q", renewed, current, first)
		}
		cases := []struct {
			name      string
			presented string
			wantErr   error
		}{
			{"the renewed secret", secretOf(renewed), nil},
			{"the secret before renewing", secretOf(first), model.ErrNotFound},
			{"empty", "", model.ErrNotFound},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if _, err := svc.Feed(ctx, c.presented); !errors.Is(err, c.wantErr) {
					t.Fatalf("Feed: %v, want %v", err, c.wantErr)
				}
			})
		}
		log, err := st.AuditLog(ctx, 10)
		if err != nil || len(log) != 1 || log[0].Action != model.AuditCalendarRenewed || log[0].Actor != "owner@example.com" {
			t.Fatalf("audit log %+v, %v", log, err)
		}
	})
}

// TestFeedChangesWithTheDate: SEQUENCE and LAST-MODIFIED follow the date's updated_at, so a
// change shows in calendars that cache by sequence; the UID stays.
func TestFeedChangesWithTheDate(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		svc := newService(t, st, clk, "calendar-test-key-0123456789abcdefgh")
		date := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk})
		url, _ := svc.URL(ctx)
		before, err := svc.Feed(ctx, secretOf(url))
		if err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Hour)
		date.City = "Köln"
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateDate(ctx, &date) }); err != nil {
			t.Fatal(err)
		}
		after, err := svc.Feed(ctx, secretOf(url))
		if err != nil {
			t.Fatal(err)
		}
		line := func(feed []byte, name string) string {
			for _, l := range strings.Split(string(feed), "\r\n") {
				if strings.HasPrefix(l, name+":") {
					return l
				}
			}
			return ""
		}
		if line(before, "UID") == "" || line(before, "UID") != line(after, "UID") {
			t.Fatalf("UID %q → %q", line(before, "UID"), line(after, "UID"))
		}
		for _, prop := range []string{"SEQUENCE", "LAST-MODIFIED"} {
			if line(before, prop) == line(after, prop) {
				t.Errorf("%s stayed %q after the date changed", prop, line(after, prop))
			}
		}
		if !strings.Contains(string(after), "Köln") {
			t.Error("the feed does not show the new city")
		}
	})
}
