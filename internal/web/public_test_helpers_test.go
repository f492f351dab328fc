package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// publicEnv is the real app on a fresh SQLite file with one in-person and one online date.
type publicEnv struct {
	*adminEnv
	date, online model.SeminarDate
}

func newPublicEnv(t *testing.T) *publicEnv {
	t.Helper()
	env := newAdminEnv(t)
	return &publicEnv{
		adminEnv: env,
		date:     storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 12}),
		online:   storetest.SeedDate(t, env.st, storetest.DateOptions{Format: model.FormatOnline}),
	}
}

// visitor is a browser without a session: it keeps cookies and shows redirects to the test.
func (e *publicEnv) visitor() *adminBrowser { return e.browser() }

// htmlDoc parses a page; the test fails on HTML the parser cannot read.
func htmlDoc(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// elements returns every element named tag ("*" for any) whose attributes contain all of want (a value "" only
// asks for the attribute).
func elements(n *html.Node, tag string, want map[string]string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == tag || tag == "*") && hasAttrs(n, want) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasAttrs(n *html.Node, want map[string]string) bool {
	for k, v := range want {
		got, ok := attr(n, k)
		if !ok || (v != "" && got != v && !(k == "class" && strings.Contains(" "+got+" ", " "+v+" "))) {
			return false
		}
	}
	return true
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// pageLang is the lang attribute of a page's <html>.
func pageLang(t *testing.T, body string) string {
	t.Helper()
	for _, h := range elements(htmlDoc(t, body), "html", nil) {
		lang, _ := attr(h, "lang")
		return lang
	}
	return ""
}

// follow sends GET path and, while the answer is a redirect, goes where it points; it returns
// the last answer and the path it was served at.
func (b *adminBrowser) follow(t *testing.T, path string) (*http.Response, string, string) {
	t.Helper()
	for range 5 {
		res, body := b.get(path)
		if res.StatusCode < 300 || res.StatusCode >= 400 {
			return res, body, path
		}
		loc, err := url.Parse(res.Header.Get("Location"))
		if err != nil || loc.Host != "" {
			t.Fatalf("redirect from %s to %q leaves the site", path, res.Header.Get("Location"))
		}
		path = loc.RequestURI()
	}
	t.Fatalf("too many redirects from %s", path)
	return nil, "", ""
}

// cookieValue returns the browser's cookie name for the site.
func (b *adminBrowser) cookieValue(name string) string {
	u, _ := url.Parse(b.env.http.URL + "/")
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}
