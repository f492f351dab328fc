package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestEnglishURLs checks that every public page has its German and English URL, in the URL's
// language, with canonical and hreflang alternates pointing at the twins.
func TestEnglishURLs(t *testing.T) {
	env := newPublicEnv(t)
	base := env.srv.cfg.BaseURL
	cases := []struct {
		name, path string
		want       map[string]string // language → text the page must show
		indexed    bool
	}{
		{"catalogue", "/", map[string]string{"de": "Seminare", "en": "Seminars"}, true},
		{"seminar", "/seminars/" + env.date.Seminar.Slug, map[string]string{"de": env.date.Seminar.TitleDE, "en": env.date.Seminar.TitleEN}, true},
		{"in-house inquiry", "/inhouse", map[string]string{"de": "Inhouse", "en": "in-house seminar"}, true},
		{"imprint", "/impressum", map[string]string{"de": "Impressum", "en": "Legal notice"}, true},
		{"privacy notice", "/datenschutz", map[string]string{"de": "Datenschutzhinweise", "en": "Privacy notice"}, true},
		{"terms", "/teilnahmebedingungen", map[string]string{"de": "Teilnahmebedingungen", "en": "Terms of participation"}, true},
		{"booking form", fmt.Sprintf("/book/%d", env.date.ID), map[string]string{"de": "Zahlungspflichtig buchen", "en": "Book and pay"}, false},
		{"waiting list", fmt.Sprintf("/waitlist/%d", env.date.ID), map[string]string{"de": "Warteliste", "en": "waiting list"}, false},
	}
	for _, tc := range cases {
		for _, lang := range []string{"de", "en"} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				path := localized(lang, tc.path)
				// The browser's preference must not matter: the URL decides.
				req, _ := http.NewRequest(http.MethodGet, env.http.URL+path, nil)
				if tc.path != "/" { // "/" is the one path that picks the language by preference
					req.Header.Set("Accept-Language", map[string]string{"de": "en", "en": "de"}[lang])
				}
				res, body := env.visitor().do(req)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET %s: %d", path, res.StatusCode)
				}
				if got := pageLang(t, body); got != lang {
					t.Errorf("GET %s is in %q", path, got)
				}
				if !strings.Contains(body, tc.want[lang]) {
					t.Errorf("GET %s lacks %q", path, tc.want[lang])
				}
				doc := htmlDoc(t, body)
				canonical := elements(doc, "link", map[string]string{"rel": "canonical"})
				if len(canonical) != 1 {
					t.Fatalf("%d canonical links", len(canonical))
				}
				if href, _ := attr(canonical[0], "href"); href != base+path {
					t.Errorf("canonical %q, want %q", href, base+path)
				}
				wantAlt := map[string]string{"de": base + tc.path, "en": base + localized("en", tc.path), "x-default": base + tc.path}
				alts := elements(doc, "link", map[string]string{"rel": "alternate", "hreflang": ""})
				if len(alts) != len(wantAlt) {
					t.Errorf("%d hreflang alternates, want %d", len(alts), len(wantAlt))
				}
				for _, a := range alts {
					hreflang, _ := attr(a, "hreflang")
					if href, _ := attr(a, "href"); href != wantAlt[hreflang] {
						t.Errorf("hreflang %s: %q, want %q", hreflang, href, wantAlt[hreflang])
					}
				}
				meta := elements(doc, "meta", map[string]string{"name": "description"})
				if len(meta) != 1 {
					t.Fatalf("%d meta descriptions", len(meta))
				}
				if content, _ := attr(meta[0], "content"); len(content) < 10 {
					t.Errorf("meta description %q", content)
				}
				noindex := len(elements(doc, "meta", map[string]string{"name": "robots", "content": "noindex"})) > 0
				if noindex == tc.indexed {
					t.Errorf("noindex %v on a page that is indexed: %v", noindex, tc.indexed)
				}
				// htmx requests stay in the page's language too.
				for _, n := range elements(doc, "*", nil) {
					for _, a := range n.Attr {
						if strings.HasPrefix(a.Key, "hx-get") || strings.HasPrefix(a.Key, "data-hx-get") || strings.HasPrefix(a.Key, "hx-post") || strings.HasPrefix(a.Key, "data-hx-post") {
							if languageOfPath(strings.SplitN(a.Val, "?", 2)[0]) != lang {
								t.Errorf("%s=%q on a page in %s", a.Key, a.Val, lang)
							}
						}
					}
				}
				// Links stay in the page's language: the header's catalogue link is the twin's.
				if home := elements(doc, "a", map[string]string{"href": localized(lang, "/inhouse")}); len(home) == 0 {
					t.Errorf("no link to %s on %s", localized(lang, "/inhouse"), path)
				}
			})
		}
	}
}

