package web

import (
	"encoding/json"
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

// publicDate finds a date in GET /api/v1/seminars as raw JSON fields.
func publicDate(t *testing.T, env *adminEnv, id uint) map[string]any {
	t.Helper()
	status, body := env.api(http.MethodGet, "/api/v1/seminars", "", "")
	if status != http.StatusOK {
		t.Fatalf("GET /api/v1/seminars: %d", status)
	}
	var out struct {
		Seminars []struct {
			Dates []map[string]any `json:"dates"`
		} `json:"seminars"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	for _, s := range out.Seminars {
		for _, d := range s.Dates {
			if d["id"] == float64(id) {
				return d
			}
		}
	}
	t.Fatalf("date %d not in the catalogue: %s", id, body)
	return nil
}

// TestRunDecisionJSON checks the run decision's JSON on both databases: min_participants and
// guaranteed on every date of GET /api/v1/seminars, min_participants on the admin API's date
// create, and POST /api/v1/admin/dates/{id}/confirm with its answers.
func TestRunDecisionJSON(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		token := env.apiToken()
		plain := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12, Clock: clk})
		below := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12, MinParticipants: 3, StartsIn: 10 * 24 * time.Hour, Clock: clk})
		reached := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12, MinParticipants: 2, Clock: clk})
		env.book(below.ID, "Muster GmbH", "Anna Muster")
		env.book(reached.ID, "Beispiel AG", "Ben Beispiel", "Cem Beispiel")

		for _, c := range []struct {
			name       string
			id         uint
			minimum    float64
			guaranteed bool
		}{{"no minimum", plain.ID, 0, false}, {"below", below.ID, 3, false}, {"reached", reached.ID, 2, true}} {
			d := publicDate(t, env, c.id)
			if d["min_participants"] != c.minimum || d["guaranteed"] != c.guaranteed {
				t.Errorf("%s: min_participants %v, guaranteed %v; want %v, %v", c.name, d["min_participants"], d["guaranteed"], c.minimum, c.guaranteed)
			}
		}

		semPath := fmt.Sprintf("/api/v1/admin/seminars/%d/dates", plain.SeminarID)
		confirm := fmt.Sprintf("/api/v1/admin/dates/%d/confirm", below.ID)
		body := func(minimum string) string {
			return `{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":12,
				"format":"online","online_url":"https://meet.example.com/x"` + minimum + `}`
		}
		cases := []struct {
			name, method, path, body string
			wantStatus               int
			want                     []string
		}{
			{"create with a minimum", http.MethodPost, semPath, body(`,"min_participants":6`), http.StatusCreated,
				[]string{`"min_participants":6`, `"seats_confirmed":0`, `"guaranteed":false`}},
			{"create without a minimum", http.MethodPost, semPath, body(""), http.StatusCreated, []string{`"min_participants":0`}},
			{"minimum above capacity", http.MethodPost, semPath, body(`,"min_participants":13`), http.StatusUnprocessableEntity, []string{`"min_participants"`}},
			{"negative minimum", http.MethodPost, semPath, body(`,"min_participants":-1`), http.StatusUnprocessableEntity, []string{`"min_participants"`}},
			{"minimum not a number", http.MethodPost, semPath, body(`,"min_participants":"six"`), http.StatusUnprocessableEntity, []string{`"min_participants"`}},
			{"confirm", http.MethodPost, confirm, "", http.StatusOK,
				[]string{fmt.Sprintf(`"id":%d`, below.ID), `"guaranteed":true`, `"run_confirmed_at":"2026-11-28T09:00:00Z"`, `"seats_confirmed":1`, `"min_participants":3`}},
			{"confirm again", http.MethodPost, confirm, "", http.StatusConflict, []string{`"invalid_transition"`}},
			{"confirm an unknown date", http.MethodPost, "/api/v1/admin/dates/99999/confirm", "", http.StatusNotFound, []string{`"not_found"`}},
			{"confirm with GET", http.MethodGet, confirm, "", http.StatusMethodNotAllowed, nil},
		}
		for _, c := range cases {
			status, got := env.api(c.method, c.path, token, c.body)
			if status != c.wantStatus {
				t.Errorf("%s: status %d, want %d: %s", c.name, status, c.wantStatus, got)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: %s lacks %s", c.name, got, w)
				}
			}
		}
		if status, _ := env.api(http.MethodPost, confirm, "", ""); status != http.StatusUnauthorized {
			t.Errorf("confirm without a token: %d", status)
		}
		if d := publicDate(t, env, below.ID); d["guaranteed"] != true || d["min_participants"] != float64(3) {
			t.Errorf("after the confirmation: %v", d)
		}
	})
}

// TestGuaranteedOnPublicPages checks the badge on the catalogue, the seminar page and the booking
// form, German and English: shown for a date whose minimum is reached or that the trainer
// confirmed, never for a date below its minimum or without one.
func TestGuaranteedOnPublicPages(t *testing.T) {
	env := newAdminEnv(t)
	none := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	below := storetest.SeedDate(t, env.st, storetest.DateOptions{MinParticipants: 3})
	reached := storetest.SeedDate(t, env.st, storetest.DateOptions{MinParticipants: 1})
	confirmed := storetest.SeedDate(t, env.st, storetest.DateOptions{MinParticipants: 5})
	for _, d := range []model.SeminarDate{none, below, reached, confirmed} {
		env.book(d.ID, "Muster GmbH", "Anna Muster")
	}
	if _, err := env.srv.office.ConfirmRun(t.Context(), "owner@example.com", confirmed.ID); err != nil {
		t.Fatal(err)
	}
	visitor := env.browser()
	langs := []struct{ prefix, text, other string }{
		{"", "Durchführung garantiert", "Guaranteed to run"},
		{"/en", "Guaranteed to run", "Durchführung garantiert"},
	}
	for _, l := range langs {
		_, catalogue := visitor.get(l.prefix + "/")
		if n := strings.Count(catalogue, l.text); n != 2 || strings.Contains(catalogue, l.other) {
			t.Errorf("%s/: %q shown %d times, want 2 (reached and confirmed)", l.prefix, l.text, n)
		}
		for _, c := range []struct {
			name  string
			date  model.SeminarDate
			shown bool
		}{{"no minimum", none, false}, {"below the minimum", below, false}, {"minimum reached", reached, true}, {"confirmed", confirmed, true}} {
			for _, page := range []string{"/seminars/" + c.date.Seminar.Slug, fmt.Sprintf("/book/%d", c.date.ID)} {
				res, body := visitor.get(l.prefix + page)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("%s%s: %d", l.prefix, page, res.StatusCode)
				}
				if strings.Contains(body, l.text) != c.shown {
					t.Errorf("%s, %s%s: %q shown %v, want %v", c.name, l.prefix, page, l.text, !c.shown, c.shown)
				}
			}
		}
	}
}

// TestRunDecisionBackOffice: a date below its minimum inside decision_days is on the dashboard as
// "Entscheidung fällig" with the confirm button and the link to the cancel flow; a date before the
// window is not. Confirming from the dashboard leads to the date page, which shows the
// confirmation, and the date leaves the dashboard. The date form edits the minimum.
func TestRunDecisionBackOffice(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		due := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 4, StartsIn: 10 * 24 * time.Hour, Clock: clk})
		later := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 4, StartsIn: 40 * 24 * time.Hour, Clock: clk})
		env.book(due.ID, "Muster GmbH", "Anna Muster")
		owner := env.signedIn("owner@example.com")

		_, dash := owner.get("/admin")
		confirmAction := fmt.Sprintf(`action="/admin/dates/%d/confirm"`, due.ID)
		for _, want := range []string{"Entscheidung fällig", confirmAction, fmt.Sprintf(`href="/admin/dates/%d/cancel"`, due.ID), "1/4"} {
			if !strings.Contains(dash, want) {
				t.Errorf("dashboard lacks %s", want)
			}
		}
		if strings.Contains(dash, fmt.Sprintf("/admin/dates/%d/confirm", later.ID)) {
			t.Error("a date before its decision window is on the dashboard")
		}
		_, page := owner.get(fmt.Sprintf("/admin/dates/%d/attendees", later.ID))
		if !strings.Contains(page, "Entscheidung fällig ab") {
			t.Error("the date page does not say when the decision falls due")
		}

		res, _ := owner.post("/admin", fmt.Sprintf("/admin/dates/%d/confirm", due.ID), nil)
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, fmt.Sprintf("/admin/dates/%d/attendees?confirmed=1", due.ID)) {
			t.Fatalf("confirm: %d to %q", res.StatusCode, loc)
		}
		_, page = owner.get(fmt.Sprintf("/admin/dates/%d/attendees?confirmed=1", due.ID))
		if !strings.Contains(page, "Durchführung bestätigt am Sa., 28. November 2026") || strings.Contains(page, `action="/admin/dates/`+fmt.Sprint(due.ID)+`/confirm"`) {
			t.Errorf("date page after the confirmation:\n%s", page)
		}
		if _, dash = owner.get("/admin"); strings.Contains(dash, confirmAction) {
			t.Error("a confirmed date is still due on the dashboard")
		}
		if res, _ := owner.post("/admin", fmt.Sprintf("/admin/dates/%d/confirm", due.ID), nil); res.StatusCode != http.StatusConflict {
			t.Errorf("second confirmation: %d, want 409", res.StatusCode)
		}

		datePage := fmt.Sprintf("/admin/dates/%d", later.ID)
		if _, form := owner.get(datePage); !strings.Contains(form, `name="min_participants"`) {
			t.Fatal("the date form has no minimum")
		}
		values := func(minimum string) url.Values {
			return url.Values{"starts_at": {later.StartsAt.In(storetest.Berlin()).Format("2006-01-02T15:04")},
				"ends_at": {later.EndsAt.In(storetest.Berlin()).Format("2006-01-02T15:04")}, "capacity": {"10"},
				"price_net": {"490"}, "format": {"in_person"}, "city": {"Berlin"}, "status": {"published"}, "min_participants": {minimum}}
		}
		if res, _ := owner.post(datePage, datePage, values("6")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", res.StatusCode)
		}
		if res, body := owner.post(datePage, datePage, values("11")); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "Mindestzahl zwischen 0 und der Zahl der Plätze") {
			t.Errorf("minimum above capacity: %d", res.StatusCode)
		}
		if d, _ := st.DateByID(t.Context(), later.ID); d.MinParticipants != 6 {
			t.Errorf("minimum stored %d, want 6", d.MinParticipants)
		}
		if entries, _ := st.AuditLog(t.Context(), 10); len(entries) == 0 || !strings.Contains(entries[0].Detail, "min_participants: 4 → 6") {
			t.Errorf("audit %+v", entries)
		}
	})
}
