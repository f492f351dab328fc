package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestWaitlistPages(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 2})
	first := env.book(date.ID, "Voll GmbH", "Anna Schmidt", "Berta Meier")
	visitor := env.browser()
	joinPath := fmt.Sprintf("/waitlist/%d", date.ID)
	cases := []struct {
		name       string
		form       url.Values
		wantStatus int
		wantBody   string
	}{
		{"no e-mail", url.Values{"name": {"Carla"}, "seats": {"1"}}, http.StatusUnprocessableEntity, "Bitte ausfüllen"},
		{"not an e-mail", url.Values{"name": {"Carla"}, "email": {"carla"}, "seats": {"1"}}, http.StatusUnprocessableEntity, "gültige E-Mail"},
		{"too many seats", url.Values{"name": {"Carla"}, "email": {"c@example.com"}, "seats": {"99"}}, http.StatusUnprocessableEntity, "Platzzahl"},
		{"joins", url.Values{"name": {"Carla Neu"}, "email": {"carla@example.com"}, "company": {"Neu AG"}, "seats": {"1"}}, http.StatusSeeOther, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := visitor.post(joinPath, joinPath, c.form)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v\n%s", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody), excerpt(body))
			}
		})
	}
	owner := env.signedIn("owner@example.com")
	if _, body := owner.get(fmt.Sprintf("/admin/dates/%d/attendees", date.ID)); !strings.Contains(body, "Carla Neu") || !strings.Contains(body, "wartet") {
		t.Fatal("the attendee page does not show the waiting list")
	}

	// A cancellation frees a seat (stood in for by releasing it); the waiting list moves on.
	if err := env.st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.ReleaseSeats(context.Background(), date.ID, 1) }); err != nil {
		t.Fatal(err)
	}
	if n, err := env.srv.waitlist.Process(context.Background()); err != nil || n != 1 {
		t.Fatalf("offers %d, err %v", n, err)
	}
	token := offerTokenFromOutbox(t, env)
	offer := "/waitlist/offer/" + token
	if res, body := visitor.get(offer); res.StatusCode != http.StatusOK || !strings.Contains(body, "Wir halten 1 Platz für Sie") {
		t.Fatalf("offer page: %d\n%s", res.StatusCode, excerpt(body))
	}
	// The language switch on the offer keeps what was typed and books nothing.
	_, offerPage := visitor.get(offer)
	if res, body := pressLanguageSwitch(t, visitor, offerPage, url.Values{"billing.company": {"Neu & Partner AG"}}); res.StatusCode != http.StatusOK ||
		!strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "Neu &amp; Partner AG") || strings.Contains(body, "notice-error") {
		t.Fatalf("switch on the offer: %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, _ := visitor.get("/waitlist/offer/not-a-token"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown offer: %d", res.StatusCode)
	}
	booking := url.Values{"attendee_count": {"1"}, "attendees[0].first_name": {"Carla"}, "attendees[0].last_name": {"Neu"},
		"attendees[0].email": {"carla@example.com"}, "billing.company": {"Neu AG"}, "billing.name": {"Carla Neu"},
		"billing.email": {"carla@example.com"}, "billing.street": {"Weg 2"}, "billing.postal_code": {"10115"},
		"billing.city": {"Berlin"}, "billing.country": {"DE"}, "accept_terms": {"yes"}, "confirm_business": {"yes"}}
	noTerms := url.Values{}
	for k, v := range booking {
		if k != "accept_terms" && k != "confirm_business" {
			noTerms[k] = v
		}
	}
	if res, _ := visitor.post(offer, offer, noTerms); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("without terms: %d", res.StatusCode)
	}
	res, _ := visitor.post(offer, offer, booking)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/b/SEM-") {
		t.Fatalf("accept: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, body := visitor.get(offer); !strings.Contains(body, "abgelaufen oder wurde schon genutzt") || strings.Contains(body, `name="accept_terms"`) {
		t.Fatalf("a used offer still offers the form: %d", res.StatusCode)
	}
	d, _ := env.st.DateByID(context.Background(), date.ID)
	held, _ := env.st.SeatsHeldForDate(context.Background(), date.ID)
	if d.SeatsTaken != 2 || held != 3 { // the stand-in release freed a seat without cancelling first's booking
		t.Fatalf("seats taken %d, held by bookings %d (first booking %s)", d.SeatsTaken, held, first.Reference)
	}
}

func offerTokenFromOutbox(t *testing.T, env *adminEnv) string {
	t.Helper()
	items, err := env.st.DueOutboxItems(context.Background(), model.TopicMailEvent, env.st.Now().Add(time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if _, after, ok := strings.Cut(it.Payload, "/waitlist/offer/"); ok {
			token, _, _ := strings.Cut(after, `"`)
			return token
		}
	}
	t.Fatal("no waiting-list offer in the outbox")
	return ""
}
