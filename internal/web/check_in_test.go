package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/qr/qrtest"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// newAdminEnvAt is newAdminEnv on st with the clock clk (storetest.EachAt), on either database.
func newAdminEnvAt(t *testing.T, st *store.Store, clk *storetest.Clock) *adminEnv {
	t.Helper()
	srv, err := New(apptest.NewWith(t, st, apptest.Config(t), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.addUser("assistant@example.com", model.RoleAssistant)
	return env
}

// threeDayDate is a date from Tuesday 1 to Thursday 3 December 2026, 9:00 to 17:00 in Berlin
// each day; the test clocks start on the Saturday before.
func threeDayDate(t *testing.T, st *store.Store) model.SeminarDate {
	return storetest.SeedDate(t, st, storetest.DateOptions{
		StartsAt: storetest.InBerlin(2026, 12, 1, 9, 0), EndsAt: storetest.InBerlin(2026, 12, 3, 17, 0),
	})
}

// TestAdminAPICheckInScenarios checks in through the admin API at fixed times around a
// three-day date and undoes, on SQLite and PostgreSQL: only the date's days count, each day once.
func TestAdminAPICheckInScenarios(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		other := storetest.SeedDate(t, st, storetest.DateOptions{})
		att := env.book(date.ID, "Muster GmbH", "Anna Schmidt").Attendees[0]
		token := env.token(model.RoleAssistant) // checking in is no money operation
		path := fmt.Sprintf("/api/v1/admin/dates/%d/attendees/%d/check-in", date.ID, att.ID)
		steps := []struct {
			name       string
			at         [5]int // y, m, d, h, min in Berlin
			method     string
			path       string
			wantStatus int
			wantBody   []string
		}{
			{"the evening before", [5]int{2026, 11, 30, 20, 0}, http.MethodPost, path, http.StatusConflict, []string{`"error":"not_check_in_day"`, "nur an den Tagen"}},
			{"on the day, before the start", [5]int{2026, 12, 1, 8, 30}, http.MethodPost, path, http.StatusOK, []string{`"day":"2026-12-01"`, `"changed":true`, `"days_checked_in":["2026-12-01"]`}},
			{"the same day again", [5]int{2026, 12, 1, 13, 0}, http.MethodPost, path, http.StatusOK, []string{`"changed":false`, `"days_checked_in":["2026-12-01"]`}},
			{"day two", [5]int{2026, 12, 2, 9, 5}, http.MethodPost, path, http.StatusOK, []string{`"day":"2026-12-02"`, `"days_checked_in":["2026-12-01","2026-12-02"]`}},
			{"undo the latest", [5]int{2026, 12, 2, 9, 6}, http.MethodDelete, path, http.StatusOK, []string{`"day":"2026-12-02"`, `"days_checked_in":["2026-12-01"]`}},
			{"undo a day that is no day", [5]int{2026, 12, 2, 9, 6}, http.MethodDelete, path + "?day=yesterday", http.StatusBadRequest, []string{`"day"`}},
			{"undo day one by name", [5]int{2026, 12, 2, 9, 7}, http.MethodDelete, path + "?day=2026-12-01", http.StatusOK, []string{`"checked_in_at":null`, `"days_checked_in":[]`}},
			{"nothing left to undo", [5]int{2026, 12, 2, 9, 8}, http.MethodDelete, path, http.StatusConflict, []string{`"error":"not_checked_in"`}},
			{"day three after the end", [5]int{2026, 12, 3, 19, 0}, http.MethodPost, path, http.StatusOK, []string{`"day":"2026-12-03"`}},
			{"the day after", [5]int{2026, 12, 4, 9, 0}, http.MethodPost, path, http.StatusConflict, []string{`"not_check_in_day"`}},
			{"attendee of another date", [5]int{2026, 12, 2, 10, 0}, http.MethodPost, fmt.Sprintf("/api/v1/admin/dates/%d/attendees/%d/check-in", other.ID, att.ID), http.StatusNotFound, nil},
			{"unknown attendee", [5]int{2026, 12, 2, 10, 0}, http.MethodPost, fmt.Sprintf("/api/v1/admin/dates/%d/attendees/99999/check-in", date.ID), http.StatusNotFound, nil},
			{"malformed attendee", [5]int{2026, 12, 2, 10, 0}, http.MethodDelete, fmt.Sprintf("/api/v1/admin/dates/%d/attendees/x/check-in", date.ID), http.StatusNotFound, nil},
			{"no token", [5]int{2026, 12, 2, 10, 0}, http.MethodPost, path, http.StatusUnauthorized, nil},
		}
		for _, s := range steps {
			clk.Set(storetest.InBerlin(s.at[0], time.Month(s.at[1]), s.at[2], s.at[3], s.at[4]))
			bearer := token
			if s.name == "no token" {
				bearer = ""
			}
			status, body := env.api(s.method, s.path, bearer, "")
			if status != s.wantStatus {
				t.Fatalf("%s: status %d, want %d: %s", s.name, status, s.wantStatus, body)
			}
			for _, w := range s.wantBody {
				if !strings.Contains(body, w) {
					t.Fatalf("%s: body lacks %s: %s", s.name, w, body)
				}
			}
		}
		req, _ := http.NewRequest(http.MethodGet, env.http.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(res.Header.Get("Allow"), "DELETE") {
			t.Fatalf("GET on the check-in path: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
		}
		entries, err := st.AuditLog(context.Background(), 100)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, e := range entries {
			counts[e.Action]++
		}
		if counts[model.AuditAttendeeCheckedIn] != 3 || counts[model.AuditCheckInUndone] != 2 {
			t.Fatalf("audit log: %v", counts)
		}
	})
}

// TestAttendeePage opens an attendee's own page with a valid, a rotated and a garbage secret, and
// what it links: the QR code (which reads back as the check-in code), the calendar entry and,
// once the date is over and the attendee was checked in, the certificate with the date's hours.
func TestAttendeePage(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		b := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Ben Becker")
		anna, ben := b.Attendees[0], b.Attendees[1]
		keys := env.srv.secrets
		page := "/a/" + keys.AttendeeToken(anna.ID, 0)
		visitor := env.browser()
		cases := []struct {
			name       string
			path       string
			wantStatus int
			want       []string
		}{
			{"german page", page, http.StatusOK, []string{"Anna Schmidt", "Muster GmbH", page + "/invite.ics", page + "/qr.png", keys.AttendeeCode(anna.ID, 0), `id="materials"`, "Nach dem Seminar"}},
			{"english page", "/en" + page, http.StatusOK, []string{"Your attendance, Anna Schmidt", "/en" + page + "/invite.ics"}},
			{"another attendee's secret on this id", "/a/" + fmt.Sprint(anna.ID) + "-" + strings.SplitN(keys.AttendeeToken(ben.ID, 0), "-", 2)[1], http.StatusNotFound, nil},
			{"garbage", "/a/garbage", http.StatusNotFound, nil},
			{"unknown attendee", "/a/99999-abc", http.StatusNotFound, nil},
			{"certificate before the date", page + "/certificate.pdf", http.StatusNotFound, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				res, body := visitor.get(c.path)
				if res.StatusCode != c.wantStatus {
					t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
				}
				for _, w := range c.want {
					if !strings.Contains(body, w) {
						t.Fatalf("page lacks %q:\n%s", w, excerpt(body))
					}
				}
				if c.wantStatus == http.StatusOK && (res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Referrer-Policy") != "no-referrer") {
					t.Fatalf("a secret page may be cached or leak its URL: %v", res.Header)
				}
			})
		}
		res, png := visitor.get(page + "/qr.png")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("qr.png: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if got := qrtest.Decode(t, []byte(png)); got != keys.AttendeeCode(anna.ID, 0) {
			t.Fatalf("the QR code reads %q, want the check-in code", got)
		}
		if res, ics := visitor.get(page + "/invite.ics"); res.StatusCode != http.StatusOK || !strings.Contains(ics, "BEGIN:VCALENDAR") || !strings.Contains(ics, "ATTENDEE;CN=Anna Schmidt") {
			t.Fatalf("invite.ics: %d\n%s", res.StatusCode, ics)
		}

		// Anna is checked in on all three days; after the end her certificate states 3 × 8 hours.
		for day := 1; day <= 3; day++ {
			clk.Set(storetest.InBerlin(2026, 12, day, 9, 0))
			if _, err := env.srv.office.CheckIn(context.Background(), "owner@example.com", date.ID, anna.ID); err != nil {
				t.Fatal(err)
			}
		}
		clk.Set(storetest.InBerlin(2026, 12, 3, 18, 0))
		if _, body := visitor.get(page); !strings.Contains(body, page+"/certificate.pdf") {
			t.Fatalf("no certificate link after the date:\n%s", excerpt(body))
		}
		res, pdf := visitor.get(page + "/certificate.pdf")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("certificate: %d", res.StatusCode)
		}
		if text := strings.Join(strings.Fields(pdfTextOf(t, []byte(pdf))), " "); !strings.Contains(text, "24 Stunden (3 Tage à 8 Stunden)") {
			t.Fatalf("certificate does not state the date's hours:\n%s", text)
		}

		// The seat goes to someone else: Anna's link dies, the newcomer's (rotation 1) works.
		// Substitutions close at the start, so this goes back to before the date.
		clk.Set(storetest.ReferenceTime)
		if _, err := env.srv.office.SubstituteAttendee(context.Background(), "owner@example.com", b.Reference,
			booking.Substitution{AttendeeID: anna.ID, FirstName: "Carla", LastName: "Neu", Email: "carla@example.com"}); err != nil {
			t.Fatal(err)
		}
		for path, want := range map[string]int{page: http.StatusNotFound, page + "/qr.png": http.StatusNotFound, "/a/" + keys.AttendeeToken(anna.ID, 1): http.StatusOK} {
			if res, body := visitor.get(path); res.StatusCode != want || (want == http.StatusOK && !strings.Contains(body, "Carla Neu")) {
				t.Fatalf("%s after the substitution: %d, want %d", path, res.StatusCode, want)
			}
		}
	})
}

