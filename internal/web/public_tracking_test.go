package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// allowedCookies are the only cookies the service may set (issue 14: no tracking, so no consent
// banner): the CSRF token, the language preference and the back-office session.
var allowedCookies = []string{"_csrf", langCookie, adminSessionCookie}

// cssURL finds url(...) in stylesheets.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)`)

// TestNoTracking walks every public page — reading, booking, the manage page, the waiting list,
// an inquiry, the legal pages, in both languages — and the back-office sign-in, and checks that
// every cookie set is one of allowedCookies and that nothing a page loads (scripts, styles,
// images, icons, frames, form targets, stylesheet urls) comes from another host. Plain links to
// other sites (a video call's joining link) are navigation the visitor chooses, not requests.
func TestNoTracking(t *testing.T) {
	env := newPublicEnv(t)
	visitor := env.visitor()
	seen := map[string]bool{}
	own, _ := url.Parse(env.srv.cfg.BaseURL) // canonical and hreflang links are absolute URLs of the site
	offSite := func(ref string) bool {
		u, err := url.Parse(ref)
		return err != nil || (u.Host != "" && u.Host != own.Host) || (u.Scheme != "" && u.Scheme != "data" && u.Scheme != "http" && u.Scheme != "https")
	}
	check := func(t *testing.T, method, path string, res *http.Response, body string) {
		t.Helper()
		for _, c := range res.Cookies() {
			seen[c.Name] = true
			if !slices.Contains(allowedCookies, c.Name) {
				t.Errorf("%s %s sets cookie %q", method, path, c.Name)
			}
		}
		if !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
			return
		}
		for _, ref := range loadedResources(t, body) {
			if offSite(ref) {
				t.Errorf("%s %s loads %q from another host", method, path, ref)
			}
		}
	}
	get := func(t *testing.T, path string) string {
		t.Helper()
		res, body := visitor.get(path)
		if res.StatusCode >= 400 {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		check(t, "GET", path, res, body)
		return body
	}
	post := func(t *testing.T, page, path string, form url.Values) *http.Response {
		t.Helper()
		res, body := visitor.post(page, path, form)
		check(t, "POST", path, res, body)
		return res
	}

	var pages []string
	for _, lang := range []string{"de", "en"} {
		for _, p := range []string{"/", "/?format=online", "/seminars/" + env.date.Seminar.Slug, "/seminars/" + env.online.Seminar.Slug,
			"/inhouse", "/impressum", "/datenschutz", "/teilnahmebedingungen",
			fmt.Sprintf("/book/%d", env.date.ID), fmt.Sprintf("/waitlist/%d", env.date.ID)} {
			pages = append(pages, localized(lang, p))
		}
	}
	for _, path := range append(pages, "/sitemap.xml", "/robots.txt", "/admin/login", "/lang/en?next=/en/", "/nowhere") {
		t.Run("GET "+path, func(t *testing.T) {
			res, body := visitor.get(path)
			check(t, "GET", path, res, body)
		})
	}
	t.Run("booking and its manage page", func(t *testing.T) {
		path := fmt.Sprintf("/en/book/%d", env.date.ID)
		res := post(t, path, path, url.Values{
			"attendee_count": {"1"}, "attendees[0].first_name": {"Ada"}, "attendees[0].last_name": {"Lovelace"},
			"attendees[0].email": {"ada@firma.example"}, "billing.company": {"Firma AG"}, "billing.name": {"Ada Lovelace"},
			"billing.email": {"einkauf@firma.example"}, "billing.street": {"Weg 1"}, "billing.postal_code": {"10115"},
			"billing.city": {"Berlin"}, "billing.country": {"DE"}, "payment_method": {"invoice"},
			"accept_terms": {"yes"}, "confirm_business": {"yes"}, "action": {"book"},
		})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("booking: %d", res.StatusCode)
		}
		manage := res.Header.Get("Location")
		get(t, manage)
		get(t, strings.Replace(manage, "?", "/cancel?", 1))
	})
	t.Run("inquiry and waiting list", func(t *testing.T) {
		post(t, "/inhouse", "/inhouse", url.Values{"company": {"Nordlicht KG"}, "name": {"Kai"}, "email": {"kai@nordlicht.example"},
			"topic": {"Recruiting"}, "participants": {"8"}})
		path := fmt.Sprintf("/waitlist/%d", env.date.ID)
		post(t, path, path, url.Values{"name": {"Lea"}, "email": {"lea@winter.example"}, "seats": {"1"}})
	})
	t.Run("back office sign-in", func(t *testing.T) {
		res, body := visitor.login("owner@example.com", testPassword)
		check(t, "POST", "/admin/login", res, body)
		get(t, "/admin")
	})
	t.Run("stylesheets load nothing from elsewhere", func(t *testing.T) {
		for _, link := range elements(htmlDoc(t, get(t, "/")), "link", map[string]string{"rel": "stylesheet"}) {
			href, _ := attr(link, "href")
			_, css := visitor.get(href)
			for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
				if offSite(m[1]) {
					t.Errorf("%s loads %q", href, m[1])
				}
			}
			if strings.Contains(css, "@import url(http") {
				t.Errorf("%s imports from another host", href)
			}
		}
	})
	for _, name := range allowedCookies {
		if !seen[name] {
			t.Errorf("the walk never saw cookie %q: does it still cover every kind of page?", name)
		}
	}
}

// loadedResources returns what a page makes the browser fetch by itself, including the url()s of
// the stylesheets it links from this site.
func loadedResources(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	doc := htmlDoc(t, body)
	for tag, attrName := range map[string]string{"script": "src", "img": "src", "iframe": "src", "source": "src",
		"video": "src", "audio": "src", "link": "href", "form": "action", "object": "data", "embed": "src"} {
		for _, n := range elements(doc, tag, map[string]string{attrName: ""}) {
			v, _ := attr(n, attrName)
			out = append(out, v)
		}
	}
	for _, n := range elements(doc, "img", map[string]string{"srcset": ""}) {
		v, _ := attr(n, "srcset")
		for _, part := range strings.Split(v, ",") {
			out = append(out, strings.Fields(part)[0])
		}
	}
	var styles func(*html.Node)
	styles = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if style, ok := attr(n, "style"); ok {
				for _, m := range cssURL.FindAllStringSubmatch(style, -1) {
					out = append(out, m[1])
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			styles(c)
		}
	}
	styles(doc)
	return out
}
