package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestInhouseInquiry(t *testing.T) {
	env := newAdminEnv(t)
	visitor := env.browser()
	valid := func() url.Values {
		return url.Values{"company": {"Muster GmbH"}, "name": {"Erika Muster"}, "email": {"erika@muster.example"},
			"topic": {"Social Media im Vertrieb"}, "participants": {"14"}, "preferred_period": {"März 2027"}, "message": {"Gern bei uns in Köln."}}
	}
	cases := []struct {
		name       string
		form       func() url.Values
		wantStatus int
		wantBody   string
	}{
		{"missing company", func() url.Values { v := valid(); v.Del("company"); return v }, http.StatusUnprocessableEntity, "Bitte ausfüllen."},
		{"participants not a number", func() url.Values { v := valid(); v.Set("participants", "viele"); return v }, http.StatusUnprocessableEntity, "zwischen 1 und 1000"},
		{"valid", valid, http.StatusSeeOther, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := visitor.post("/inhouse", "/inhouse", c.form())
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), body has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
		})
	}
	if res, _ := visitor.post("", "/inhouse", url.Values{"_csrf": {"forged"}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("forged CSRF: %d", res.StatusCode)
	}
	if _, body := visitor.get("/inhouse?sent=1"); !strings.Contains(body, "Danke für Ihre Anfrage") {
		t.Fatal("no thanks after sending")
	}

	assistant := env.signedIn("assistant@example.com")
	_, inbox := assistant.get("/admin/inquiries")
	if !strings.Contains(inbox, "Muster GmbH") || !strings.Contains(inbox, "14 Personen") || !strings.Contains(inbox, "Gern bei uns in Köln.") {
		t.Fatalf("inbox lacks the inquiry:\n%s", excerpt(inbox))
	}
	if _, dash := assistant.get("/admin"); !strings.Contains(dash, "1 offene Inhouse-Anfrage") {
		t.Fatal("the dashboard does not count the open inquiry")
	}
	inquiries, _ := env.st.Inquiries(t.Context(), 10)
	path := fmt.Sprintf("/admin/inquiries/%d", inquiries[0].ID)
	if res, _ := assistant.post("/admin/inquiries", path, url.Values{"status": {"done"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark done: %d", res.StatusCode)
	}
	if _, dash := assistant.get("/admin"); !strings.Contains(dash, "0 offene Inhouse-Anfragen") {
		t.Fatal("a handled inquiry still counts as open")
	}
	if res, _ := assistant.post("/admin/inquiries", "/admin/inquiries/99999", url.Values{"status": {"done"}}); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown inquiry: %d", res.StatusCode)
	}
}
