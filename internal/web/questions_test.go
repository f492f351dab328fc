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

// seminarQuestions are the questions of the tests: a required job title, a required choice, an
// optional yes/no, and the sensitive diet.
type seminarQuestions struct{ job, area, channel, diet model.SeminarQuestion }

// addQuestions gives the seminar of date the test questions.
func addQuestions(t *testing.T, st *store.Store, seminarID uint) seminarQuestions {
	t.Helper()
	qs := []model.SeminarQuestion{
		{Kind: model.QuestionText, LabelDE: "Funktion", LabelEN: "Job title", Required: true},
		{Kind: model.QuestionChoice, LabelDE: "Bereich", LabelEN: "Department", Required: true, OptionsDE: "Vertrieb\nPersonal", OptionsEN: "Sales\nHR"},
		{Kind: model.QuestionYesNo, LabelDE: "Eigener Kanal?", LabelEN: "Own channel?"},
		{Kind: model.QuestionChoice, LabelDE: "Ernährung", LabelEN: "Diet", OptionsDE: "vegetarisch\nvegan", OptionsEN: "vegetarian\nvegan", Sensitive: true},
	}
	ctx := context.Background()
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.ReplaceQuestions(ctx, seminarID, qs) }); err != nil {
		t.Fatal(err)
	}
	return seminarQuestions{qs[0], qs[1], qs[2], qs[3]}
}

// field is the booking form's field of question q in row i.
func field(i int, q model.SeminarQuestion) string { return fmt.Sprintf("attendees[%d].q%d", i, q.ID) }

// bookingForm is a valid one-attendee booking form without answers.
func bookingForm() url.Values {
	return url.Values{
		"attendee_count": {"1"}, "attendees[0].first_name": {"Ada"}, "attendees[0].last_name": {"Lovelace"},
		"attendees[0].email": {"ada@firma.example"}, "billing.company": {"Firma AG"}, "billing.name": {"Ada Lovelace"},
		"billing.email": {"einkauf@firma.example"}, "billing.street": {"Weg 1"}, "billing.postal_code": {"10115"},
		"billing.city": {"Berlin"}, "billing.country": {"DE"}, "payment_method": {"invoice"},
		"accept_terms": {"yes"}, "confirm_business": {"yes"}, "action": {"book"},
	}
}

// TestBookingFormAsksTheSeminarsQuestions posts the booking form with and without answers, in
// German and English: missing or foreign answers are refused in the page's language with what
// was typed kept; the sensitive question is never on the form; valid answers are stored.
func TestBookingFormAsksTheSeminarsQuestions(t *testing.T) {
	env := newPublicEnv(t)
	q := addQuestions(t, env.st, env.date.SeminarID)
	path := fmt.Sprintf("/book/%d", env.date.ID)

	_, page := env.visitor().get(path)
	for _, want := range []string{`name="` + field(0, q.job) + `"`, `name="` + field(0, q.area) + `"`, `value="Vertrieb"`, "Eigener Kanal?",
		"auf ihrer persönlichen Teilnahmeseite"} {
		if !strings.Contains(page, want) {
			t.Errorf("booking form lacks %s", want)
		}
	}
	if strings.Contains(page, field(0, q.diet)) || strings.Contains(page, "vegetarisch") {
		t.Error("the booking form asks the booker the sensitive question")
	}

	cases := []struct {
		name, lang string
		answers    map[string]string
		status     int
		want       []string
	}{
		{"required answers missing", "de", map[string]string{field(0, q.job): "Teamleitung"}, 422,
			[]string{"Bitte beantworten Sie diese Frage.", `value="Teamleitung"`, `value="Ada"`}},
		{"required answers missing in English", "en", map[string]string{field(0, q.area): "Personal"}, 422,
			[]string{"Please answer this question.", `value="Personal" checked`, "HR"}},
		{"an option the question does not offer", "de", map[string]string{field(0, q.job): "Leitung", field(0, q.area): "Einkauf"}, 422,
			[]string{"Bitte wählen Sie eine der angebotenen Antworten."}},
		{"a line break in a text answer", "en", map[string]string{field(0, q.job): "Lead\nSales", field(0, q.area): "Vertrieb"}, 422,
			[]string{"The answer must not contain line breaks."}},
		{"answered", "de", map[string]string{field(0, q.job): "  Teamleitung Vertrieb ", field(0, q.area): "Vertrieb", field(0, q.channel): "yes"}, 303, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			form := bookingForm()
			for k, v := range tc.answers {
				form.Set(k, v)
			}
			p := path
			if tc.lang == "en" {
				p = "/en" + path
			}
			res, body := env.visitor().post(p, p, form)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			for _, want := range tc.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if tc.status != http.StatusSeeOther {
				return
			}
			reference := strings.TrimPrefix(strings.SplitN(res.Header.Get("Location"), "?", 2)[0], "/b/")
			b, err := env.st.BookingByReference(context.Background(), reference)
			if err != nil {
				t.Fatal(err)
			}
			answers, _ := env.st.AnswersOf(context.Background(), b.Attendees[0].ID)
			got := answers[b.Attendees[0].ID]
			if got[q.job.ID] != "Teamleitung Vertrieb" || got[q.area.ID] != "Vertrieb" || got[q.channel.ID] != "yes" || len(got) != 3 {
				t.Errorf("stored answers %v", got)
			}
		})
	}
}

