package web

import (
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

// A result with a large gap in customer service (40 people), a small one in marketing and none in
// PR: the ranking is customer service, marketing, PR.
const competenceResultQuery = "check=1&f=marketing&use_marketing=occasional&people_marketing=12" +
	"&f=customer_service&use_customer_service=none&people_customer_service=40&f=pr&use_pr=job"

func TestCompetenceCheckPages(t *testing.T) {
	env := newAdminEnv(t)
	sem := storetest.SeedDate(t, env.st, storetest.DateOptions{}).Seminar // marketing and sales
	visitor := env.browser()
	before, err := env.st.RowCounts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		path       string
		wantStatus int
		want       []string
	}{
		{"form in German", "/kompetenz-check", http.StatusOK, []string{
			`<form method="get" action="/kompetenz-check"`, "<legend>Marketing</legend>", "<legend>IT &amp; Datenschutz</legend>",
			"Nutzt Social Media heute", `name="use_hr" value="occasional"`, "mehr als fünf"}},
		{"form in English", "/en/kompetenz-check", http.StatusOK, []string{
			`lang="en"`, `action="/en/kompetenz-check"`, "<legend>Customer service</legend>", "as part of the job"}},
		{"result", "/kompetenz-check?" + competenceResultQuery, http.StatusOK, []string{
			"Ihre Auswertung", "großer Abstand", "40 Personen", sem.TitleDE, "Nächster Termin", "Auf Ihrer Liste stehen 3 Funktionen",
			"Geschäftsführung &amp; Führung"}},
		{"result in English", "/en/kompetenz-check?" + competenceResultQuery, http.StatusOK, []string{
			"Your result", "large gap", "40 people", sem.TitleEN}},
		{"sent with nothing ticked", "/kompetenz-check?check=1", http.StatusBadRequest, []string{"Bitte kreuzen Sie mindestens eine Funktion an."}},
		{"ticked without usage", "/kompetenz-check?check=1&f=hr&people_hr=3", http.StatusBadRequest, []string{
			"Bitte wählen Sie, wie diese Funktion Social Media heute nutzt.", `name="people_hr" min="1" max="1000" inputmode="numeric" value="3"`}},
		{"unknown usage", "/kompetenz-check?f=hr&use_hr=always", http.StatusBadRequest, []string{"Bitte wählen Sie"}},
		{"head count not a number", "/en/kompetenz-check?f=hr&use_hr=none&people_hr=lots", http.StatusBadRequest, []string{"Please enter a number from 1 to 1000"}},
		{"unknown function", "/kompetenz-check?f=kantine", http.StatusBadRequest, []string{"Diese Funktion kennen wir nicht."}},
		{"control character in the query", "/kompetenz-check?f=hr%00&use_hr=none", http.StatusBadRequest, nil},
		{"invalid UTF-8 in the query", "/kompetenz-check?f=hr&use_hr=%ff", http.StatusBadRequest, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := visitor.get(c.path)
			if res.StatusCode != c.wantStatus {
				t.Fatalf("GET %s: %d, want %d\n%s", c.path, res.StatusCode, c.wantStatus, excerpt(body))
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %q", c.path, w)
				}
			}
		})
	}
	t.Run("ranked by the gap", func(t *testing.T) {
		_, body := visitor.get("/kompetenz-check?" + competenceResultQuery)
		order := []string{"<h3>Kundenservice", "<h3>Marketing", "<h3>PR &amp; Unternehmenskommunikation"}
		last := -1
		for _, h := range order {
			i := strings.Index(body, h)
			if i <= last {
				t.Fatalf("%q is not after the function before it", h)
			}
			last = i
		}
	})
	t.Run("every function has its fieldset and legend", func(t *testing.T) {
		_, body := visitor.get("/kompetenz-check")
		if n := strings.Count(body, `<fieldset class="competence-function">`); n != 7 {
			t.Fatalf("%d function fieldsets, want 7", n)
		}
		if strings.Count(body, "<legend>") != 14 {
			t.Fatal("each function needs a legend, and its usage group one more")
		}
	})
	after, err := env.st.RowCounts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("the check stored something: before %v, after %v", before, after)
	}
}

var (
	competenceShareField = regexp.MustCompile(`id="competence-share" class="no-print" type="url" readonly value="([^"]+)"`)
	competenceInquiryRef = regexp.MustCompile(`<a role="button" href="([^"]+)">`)
	inquiryFieldValue    = func(name string) *regexp.Regexp {
		return regexp.MustCompile(`name="` + name + `" value="([^"]*)"`)
	}
)

