package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestAdminBookingLegalHold: an owner sets and lifts a booking's legal hold with the button on its
// detail page; each change is stored and audited. An assistant sees the state, no button, and is
// refused when posting anyway.
func TestAdminBookingLegalHold(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	b := env.book(date.ID, "Muster GmbH", "Jörg Übel")
	page := "/admin/bookings/" + b.Reference
	action := page + "/legal-hold"
	owner := env.signedIn("owner@example.com")
	assistant := env.signedIn("assistant@example.com")
	held := func() bool {
		t.Helper()
		got, err := env.st.BookingByReference(context.Background(), b.Reference)
		if err != nil {
			t.Fatal(err)
		}
		return got.LegalHold
	}

	if _, body := assistant.get(page); !strings.Contains(body, "Keine Aufbewahrungssperre") || strings.Contains(body, `action="`+action+`"`) {
		t.Fatalf("assistant's detail page: want the state without the button\n%s", excerpt(body))
	}
	steps := []struct {
		name     string
		who      *adminBrowser
		hold     string
		want     int
		wantHeld bool
		wantPage string
	}{
		{"assistant may not", assistant, "on", http.StatusForbidden, false, ""},
		{"owner sets it", owner, "on", http.StatusSeeOther, true, "Die Aufbewahrungssperre ist gesetzt."},
		{"owner sets it again", owner, "on", http.StatusSeeOther, true, "Aufbewahrungssperre aufheben"},
		{"owner lifts it", owner, "off", http.StatusSeeOther, false, "Die Aufbewahrungssperre ist aufgehoben."},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			res, _ := s.who.post(page, action, map[string][]string{"hold": {s.hold}})
			if res.StatusCode != s.want || held() != s.wantHeld {
				t.Fatalf("status %d (want %d), held %v (want %v)", res.StatusCode, s.want, held(), s.wantHeld)
			}
			if s.wantPage == "" {
				return
			}
			if _, body := s.who.get(res.Header.Get("Location")); !strings.Contains(body, s.wantPage) {
				t.Fatalf("detail page after %s lacks %q\n%s", s.name, s.wantPage, excerpt(body))
			}
		})
	}
	log, err := env.st.AuditLog(context.Background(), 20)
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, a := range log {
		if a.Action == model.AuditLegalHold && a.Subject == "booking "+b.Reference && a.Actor == "owner@example.com" {
			details = append(details, a.Detail)
		}
	}
	if len(details) != 3 {
		t.Fatalf("audited %v, want three changes by the owner", details)
	}
	if _, body := owner.get(page); !strings.Contains(body, "Aufbewahrungssperre geändert") {
		t.Errorf("the timeline does not name the change")
	}
}