// TestLanguageSwitchKeepsTheAnswers presses the language switch with answers typed: they come
// back in the English form, unvalidated.
func TestLanguageSwitchKeepsTheAnswers(t *testing.T) {
	env := newPublicEnv(t)
	q := addQuestions(t, env.st, env.date.SeminarID)
	b := env.visitor()
	_, page := b.get(fmt.Sprintf("/book/%d", env.date.ID))
	res, body := pressLanguageSwitch(t, b, page, url.Values{"attendee_count": {"1"}, "attendees[0].first_name": {"Jörg"},
		field(0, q.job): {"Personalreferentin"}, field(0, q.area): {"Personal"}, field(0, q.channel): {"no"}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("switch: %d", res.StatusCode)
	}
	for _, want := range []string{"Job title", `value="Personalreferentin"`, `value="Personal" checked`, `value="no" checked`, "Department"} {
		if !strings.Contains(body, want) {
			t.Errorf("after the switch the form lacks %s", want)
		}
	}
	if strings.Contains(body, `aria-invalid="true"`) {
		t.Error("the switch validated the answers")
	}
}

// TestBookingAPIAnswers books through the JSON API: answers are optional (the contract's body
// still books), checked when given, and the sensitive question is not the booker's to answer.
func TestBookingAPIAnswers(t *testing.T) {
	env := newPublicEnv(t)
	q := addQuestions(t, env.st, env.date.SeminarID)
	body := func(answers string) string {
		return fmt.Sprintf(`{"date_id":%d,"payment_method":"invoice","attendees":[{"first_name":"Nora","last_name":"Neu","email":"nora@firma.example"%s}],`+
			`"billing":{"company":"Neu AG","name":"Nora Neu","email":"rechnung@firma.example","street":"Allee 1","postal_code":"10115","city":"Berlin","country":"DE"}}`,
			env.date.ID, answers)
	}
	cases := []struct {
		name, answers string
		status        int
		want          string
	}{
		{"without answers, as the contract has it", "", 201, `"status":"confirmed"`},
		{"with answers", fmt.Sprintf(`,"answers":{"%d":"Vertriebsleitung","%d":"Vertrieb"}`, q.job.ID, q.area.ID), 201, `"reference"`},
		{"a sensitive answer", fmt.Sprintf(`,"answers":{"%d":"vegan"}`, q.diet.ID), 422, fmt.Sprintf(`"attendees[0].q%d"`, q.diet.ID)},
		{"an unknown question", `,"answers":{"999999":"x"}`, 422, `"attendees[0].answers.999999"`},
		{"a wrong option", fmt.Sprintf(`,"answers":{"%d":"Einkauf"}`, q.area.ID), 422, "Bitte wählen Sie"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, got := env.api(http.MethodPost, "/api/v1/bookings", "", body(tc.answers))
			if status != tc.status || !strings.Contains(got, tc.want) {
				t.Fatalf("status %d %s, want %d with %s", status, got, tc.status, tc.want)
			}
			if tc.name != "with answers" {
				return
			}
			reference, token := between(got, `"reference":"`, `"`), between(got, `?t=`, `"`)
			status, shown := env.api(http.MethodGet, "/api/v1/bookings/"+reference, token, "")
			if want := fmt.Sprintf(`"answers":{"%d":"Vertriebsleitung","%d":"Vertrieb"}`, q.job.ID, q.area.ID); status != http.StatusOK || !strings.Contains(shown, want) {
				t.Errorf("GET the booking: %d %s, want %s", status, shown, want)
			}
		})
	}
}

