package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestSeminarFundingNotes: the trainer types the Bildungsurlaub/Bildungszeit approvals and the
// certificate text into the seminar form; the public page shows them in German and English. Bad
// lines get a clear message with what was typed, and change nothing.
func TestSeminarFundingNotes(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	owner := env.signedIn("owner@example.com")
	semPage := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	form := func(approvals, textDE string) url.Values {
		return url.Values{"title_de": {date.Seminar.TitleDE}, "slug": {date.Seminar.Slug}, "duration_minutes": {"480"},
			"default_price": {"490"}, "published": {"yes"}, "funding_approvals": {approvals},
			"certificate_text_de": {textDE}, "certificate_text_en": {"Approved under the AWbG NRW."}}
	}
	res, body := owner.post(semPage, semPage, form("nw: SB-2026-0815\r\n\r\nHE BU 44/2026", "Anerkannt nach dem AWbG NRW."))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if _, body := owner.get(semPage); !strings.Contains(body, "HE: BU 44/2026\nNW: SB-2026-0815") {
		t.Errorf("the form does not show the approvals again, one a line in the states' order:\n%s", excerpt(body))
	}

	if log, err := env.st.AuditLog(context.Background(), 1); err != nil || len(log) != 1 ||
		!strings.Contains(log[0].Detail, "funding_approvals: - → HE BU 44/2026, NW SB-2026-0815") || !strings.Contains(log[0].Detail, "certificate_text changed") {
		t.Errorf("audit %+v %v", log, err)
	}

	public := "/seminars/" + date.Seminar.Slug
	pages := []struct {
		name string
		path string
		want []string
	}{
		{"German", public, []string{"Bildungsurlaub / Bildungszeit", "Hessen – Nr. BU 44/2026", "Nordrhein-Westfalen – Nr. SB-2026-0815", "Teilnahmebescheinigung", "Anerkannt nach dem AWbG NRW."}},
		{"English", "/en" + public, []string{"Educational leave", "Hesse – no. BU 44/2026", "North Rhine-Westphalia – no. SB-2026-0815", "Certificate of attendance", "Approved under the AWbG NRW."}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			res, body := env.browser().get(p.path)
			for _, w := range p.want {
				if res.StatusCode != http.StatusOK || !strings.Contains(body, w) {
					t.Errorf("status %d; page lacks %q", res.StatusCode, w)
				}
			}
		})
	}

	t.Run("certificate", func(t *testing.T) {
		ctx := context.Background()
		b := env.book(date.ID, "Muster GmbH", "Jörg Übel")
		err := env.st.WithTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CheckInAttendee(ctx, date.ID, b.Attendees[0].ID, date.StartsAt.In(storetest.Berlin()).Format(model.DayLayout), date.StartsAt, env.owner.Email)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		res, body := owner.get(fmt.Sprintf("/admin/bookings/%s/certificates/%d", b.Reference, b.Attendees[0].ID))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("certificate: %d", res.StatusCode)
		}
		text := strings.Join(strings.Fields(pdfTextOf(t, []byte(body))), " ")
		for _, w := range []string{"Anerkannt als Bildungsurlaub / Bildungszeit", "Hessen (Nr. BU 44/2026); Nordrhein-Westfalen (Nr. SB-2026-0815)", "Anerkannt nach dem AWbG NRW."} {
			if !strings.Contains(text, w) {
				t.Errorf("certificate lacks %q:\n%s", w, text)
			}
		}
	})

	bad := []struct {
		name      string
		approvals string
		want      string
	}{
		{"unknown state", "XY: 12", "Unbekanntes Bundesland"},
		{"no number", "NW", "Bitte die Anerkennungsnummer angeben"},
		{"state twice", "NW: 1\nnw 2", "Jedes Bundesland nur einmal angeben"},
		{"number too long", "NW: " + strings.Repeat("9", 61), "höchstens 60 Zeichen"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			res, body := owner.post(semPage, semPage, form(c.approvals, "Geändert"))
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) {
				t.Fatalf("status %d, want 422 with %q\n%s", res.StatusCode, c.want, excerpt(body))
			}
			if !strings.Contains(body, ">"+html.EscapeString(c.approvals)+"</textarea>") {
				t.Errorf("the form lost what was typed")
			}
			_, page := env.browser().get(public)
			if !strings.Contains(page, "Nr. SB-2026-0815") || strings.Contains(page, "Geändert") {
				t.Errorf("a refused form changed the seminar")
			}
		})
	}
}
