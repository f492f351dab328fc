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

// answersOfAttendee are the stored answers of one attendee.
func answersOfAttendee(t *testing.T, st *store.Store, attendeeID uint) model.Answers {
	t.Helper()
	all, err := st.AnswersOf(context.Background(), attendeeID)
	if err != nil {
		t.Fatal(err)
	}
	return all[attendeeID]
}

// TestManagePageAsksNewcomers: the booker's manage page shows the answers given per attendee
// (never a sensitive one) and asks the seminar's questions of a person added later and of one
// taking over a seat, refusing missing or foreign answers in the page's language with what was
// typed kept; the newcomer's answers are stored, the old holder's are gone.
func TestManagePageAsksNewcomers(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, StartsIn: 30 * 24 * time.Hour})
	q := addQuestions(t, env.st, date.SeminarID)
	b, token := env.reserveInvoice(date.ID)
	anna, ben := b.Attendees[0], b.Attendees[1]
	consented := storetest.ReferenceTime
	if err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveAnswers(ctx, anna.ID, []model.SeminarQuestion{q.job, q.area}, model.Answers{q.job.ID: "Teamleitung", q.area.ID: "Vertrieb"}, nil); err != nil {
			return err
		}
		if err := tx.SaveAnswers(ctx, ben.ID, []model.SeminarQuestion{q.job}, model.Answers{q.job.ID: "Assistenz"}, nil); err != nil {
			return err
		}
		return tx.SaveAnswers(ctx, anna.ID, []model.SeminarQuestion{q.diet}, model.Answers{q.diet.ID: "vegan"}, &consented)
	}); err != nil {
		t.Fatal(err)
	}
	page := func(lang string) string {
		p := "/b/" + b.Reference + "?t=" + url.QueryEscape(token)
		if lang == "en" {
			return "/en" + p
		}
		return p
	}
	browser := env.browser()

	for _, lang := range []string{"de", "en"} {
		res, body := browser.get(page(lang))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s manage page: %d", lang, res.StatusCode)
		}
		for _, want := range []string{"Teamleitung", "Assistenz", `name="q` + fmt.Sprint(q.job.ID) + `"`, `name="q` + fmt.Sprint(q.area.ID) + `"`} {
			if !strings.Contains(body, want) {
				t.Errorf("%s manage page lacks %s", lang, want)
			}
		}
		if strings.Contains(body, "vegan") || strings.Contains(body, `name="q`+fmt.Sprint(q.diet.ID)+`"`) {
			t.Errorf("%s manage page shows or asks the sensitive question", lang)
		}
	}

	job, area := fmt.Sprintf("q%d", q.job.ID), fmt.Sprintf("q%d", q.area.ID)
	person := func(first, email string, answers ...string) url.Values {
		v := url.Values{"t": {token}, "first_name": {first}, "last_name": {"Neu"}, "email": {email}}
		for i := 0; i+1 < len(answers); i += 2 {
			v.Set(answers[i], answers[i+1])
		}
		return v
	}
	steps := []struct {
		name, lang, action string
		form               url.Values
		status             int
		want               []string
	}{
		{"de: add without the required answers", "de", "/attendees/add", person("Cora", "cora@ledger.example", job, "Vertriebsleitung"), 422,
			[]string{"Bitte beantworten Sie diese Frage.", `value="Vertriebsleitung"`, `value="Cora"`}},
		{"en: add with an option not offered", "en", "/attendees/add", person("Cora", "cora@ledger.example", job, "Sales lead", area, "Einkauf"), 422,
			[]string{"Please choose one of the answers offered.", `value="Sales lead"`}},
		{"de: add with answers", "de", "/attendees/add", person("Cora", "cora@ledger.example", job, " Vertriebsleitung ", area, "Vertrieb"), 303, nil},
		{"en: substitute without answers", "en", "/attendees", withID(person("Dora", "dora@ledger.example"), ben.ID), 422,
			[]string{"Please answer this question.", `value="Dora"`}},
		{"de: substitute with answers", "de", "/attendees", withID(person("Dora", "dora@ledger.example", job, "Personalreferentin", area, "Personal"), ben.ID), 303, nil},
	}
	for _, s := range steps {
		prefix := ""
		if s.lang == "en" {
			prefix = "/en"
		}
		res, body := browser.post(page(s.lang), prefix+"/b/"+b.Reference+s.action, s.form)
		if res.StatusCode != s.status {
			t.Fatalf("%s: status %d, want %d", s.name, res.StatusCode, s.status)
		}
		for _, want := range s.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: page lacks %q", s.name, want)
			}
		}
	}

	after, err := env.st.BookingByReference(ctx, b.Reference)
	if err != nil || len(after.Attendees) != 3 {
		t.Fatalf("booking after: %d attendees, %v", len(after.Attendees), err)
	}
	for _, a := range after.Attendees {
		got := answersOfAttendee(t, env.st, a.ID)
		var want model.Answers
		switch a.Email {
		case "cora@ledger.example":
			want = model.Answers{q.job.ID: "Vertriebsleitung", q.area.ID: "Vertrieb"}
		case "dora@ledger.example":
			want = model.Answers{q.job.ID: "Personalreferentin", q.area.ID: "Personal"}
		case "anna@ledger.example":
			want = model.Answers{q.job.ID: "Teamleitung", q.area.ID: "Vertrieb", q.diet.ID: "vegan"}
		default:
			t.Fatalf("unexpected attendee %s", a.Email)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: answers %v, want %v", a.Email, got, want)
		}
	}
	if _, body := browser.get(page("de")); !strings.Contains(body, "Personalreferentin") || strings.Contains(body, "Assistenz") {
		t.Error("the manage page does not show the newcomer's answers instead of the old holder's")
	}
}