// TestAttendeeAnswersSensitiveQuestions: the attendee answers the sensitive question on their own
// page, only with consent; they can delete the answer (withdraw consent); once the date has
// ended the page no longer asks. On SQLite and PostgreSQL.
func TestAttendeeAnswersSensitiveQuestions(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk})
		q := addQuestions(t, st, date.SeminarID)
		b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
		anna := b.Attendees[0]
		page := "/a/" + env.srv.secrets.AttendeeToken(anna.ID, 0)
		visitor := env.browser()
		stored := func() model.AttendeeAnswer {
			rows, err := st.AnswerRowsOf(context.Background(), anna.ID)
			if err != nil || len(rows) > 1 {
				t.Fatalf("answers %v, %v", rows, err)
			}
			if len(rows) == 0 {
				return model.AttendeeAnswer{}
			}
			return rows[0]
		}
		diet := fmt.Sprintf("q%d", q.diet.ID)
		steps := []struct {
			name      string
			form      url.Values
			status    int
			want      string
			wantValue string
		}{
			{"without consent", url.Values{diet: {"vegan"}}, 422, "Bitte willigen Sie ein", ""},
			{"an option not offered", url.Values{diet: {"Fisch"}, "consent": {"yes"}}, 422, "Bitte wählen Sie", ""},
			{"with consent", url.Values{diet: {"vegan"}, "consent": {"yes"}}, 303, "", "vegan"},
			{"deleted", url.Values{diet: {"vegan"}, "consent": {"yes"}, "action": {"delete"}}, 303, "", ""},
		}
		for _, s := range steps {
			res, body := visitor.post(page, page+"/answers", s.form)
			if res.StatusCode != s.status || !strings.Contains(body, s.want) {
				t.Fatalf("%s: status %d, want %d with %q", s.name, res.StatusCode, s.status, s.want)
			}
			got := stored()
			if got.Value != s.wantValue || (got.Value != "" && got.ConsentedAt == nil) {
				t.Fatalf("%s: stored %+v, want %q with its consent time", s.name, got, s.wantValue)
			}
		}
		if _, body := visitor.get(page); !strings.Contains(body, "Ihre persönlichen Angaben") || !strings.Contains(body, `name="`+diet+`"`) {
			t.Error("the attendee page does not ask the sensitive question")
		}

		token := visitor.csrf(page)
		clk.Set(date.EndsAt.Add(time.Minute))
		if _, body := visitor.get(page); strings.Contains(body, `name="`+diet+`"`) || !strings.Contains(body, "Der Termin ist vorbei") {
			t.Error("after the date the attendee page still asks")
		}
		if res, _ := visitor.post("", page+"/answers", url.Values{"_csrf": {token}, diet: {"vegan"}, "consent": {"yes"}}); res.StatusCode != http.StatusConflict {
			t.Errorf("answer after the date: %d, want 409", res.StatusCode)
		}
		if got := stored(); got.Value != "" {
			t.Errorf("an answer was stored after the date: %+v", got)
		}
	})
}