// TestRootPicksTheLanguage checks that "/" follows the cookie, then Accept-Language; the cookie
// is only a preference, so an English URL stays English whatever the cookie says.
func TestRootPicksTheLanguage(t *testing.T) {
	env := newPublicEnv(t)
	cases := []struct {
		name, cookie, accept, path string
		wantStatus                 int
		wantLocation, wantLang     string
	}{
		{"no preference is German", "", "", "/", 200, "", "de"},
		{"English browser goes to /en/", "", "en-GB,en;q=0.9", "/", 302, "/en/", ""},
		{"the filters go along", "", "en", "/?format=online", 302, "/en/?format=online", ""},
		{"German cookie beats an English browser", "de", "en", "/", 200, "", "de"},
		{"English cookie beats a German browser", "en", "de", "/", 302, "/en/", ""},
		{"an English URL ignores a German cookie", "de", "de", "/en/", 200, "", "en"},
		{"a German URL ignores an English cookie", "en", "en", "/impressum", 200, "", "de"},
		{"/en without the slash", "", "", "/en", 301, "/en/", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, env.http.URL+tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Language", tc.accept)
			}
			if tc.cookie != "" {
				req.AddCookie(&http.Cookie{Name: langCookie, Value: tc.cookie})
			}
			res, body := env.visitor().do(req)
			if res.StatusCode != tc.wantStatus || res.Header.Get("Location") != tc.wantLocation {
				t.Fatalf("%d to %q, want %d to %q", res.StatusCode, res.Header.Get("Location"), tc.wantStatus, tc.wantLocation)
			}
			if tc.wantLang != "" && pageLang(t, body) != tc.wantLang {
				t.Errorf("page in %q, want %q", pageLang(t, body), tc.wantLang)
			}
			if tc.path == "/" && !strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Language") {
				t.Errorf("Vary %q: caches must keep the languages apart", res.Header.Values("Vary"))
			}
		})
	}
}

// switchHref returns the href of the language switch link the page renders.
func switchHref(t *testing.T, body string) string {
	t.Helper()
	links := elements(htmlDoc(t, body), "a", map[string]string{"class": "lang-switch"})
	if len(links) != 1 {
		t.Fatalf("%d language switch links", len(links))
	}
	href, _ := attr(links[0], "href")
	return href
}

// TestLanguageSwitchFollowsTheRenderedLink clicks the switch each page renders and expects the
// same page in the other language, and back (issue 15: the link was encoded twice).
func TestLanguageSwitchFollowsTheRenderedLink(t *testing.T) {
	env := newPublicEnv(t)
	reservation := env.bookByInvoice(t)
	cases := []struct {
		name, path string
		want       map[string]string
	}{
		{"catalogue with a filter", "/?format=online", map[string]string{"de": env.online.Seminar.TitleDE, "en": env.online.Seminar.TitleEN}},
		{"seminar", "/seminars/" + env.date.Seminar.Slug, map[string]string{"de": env.date.Seminar.TitleDE, "en": env.date.Seminar.TitleEN}},
		{"terms", "/teilnahmebedingungen", map[string]string{"de": "ausschließlich an Unternehmen", "en": "businesses only"}},
		{"manage page keeps its token", reservation, map[string]string{"de": "Teilnehmende", "en": "Attendees"}},
		// After sending, the form is gone, so the switch is a link again.
		{"inquiry sent", "/inhouse?sent=1", map[string]string{"de": "Danke für Ihre Anfrage", "en": "Thank you for your inquiry"}},
		{"waiting list joined", fmt.Sprintf("/waitlist/%d?joined=1", env.date.ID), map[string]string{"de": "Sie stehen auf der Warteliste", "en": "You are on the waiting list"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := env.visitor()
			res, body := b.get(tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", tc.path, res.StatusCode)
			}
			for _, lang := range []string{"en", "de"} {
				href := switchHref(t, body)
				if strings.Contains(href, "%25") {
					t.Fatalf("switch link %q is encoded twice", href)
				}
				res, body, _ = b.follow(t, href)
				if res.StatusCode != http.StatusOK || pageLang(t, body) != lang {
					t.Fatalf("after the switch to %s: %d, page in %q", lang, res.StatusCode, pageLang(t, body))
				}
				if !strings.Contains(body, tc.want[lang]) {
					t.Errorf("after the switch to %s the page lacks %q", lang, tc.want[lang])
				}
				if got := b.cookieValue(langCookie); got != lang {
					t.Errorf("language cookie %q after choosing %s", got, lang)
				}
			}
		})
	}
}

// bookByInvoice books one attendee through the form and returns the manage page's path.
func (e *publicEnv) bookByInvoice(t *testing.T) string {
	t.Helper()
	b := e.visitor()
	path := fmt.Sprintf("/book/%d", e.date.ID)
	res, _ := b.post(path, path, url.Values{
		"attendee_count": {"1"}, "attendees[0].first_name": {"Ada"}, "attendees[0].last_name": {"Lovelace"},
		"attendees[0].email": {"ada@firma.example"}, "billing.company": {"Firma AG"}, "billing.name": {"Ada Lovelace"},
		"billing.email": {"einkauf@firma.example"}, "billing.street": {"Weg 1"}, "billing.postal_code": {"10115"},
		"billing.city": {"Berlin"}, "billing.country": {"DE"}, "payment_method": {"invoice"},
		"accept_terms": {"yes"}, "confirm_business": {"yes"}, "action": {"book"},
	})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("booking: %d", res.StatusCode)
	}
	return res.Header.Get("Location")
}