func withID(v url.Values, attendeeID uint) url.Values {
	v.Set("attendee_id", fmt.Sprint(attendeeID))
	return v
}

// TestBackOfficeAsksNewcomers: the back office's "add attendee" and substitution pages ask the
// questions that are not sensitive and store the answers; the admin API takes optional answers,
// checks those given and refuses one to a sensitive or unknown question, on both databases.
func TestBackOfficeAsksNewcomers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 9, StartsIn: 30 * 24 * time.Hour})
		q := addQuestions(t, st, date.SeminarID)
		b, _ := env.reserveInvoice(date.ID)
		owner := env.signedIn("owner@example.com")
		job, area := fmt.Sprintf("q%d", q.job.ID), fmt.Sprintf("q%d", q.area.ID)

		newPage := "/admin/bookings/" + b.Reference + "/attendees/new"
		if res, body := owner.get(newPage); res.StatusCode != http.StatusOK || !strings.Contains(body, `name="`+job+`"`) || strings.Contains(body, fmt.Sprintf(`name="q%d"`, q.diet.ID)) {
			t.Fatalf("add page %d: asks the job: %v", res.StatusCode, strings.Contains(body, `name="`+job+`"`))
		}
		subPath := fmt.Sprintf("/admin/bookings/%s/attendees/%d/substitute", b.Reference, b.Attendees[1].ID)
		pages := []struct {
			name, page, path string
			form             url.Values
			status           int
			want             string
			email            string
			answers          model.Answers
		}{
			{"add without the required answers", newPage, "/admin/bookings/" + b.Reference + "/attendees",
				url.Values{"first_name": {"Eva"}, "last_name": {"Neu"}, "email": {"eva@ledger.example"}}, 422, "Bitte beantworten Sie diese Frage.", "", nil},
			{"add with answers", newPage, "/admin/bookings/" + b.Reference + "/attendees",
				url.Values{"first_name": {"Eva"}, "last_name": {"Neu"}, "email": {"eva@ledger.example"}, job: {"Leitung"}, area: {"Personal"}}, 303, "",
				"eva@ledger.example", model.Answers{q.job.ID: "Leitung", q.area.ID: "Personal"}},
			{"substitute with an option not offered", subPath, subPath,
				url.Values{"first_name": {"Finn"}, "last_name": {"Neu"}, "email": {"finn@ledger.example"}, job: {"IT"}, area: {"IT"}}, 422, "Bitte wählen Sie eine der angebotenen Antworten.", "", nil},
			{"substitute with answers", subPath, subPath,
				url.Values{"first_name": {"Finn"}, "last_name": {"Neu"}, "email": {"finn@ledger.example"}, job: {"IT"}, area: {"Vertrieb"}}, 303, "",
				"finn@ledger.example", model.Answers{q.job.ID: "IT", q.area.ID: "Vertrieb"}},
		}
		for _, p := range pages {
			res, body := owner.post(p.page, p.path, p.form)
			if res.StatusCode != p.status || !strings.Contains(body, p.want) {
				t.Fatalf("%s: status %d (want %d), has %q: %v", p.name, res.StatusCode, p.status, p.want, strings.Contains(body, p.want))
			}
			if p.email != "" {
				checkAnswersOf(t, st, b.Reference, p.email, p.answers)
			}
		}

		token := env.apiToken()
		path := "/api/v1/admin/bookings/" + b.Reference + "/attendees"
		person := func(email, answers string) string {
			return fmt.Sprintf(`{"first_name":"Gil","last_name":"Neu","email":%q%s}`, email, answers)
		}
		calls := []struct {
			name, body string
			status     int
			want       string
			email      string
			answers    model.Answers
		}{
			{"a sensitive answer", person("gil@ledger.example", fmt.Sprintf(`,"answers":{"%d":"vegan"}`, q.diet.ID)), 422, fmt.Sprintf(`"q%d"`, q.diet.ID), "", nil},
			{"an unknown question", person("gil@ledger.example", `,"answers":{"999999":"x"}`), 422, `"answers.999999"`, "", nil},
			{"a wrong option", person("gil@ledger.example", fmt.Sprintf(`,"answers":{"%d":"Einkauf"}`, q.area.ID)), 422, "Bitte wählen Sie", "", nil},
			{"answers given", person("gil@ledger.example", fmt.Sprintf(`,"answers":{"%d":"Vertrieb"}`, q.area.ID)), 201, `"reference"`,
				"gil@ledger.example", model.Answers{q.area.ID: "Vertrieb"}},
			{"without answers, though some are required", person("hans@ledger.example", ""), 201, `"reference"`, "hans@ledger.example", nil},
		}
		for _, c := range calls {
			status, body := env.api(http.MethodPost, path, token, c.body)
			if status != c.status || !strings.Contains(body, c.want) {
				t.Fatalf("%s: status %d %s, want %d with %s", c.name, status, body, c.status, c.want)
			}
			if c.email != "" {
				checkAnswersOf(t, st, b.Reference, c.email, c.answers)
			}
		}
		after, _ := st.BookingByReference(ctx, b.Reference)
		if after.Seats != 5 {
			t.Fatalf("%d seats, want 5 (refused calls added someone)", after.Seats)
		}
	})
}

// checkAnswersOf compares the stored answers of the booking's attendee with that address.
func checkAnswersOf(t *testing.T, st *store.Store, reference, email string, want model.Answers) {
	t.Helper()
	b, err := st.BookingByReference(context.Background(), reference)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range b.Attendees {
		if a.Email == email {
			if got := answersOfAttendee(t, st, a.ID); fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("%s: answers %v, want %v", email, got, want)
			}
			return
		}
	}
	t.Fatalf("no attendee %s", email)
}