// TestBackOfficeQuestions defines questions in the seminar form and sees the answers on the
// attendee list, the booking page and in the CSV export.
func TestBackOfficeQuestions(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	owner := env.signedIn("owner@example.com")
	semPage := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	form := url.Values{"title_de": {"Social Media im Vertrieb"}, "slug": {"social-media-im-vertrieb"}, "duration_minutes": {"480"},
		"default_price": {"490,00"}, "published": {"yes"}, "question_count": {"4"},
		"questions[0].label_de": {"Funktion"}, "questions[0].label_en": {"Job title"}, "questions[0].kind": {"text"}, "questions[0].required": {"yes"},
		"questions[1].label_de": {"Ernährung"}, "questions[1].kind": {"choice"}, "questions[1].options_de": {"vegetarisch\r\nvegan\r\n"},
		"questions[1].sensitive": {"yes"},
		"questions[2].label_de":  {""}, "questions[3].label_de": {""}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("questions[1].options_de", "nur eine")
	if res, body := owner.post(semPage, semPage, bad); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "mindestens zwei Möglichkeiten") || !strings.Contains(body, `value="Funktion"`) {
		t.Fatalf("a choice with one option: %d", res.StatusCode)
	}
	if res, _ := owner.post(semPage, semPage, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving the questions: %d", res.StatusCode)
	}
	qs, err := env.st.QuestionsForSeminar(context.Background(), date.SeminarID)
	if err != nil || len(qs) != 2 || qs[1].OptionsDE != "vegetarisch\nvegan" || !qs[1].Sensitive || !qs[0].Required {
		t.Fatalf("stored questions %+v, %v", qs, err)
	}
	_, edit := owner.get(semPage)
	if !strings.Contains(edit, `name="questions[0].id" value="`+fmt.Sprint(qs[0].ID)+`"`) {
		t.Error("the seminar form does not show the stored question")
	}

	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	ctx := context.Background()
	if err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		return tx.SaveAnswers(ctx, b.Attendees[0].ID, qs[:1], model.Answers{qs[0].ID: "=Leitung Vertrieb"}, nil)
	}); err != nil {
		t.Fatal(err)
	}
	if err := env.srv.bookings.SaveSensitiveAnswers(ctx, b.Attendees[0].ID, model.Answers{qs[1].ID: "vegan"}, true); err != nil {
		t.Fatal(err)
	}
	pages := []struct{ name, path string }{
		{"attendee list", fmt.Sprintf("/admin/dates/%d/attendees", date.ID)},
		{"booking page", "/admin/bookings/" + b.Reference},
		{"attendee CSV", fmt.Sprintf("/admin/dates/%d/attendees.csv", date.ID)},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			res, body := owner.get(p.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", p.path, res.StatusCode)
			}
			want := []string{"Funktion", "=Leitung Vertrieb", "Ernährung", "vegan"}
			if p.name == "attendee CSV" {
				want[1] = "'=Leitung Vertrieb" // a formula defused
			}
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", p.path, w)
				}
			}
		})
	}

	status, listed := env.api(http.MethodGet, fmt.Sprintf("/api/v1/admin/dates/%d/attendees", date.ID), env.apiToken(), "")
	if want := fmt.Sprintf(`"answers":{"%d":"=Leitung Vertrieb","%d":"vegan"}`, qs[0].ID, qs[1].ID); status != http.StatusOK || !strings.Contains(listed, want) {
		t.Errorf("admin API attendee list: %d %s, want %s", status, listed, want)
	}

	// Clearing a question's text deletes it with its answers.
	form.Set("questions[0].id", fmt.Sprint(qs[0].ID))
	form.Set("questions[1].id", fmt.Sprint(qs[1].ID))
	form.Set("questions[1].label_de", "")
	if res, _ := owner.post(semPage, semPage, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("deleting a question: %d", res.StatusCode)
	}
	answers, _ := env.st.AnswersOf(ctx, b.Attendees[0].ID)
	if got := answers[b.Attendees[0].ID]; len(got) != 1 || got[qs[0].ID] != "=Leitung Vertrieb" {
		t.Errorf("answers after deleting the diet question: %v", got)
	}
}

// TestLongChoiceIsASelect: a choice of more than four options is a select that keeps the option
// chosen when the form comes back with errors.
func TestLongChoiceIsASelect(t *testing.T) {
	env := newPublicEnv(t)
	q := model.SeminarQuestion{Kind: model.QuestionChoice, LabelDE: "Bereich", Required: true, OptionsDE: "A\nB\nC\nD\nE"}
	ctx := context.Background()
	if err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		return tx.ReplaceQuestions(ctx, env.date.SeminarID, []model.SeminarQuestion{q})
	}); err != nil {
		t.Fatal(err)
	}
	qs, _ := env.st.QuestionsForSeminar(ctx, env.date.SeminarID)
	path := fmt.Sprintf("/book/%d", env.date.ID)
	form := bookingForm()
	form.Set(field(0, qs[0]), "D")
	form.Del("attendees[0].email")
	res, body := env.visitor().post(path, path, form)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`<select name="` + field(0, qs[0]) + `"`, `<option value="D" selected>D</option>`, "Bitte wählen"} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}
}

// between returns the text of s after the first start up to the next end.
func between(s, start, end string) string {
	_, rest, _ := strings.Cut(s, start)
	out, _, _ := strings.Cut(rest, end)
	return out
}
