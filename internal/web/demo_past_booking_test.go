package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/demo"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestDemoAttendeePageShowsMaterials: the demo has one example booking on its past date, in the
// demo's own number series and without an invoice; its attendee's page lists the materials
// released for that date, in German and in English, on both databases; the back office links
// that page for the demo booking only.
func TestDemoAttendeePageShowsMaterials(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		ctx := context.Background()
		if _, err := demo.Seed(ctx, st, st.Now(), storetest.Berlin()); err != nil {
			t.Fatal(err)
		}
		reference := "DEMO-" + st.Now().Format("2006") + "-00001"
		b, err := st.BookingByReference(ctx, reference)
		if err != nil || len(b.Attendees) != 1 || b.Date == nil || !b.Date.EndsAt.Before(st.Now()) {
			t.Fatalf("demo booking %s: %+v, %v", reference, b, err)
		}
		if docs, err := st.InvoicesForBooking(ctx, b.ID); err != nil || len(docs) != 0 {
			t.Fatalf("the demo booking has %d documents (%v); an example must not use up invoice numbers", len(docs), err)
		}
		a := b.Attendees[0]
		page := "/a/" + env.srv.secrets.AttendeeToken(a.ID, a.SecretRotation)
		// The back office's booking page links the demo attendee's page (no mail carries it).
		if res, body := env.signedIn("assistant@example.com").get("/admin/bookings/" + reference); res.StatusCode != http.StatusOK ||
			!strings.Contains(body, `href="`+page+`"`) || !strings.Contains(body, "Teilnahmeseite ansehen (Demo)") {
			t.Errorf("back-office booking page %d does not link the demo attendee's page", res.StatusCode)
		}
		for _, c := range []struct{ path, want string }{{page, "Spickzettel zum Seminar"}, {"/en" + page, "Spickzettel zum Seminar"}} {
			res, body := env.browser().get(c.path)
			if res.StatusCode != http.StatusOK || !strings.Contains(body, `id="materials"`) || !strings.Contains(body, c.want) ||
				!strings.Contains(body, "Aufzeichnung des Online-Seminars") || !strings.Contains(body, "/materials/") {
				t.Errorf("%s: status %d, materials listed: %v", c.path, res.StatusCode, strings.Contains(body, c.want))
			}
		}
	})
}

// TestRealBookingPageHasNoAttendeeLinks: a real booking's page in the back office never shows
// its attendees' secret page links.
func TestRealBookingPageHasNoAttendeeLinks(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	res, body := env.signedIn("owner@example.com").get("/admin/bookings/" + b.Reference)
	if res.StatusCode != http.StatusOK || strings.Contains(body, `href="/a/`) || strings.Contains(body, "(Demo)") {
		t.Errorf("booking page %d links an attendee page", res.StatusCode)
	}
}