// TestCheckInPageByCode uses the phone check-in page with a typed code: it shows the person
// before anything is recorded, confirms, shows the new state, and undoes; outside the date's
// days it offers no button. On SQLite and PostgreSQL.
func TestCheckInPageByCode(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		att := env.book(date.ID, "Muster GmbH", "Anna Schmidt").Attendees[0]
		clk.Set(storetest.InBerlin(2026, 12, 2, 8, 45)) // day two, before the start
		code := env.srv.secrets.AttendeeCode(att.ID, 0)
		typed := strings.ToLower(strings.ReplaceAll(code, "-", " ")) // as a hurried thumb types it
		typed = strings.Replace(typed, " ", "-", 1)
		staff := env.signedIn("assistant@example.com")
		lookup := "/admin/check-in?code=" + url.QueryEscape(typed)
		confirm := fmt.Sprintf("/admin/dates/%d/attendees/%d/check-in", date.ID, att.ID)
		scan := func() url.Values { return url.Values{"from": {"scan"}, "code": {typed}} } // post adds the page's _csrf
		steps := []struct {
			name       string
			do         func() (*http.Response, string)
			wantStatus int
			want       []string
			notWant    []string
		}{
			{"the empty page", func() (*http.Response, string) { return staff.get("/admin/check-in") }, http.StatusOK,
				[]string{"/static/vendor/jsqr-1.4.0/jsQR.js", "/static/js/check-in.js", `name="code"`}, []string{confirm}},
			{"an unknown code", func() (*http.Response, string) {
				return staff.get("/admin/check-in?code=" + fmt.Sprint(att.ID) + "-AAAA-AAAA")
			}, http.StatusNotFound,
				[]string{"keine Teilnahme"}, []string{"Anna Schmidt"}},
			{"the code shows the person first", func() (*http.Response, string) { return staff.get(lookup) }, http.StatusOK,
				[]string{"Anna Schmidt", "Muster GmbH", "noch nicht eingecheckt", confirm, "An 0 von 3 Tagen"}, nil},
			{"confirm", func() (*http.Response, string) { return staff.post(lookup, confirm, scan()) }, http.StatusSeeOther, nil, nil},
			{"the page after confirming", func() (*http.Response, string) { return staff.get(lookup + "&done=checked_in") }, http.StatusOK,
				[]string{"Eingecheckt.", "bereits eingecheckt", "An 1 von 3 Tagen", confirm + "/undo"}, []string{`action="` + confirm + `"`}},
			{"undo", func() (*http.Response, string) { return staff.post(lookup, confirm+"/undo", scan()) }, http.StatusSeeOther, nil, nil},
			{"the page after undoing", func() (*http.Response, string) { return staff.get(lookup + "&done=undone") }, http.StatusOK,
				[]string{"rückgängig gemacht", "noch nicht eingecheckt", "An 0 von 3 Tagen"}, nil},
			{"the day after the date", func() (*http.Response, string) {
				clk.Set(storetest.InBerlin(2026, 12, 4, 9, 0))
				staff = env.signedIn("assistant@example.com") // the evening's session has run out
				return staff.get(lookup)
			}, http.StatusOK, []string{"Heute ist kein Tag dieses Termins"}, []string{`action="` + confirm + `"`}},
			{"a confirm sent anyway is refused with a notice", func() (*http.Response, string) { return staff.post(lookup, confirm, scan()) }, http.StatusSeeOther, nil, nil},
		}
		for _, s := range steps {
			res, body := s.do()
			if res.StatusCode != s.wantStatus {
				t.Fatalf("%s: status %d, want %d\n%s", s.name, res.StatusCode, s.wantStatus, excerpt(body))
			}
			for _, w := range s.want {
				if !strings.Contains(body, w) {
					t.Fatalf("%s: page lacks %q:\n%s", s.name, w, excerpt(body))
				}
			}
			for _, w := range s.notWant {
				if strings.Contains(body, w) {
					t.Fatalf("%s: page shows %q:\n%s", s.name, w, excerpt(body))
				}
			}
			if res.StatusCode == http.StatusSeeOther && !strings.HasPrefix(res.Header.Get("Location"), "/admin/check-in?code=") {
				t.Fatalf("%s: back to %q, not the check-in page", s.name, res.Header.Get("Location"))
			}
		}
		res, _ := staff.post(lookup, confirm, scan())
		if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, "done=not_day") {
			t.Fatalf("a refused check-in went back to %q", loc)
		}
	})
}

// pdfTextOf is the text of a PDF as pdftotext (poppler-utils) reads it.
func pdfTextOf(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is required under CI (poppler-utils)")
		}
		t.Skip("pdftotext not installed")
	}
	in := filepath.Join(t.TempDir(), "certificate.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