// TestLanguageSwitchOnFormsKeepsTheInput presses the switch button each form page renders, with
// half a form typed: the form comes back in the other language with everything typed, unvalidated.
func TestLanguageSwitchOnFormsKeepsTheInput(t *testing.T) {
	env := newPublicEnv(t)
	cases := []struct {
		name, path string
		typed      url.Values
		want       string // text of the other language
	}{
		{"booking form", fmt.Sprintf("/book/%d", env.date.ID), url.Values{
			"attendee_count": {"2"}, "attendees[0].first_name": {"Jörg"}, "attendees[0].last_name": {"Weiß"},
			"attendees[1].email": {"zweite@firma.example"}, "billing.company": {"Müller & Söhne GmbH"},
			"billing.vat_id": {"DE123456789"}, "payment_method": {"invoice"}, "voucher": {"SOMMER"},
			"confirm_business": {"yes"},
		}, "Book and pay"},
		{"in-house inquiry", "/inhouse", url.Values{
			"company": {"Nordlicht KG"}, "name": {"Kai Sommer"}, "message": {"Für 12 Leute im Vertrieb"},
		}, "in-house seminar"},
		{"waiting list", fmt.Sprintf("/waitlist/%d", env.date.ID), url.Values{
			"name": {"Lea Winter"}, "company": {"Winter & Co"},
		}, "waiting list"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := env.visitor()
			res, body := b.get(tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", tc.path, res.StatusCode)
			}
			res, body = pressLanguageSwitch(t, b, body, tc.typed)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("switch: %d", res.StatusCode)
			}
			if pageLang(t, body) != "en" || !strings.Contains(body, tc.want) {
				t.Errorf("after the switch the form is in %q and lacks %q", pageLang(t, body), tc.want)
			}
			for k, v := range tc.typed {
				if k == "attendee_count" || k == "payment_method" || k == "confirm_business" {
					continue
				}
				if !strings.Contains(body, template.HTMLEscapeString(v[0])) {
					t.Errorf("typed %s=%q is lost", k, v[0])
				}
			}
			if strings.Contains(body, `aria-invalid="true"`) || strings.Contains(body, "notice-error") {
				t.Error("the switch validated the form")
			}
			if b.cookieValue(langCookie) != "en" {
				t.Error("the switch did not remember the language")
			}
		})
	}
	if d, err := env.st.DateByID(t.Context(), env.date.ID); err != nil || d.SeatsTaken != 0 {
		t.Errorf("switching booked seats: %d (%v)", d.SeatsTaken, err)
	}
}

// TestBackOfficeLanguageSwitchStaysOnThePage follows the switch on admin pages.
func TestBackOfficeLanguageSwitchStaysOnThePage(t *testing.T) {
	env := newPublicEnv(t)
	b := env.signedIn("owner@example.com")
	for _, path := range []string{"/admin/bookings", "/admin/outbox?status=failed", fmt.Sprintf("/admin/dates/%d/attendees", env.date.ID)} {
		t.Run(path, func(t *testing.T) {
			_, body := b.get(path)
			for _, lang := range []string{"en", "de"} {
				res, page, at := b.follow(t, switchHref(t, body))
				if res.StatusCode != http.StatusOK || at != path {
					t.Fatalf("switch to %s: %d at %s, want 200 at %s", lang, res.StatusCode, at, path)
				}
				if pageLang(t, page) != lang {
					t.Fatalf("switch to %s: page in %q", lang, pageLang(t, page))
				}
				body = page
			}
		})
	}
}

// pressLanguageSwitch does what a browser does when the switch button in the header of a form
// page is pressed: it posts the form the button names (its hidden fields and what was typed) to
// the button's formaction, with the button's name and value.
func pressLanguageSwitch(t *testing.T, b *adminBrowser, page string, typed url.Values) (*http.Response, string) {
	t.Helper()
	doc := htmlDoc(t, page)
	buttons := elements(doc, "button", map[string]string{"class": "lang-switch"})
	if len(buttons) != 1 {
		t.Fatalf("%d language switch buttons on a form page", len(buttons))
	}
	formID, _ := attr(buttons[0], "form")
	action, _ := attr(buttons[0], "formaction")
	name, _ := attr(buttons[0], "name")
	value, _ := attr(buttons[0], "value")
	if _, ok := attr(buttons[0], "formnovalidate"); !ok {
		t.Error("the switch button would make the browser validate the form")
	}
	forms := elements(doc, "form", map[string]string{"id": formID})
	if len(forms) != 1 {
		t.Fatalf("the switch button names form %q, which the page has %d times", formID, len(forms))
	}
	sent := url.Values{}
	for k, v := range typed {
		sent[k] = v
	}
	for _, hidden := range elements(forms[0], "input", map[string]string{"type": "hidden"}) {
		k, _ := attr(hidden, "name")
		v, _ := attr(hidden, "value")
		if sent.Get(k) == "" {
			sent.Set(k, v)
		}
	}
	sent.Set(name, value)
	return b.post("", action, sent)
}
