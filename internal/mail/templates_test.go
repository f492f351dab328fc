package mail_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// TestTemplatesMissing: a missing e-mail template stops the start-up.
func TestTemplatesMissing(t *testing.T) {
	cases := []struct {
		name  string
		files fstest.MapFS
	}{
		{"no templates", fstest.MapFS{}},
		{"no text template", fstest.MapFS{"templates/email/message.html": {Data: []byte("<p>{{.Intro}}</p>")}}},
		{"broken HTML template", fstest.MapFS{
			"templates/email/message.html": {Data: []byte("{{if}}")},
			"templates/email/message.txt":  {Data: []byte("{{.Intro}}")},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := mail.ParseTemplates(tc.files); err == nil {
				t.Error("ParseTemplates accepted incomplete templates")
			}
		})
	}
}

// TestHTMLEscaping: names people typed are text, never markup, in the HTML part.
func TestHTMLEscaping(t *testing.T) {
	e := newEnv(t)
	date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	e.reserve(date.ID, "de", [2]string{`<img src=x onerror=alert(1)>`, "anna@muster.example"})
	e.run(e.now.Add(time.Minute))
	for _, m := range e.inbox()["anna@muster.example"] {
		if strings.Contains(m.HTML, "<img src=x") {
			t.Error("attendee name reached the HTML unescaped")
		}
		if !strings.Contains(m.HTML, "&lt;img src=x") {
			t.Error("attendee name is missing from the HTML greeting")
		}
	}
}
