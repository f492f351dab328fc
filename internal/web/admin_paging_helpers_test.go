package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// pagedPageCase is one request of a paged back-office list: either a redirect (303 to
// location, a page past the end or unreadable paging parameters) followed to the page shown,
// or the page at once; want and notWant are checked on the page finally shown.
type pagedPageCase struct {
	name, query   string
	location      string // the 303's Location, "" when the page answers at once
	want, notWant []string
}

// checkPagedPages runs cases against the back-office list at base as browser b.
func checkPagedPages(t *testing.T, b *adminBrowser, base string, cases []pagedPageCase) {
	t.Helper()
	for _, c := range cases {
		t.Run("html/"+c.name, func(t *testing.T) {
			res, body := b.get(base + c.query)
			if c.location != "" {
				if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != c.location {
					t.Fatalf("status %d to %q, want 303 to %q", res.StatusCode, res.Header.Get("Location"), c.location)
				}
				res, body = b.get(c.location)
			}
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(body, w) {
					t.Errorf("page has %q", w)
				}
			}
		})
	}
}

// pagedAPICase is one request of a paged admin API list and what it must answer: the status,
// and on 200 the rows (as rows reads them), total, page and next_page (0: absent); on 422 the
// parameters errors names.
type pagedAPICase struct {
	name, query string
	status      int
	rows        string // fmt.Sprint of the rows' names
	total, next int
	invalid     []string
}

// pagedAnswer is the paging part of an admin API list's answer.
type pagedAnswer struct {
	Total    int               `json:"total"`
	Page     int               `json:"page"`
	PerPage  int               `json:"per_page"`
	NextPage *int              `json:"next_page"`
	Errors   map[string]string `json:"errors"`
}

// checkPagedAPI runs cases against the admin API list at path with token; rows reads the names
// of a page's rows from its body.
func checkPagedAPI(t *testing.T, env *adminEnv, path, token string, rows func(t *testing.T, body []byte) string, cases []pagedAPICase) {
	t.Helper()
	for _, c := range cases {
		t.Run("api/"+c.name, func(t *testing.T) {
			res, raw := env.get(path+c.query, token)
			var out pagedAnswer
			if err := json.Unmarshal(raw, &out); err != nil || res.StatusCode != c.status {
				t.Fatalf("status %d, %v, want %d: %s", res.StatusCode, err, c.status, raw)
			}
			if c.status != http.StatusOK {
				if len(out.Errors) != len(c.invalid) {
					t.Fatalf("errors %v, want %v named", out.Errors, c.invalid)
				}
				for _, name := range c.invalid {
					if out.Errors[name] == "" {
						t.Errorf("errors %v do not name %s", out.Errors, name)
					}
				}
				return
			}
			next := 0
			if out.NextPage != nil {
				next = *out.NextPage
			}
			if got := rows(t, raw); got != c.rows || out.Total != c.total || next != c.next {
				t.Fatalf("got %s, total %d, next %d; want %s, %d, %d", got, out.Total, next, c.rows, c.total, c.next)
			}
		})
	}
}