// The result is a GET URL that carries the answers: opening the shared URL shows the same result.
func TestCompetenceResultURLRoundTrip(t *testing.T) {
	env := newAdminEnv(t)
	storetest.SeedDate(t, env.st, storetest.DateOptions{})
	visitor := env.browser()
	// The answers in another order than the canonical one, with an unticked function's leftovers.
	_, first := visitor.get("/kompetenz-check?f=pr&use_pr=job&f=customer_service&use_customer_service=none&people_customer_service=40" +
		"&f=marketing&use_marketing=occasional&people_marketing=12&use_hr=job&people_hr=")
	m := competenceShareField.FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("no share URL on the result:\n%s", excerpt(first))
	}
	shared, err := url.Parse(html.UnescapeString(m[1]))
	if err != nil || shared.Path != "/kompetenz-check" || shared.Scheme == "" {
		t.Fatalf("share URL %q is not an absolute URL of the check", m[1])
	}
	if shared.RawQuery != competenceResultQueryCanonical() {
		t.Fatalf("share URL query %q, want %q", shared.RawQuery, competenceResultQueryCanonical())
	}
	res, second := visitor.get(shared.RequestURI())
	if res.StatusCode != http.StatusOK || resultSection(second) != resultSection(first) {
		t.Fatalf("the shared URL shows another result:\n%s\n----\n%s", resultSection(first), resultSection(second))
	}
}

func competenceResultQueryCanonical() string {
	v, _ := url.ParseQuery(competenceResultQuery)
	return v.Encode()
}

func resultSection(body string) string {
	start := strings.Index(body, `<section class="competence-result"`)
	end := strings.Index(body, "</section>")
	if start < 0 || end < start {
		return ""
	}
	return body[start:end]
}

// The result's one-click inquiry opens the in-house form filled in with the functions and head
// counts; sending it stores the inquiry (and only then is anything stored).
func TestCompetencePrefilledInquiry(t *testing.T) {
	env := newAdminEnv(t)
	visitor := env.browser()
	_, result := visitor.get("/kompetenz-check?" + competenceResultQuery)
	m := competenceInquiryRef.FindStringSubmatch(result)
	if m == nil {
		t.Fatalf("no inquiry link on the result:\n%s", excerpt(result))
	}
	inquiryPath := html.UnescapeString(m[1])
	if !strings.HasPrefix(inquiryPath, "/inhouse?") {
		t.Fatalf("inquiry link %q", inquiryPath)
	}
	res, page := visitor.get(inquiryPath)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("inquiry form: %d", res.StatusCode)
	}
	field := func(name string) string {
		m := inquiryFieldValue(name).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s field:\n%s", name, excerpt(page))
		}
		return html.UnescapeString(m[1])
	}
	if got := field("topic"); got != "Social-Media-Kompetenz für Kundenservice, Marketing, PR & Unternehmenskommunikation" {
		t.Errorf("topic %q", got)
	}
	if got := field("participants"); got != "52" {
		t.Errorf("participants %q, want the head counts added up (52)", got)
	}
	for _, line := range []string{"Kundenservice: 40 Personen, nutzt Social Media heute gar nicht",
		"Marketing: 12 Personen, nutzt Social Media heute gelegentlich", "PR &amp; Unternehmenskommunikation: nutzt Social Media heute als Teil der Arbeit"} {
		if !strings.Contains(page, line) {
			t.Errorf("message lacks %q", line)
		}
	}
	if _, bad := visitor.get("/inhouse?f=hr&use_hr=sometimes"); strings.Contains(bad, "Social-Media-Kompetenz für") {
		t.Error("invalid answers still filled in the form")
	}

	message := regexp.MustCompile(`(?s)<textarea name="message"[^>]*>(.*?)</textarea>`).FindStringSubmatch(page)
	if message == nil {
		t.Fatal("no message field")
	}
	before, _ := env.st.RowCounts(t.Context())
	res, _ = visitor.post(inquiryPath, "/inhouse", url.Values{"company": {"Muster GmbH"}, "name": {"Erika Muster"},
		"email": {"erika@muster.example"}, "topic": {field("topic")}, "participants": {field("participants")},
		"message": {html.UnescapeString(strings.TrimSpace(message[1]))}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sending the pre-filled inquiry: %d", res.StatusCode)
	}
	after, _ := env.st.RowCounts(t.Context())
	if after["inhouse_inquiries"] != before["inhouse_inquiries"]+1 {
		t.Fatalf("inquiries %d → %d", before["inhouse_inquiries"], after["inhouse_inquiries"])
	}
	stored, _ := env.st.Inquiries(t.Context(), 1)
	if stored[0].Participants != 52 || !strings.Contains(stored[0].Message, "Kundenservice: 40 Personen") {
		t.Fatalf("stored inquiry %+v", stored[0])
	}
}
