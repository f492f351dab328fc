package web

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// get sends a GET with optional headers (name, value, ...) and returns status, body and headers.
func (e *adminEnv) getWith(path string, headers ...string) (int, string, http.Header) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.http.URL+path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, body := e.browser().do(req)
	return res.StatusCode, body, res.Header
}

func oneBookingJSON(dateID uint, attendees int) string {
	var people []string
	for i := range attendees {
		people = append(people, fmt.Sprintf(`{"first_name":"Erika","last_name":"Cache %d","email":"cache%d@example.com"}`, i, i))
	}
	return fmt.Sprintf(`{"date_id":%d,"payment_method":"invoice","attendees":[%s],
		"billing":{"company":"Muster GmbH","name":"Max Muster","email":"max@example.com","street":"Hauptstr. 1",
		"postal_code":"10115","city":"Berlin","country":"DE","vat_id":"DE123456789"}}`, dateID, strings.Join(people, ","))
}

// TestCachedPagesFollowWrites: the catalogue, the seminar page and the seminars API come from
// the page cache, and a write that changes what they show is visible on the next request — a
// new ETag, so a repeat visit with the old one gets the new page rather than 304.
func TestCachedPagesFollowWrites(t *testing.T) {
	cases := []struct {
		name  string
		write func(t *testing.T, env *adminEnv, d model.SeminarDate)
		want  string // in the API's JSON after the write
	}{
		{"a booking takes two seats", func(t *testing.T, env *adminEnv, d model.SeminarDate) {
			if status, body := env.api(http.MethodPost, "/api/v1/bookings", "", oneBookingJSON(d.ID, 2)); status != http.StatusCreated {
				t.Fatalf("booking: %d %s", status, body)
			}
		}, `"seats_left":8`},
		{"the trainer changes the price", func(t *testing.T, env *adminEnv, d model.SeminarDate) {
			path := fmt.Sprintf("/api/v1/admin/dates/%d", d.ID)
			if status, body := env.api(http.MethodPatch, path, env.apiToken(), `{"price_net_cents":59000}`); status != http.StatusOK {
				t.Fatalf("date edit: %d %s", status, body)
			}
		}, `"price_net_cents":59000`},
		{"the trainer cancels the date", func(t *testing.T, env *adminEnv, d model.SeminarDate) {
			path := fmt.Sprintf("/api/v1/admin/dates/%d/cancel", d.ID)
			if status, body := env.api(http.MethodPost, path, env.apiToken(), `{"reason":"Trainer krank"}`); status != http.StatusOK {
				t.Fatalf("date cancel: %d %s", status, body)
			}
		}, `"dates":[]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newAdminEnv(t)
			d := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
			paths := []string{"/", "/en/", "/api/v1/seminars", "/seminars/" + d.Seminar.Slug}
			etags := map[string]string{}
			for _, p := range paths {
				status, body, h := env.getWith(p)
				if status != http.StatusOK || h.Get("ETag") == "" {
					t.Fatalf("GET %s: %d, ETag %q", p, status, h.Get("ETag"))
				}
				if again, _, h2 := env.getWith(p); again != http.StatusOK || h2.Get("ETag") != h.Get("ETag") {
					t.Fatalf("GET %s again: %d, ETag %q then %q (nothing was written)", p, again, h.Get("ETag"), h2.Get("ETag"))
				}
				if p == "/api/v1/seminars" && !strings.Contains(body, `"seats_left":10`) {
					t.Fatalf("before the write: %s", body)
				}
				etags[p] = h.Get("ETag")
			}
			tc.write(t, env, d)
			for _, p := range paths {
				status, body, h := env.getWith(p, "If-None-Match", etags[p])
				if status != http.StatusOK {
					t.Errorf("GET %s with the old ETag after the write: %d, want 200 with the new page", p, status)
				}
				if h.Get("ETag") == etags[p] {
					t.Errorf("GET %s: the ETag did not change with the write", p)
				}
				if p == "/api/v1/seminars" && !strings.Contains(body, tc.want) {
					t.Errorf("API after the write lacks %s:\n%s", tc.want, body)
				}
			}
		})
	}
}

// TestCachedPagesAnswerNotModified: a repeat visit that sends the page's ETag back gets 304
// without a body; any other tag gets the page. The cached pages carry nothing of one visitor:
// no CSRF token, no cookie.
func TestCachedPagesAnswerNotModified(t *testing.T) {
	env := newAdminEnv(t)
	d := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	for _, p := range []string{"/", "/en/", "/?format=in_person", "/api/v1/seminars", "/api/v1/seminars?per_page=1", "/seminars/" + d.Seminar.Slug, "/en/seminars/" + d.Seminar.Slug} {
		_, page, first := env.getWith(p)
		etag := first.Get("ETag")
		if strings.Contains(page, "_csrf") || first.Get("Set-Cookie") != "" {
			t.Errorf("%s is cached for everyone but carries a CSRF token or sets a cookie (%q)", p, first.Get("Set-Cookie"))
		}
		cases := []struct {
			name, ifNoneMatch string
			want              int
		}{
			{"its own tag", etag, http.StatusNotModified},
			{"its tag as a weak one", "W/" + etag, http.StatusNotModified},
			{"among others", `"other", ` + etag, http.StatusNotModified},
			{"any", "*", http.StatusNotModified},
			{"another tag", `"0123"`, http.StatusOK},
			{"no tag", "", http.StatusOK},
		}
		for _, tc := range cases {
			t.Run(p+" "+tc.name, func(t *testing.T) {
				status, body, h := env.getWith(p, "If-None-Match", tc.ifNoneMatch)
				if status != tc.want {
					t.Fatalf("status %d, want %d", status, tc.want)
				}
				if status == http.StatusNotModified && body != "" {
					t.Errorf("304 with a body: %q", body)
				}
				if h.Get("ETag") != etag || h.Get("Cache-Control") != "no-cache" {
					t.Errorf("ETag %q (want %q), Cache-Control %q", h.Get("ETag"), etag, h.Get("Cache-Control"))
				}
			})
		}
	}
}

// seedSeminars adds n published seminars (titles "Paging NN") with dates upcoming dates each.
func seedSeminars(t *testing.T, st *store.Store, n, dates int) {
	t.Helper()
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			s := model.Seminar{Slug: fmt.Sprintf("paging-%02d", i), TitleDE: fmt.Sprintf("Paging %02d", i), TitleEN: fmt.Sprintf("Paging %02d", i),
				FunctionList: "hr", DurationMinutes: 480, DefaultPriceCents: 49000, Published: true}
			for j := range dates {
				start := st.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 10+j).Add(8 * time.Hour)
				s.Dates = append(s.Dates, model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 10,
					PriceNetCents: 49000, Format: model.FormatOnline, OnlineURL: "https://meet.example.com/x", Status: model.DatePublished})
			}
			if err := tx.CreateSeminar(context.Background(), &s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCataloguePages: a large catalogue is shown a page at a time, and each card lists a few
// dates with a link to the seminar's page for the rest. Following the pager's links from the
// first page reaches every seminar exactly once, and the links keep the filters.
func TestCataloguePages(t *testing.T) {
	env := newAdminEnv(t)
	seedSeminars(t, env.st, 45, 6)
	cases := []struct {
		name, start string
		wantPages   int
		keep        string // a query parameter every pager link keeps
	}{
		{"German", "/", 3, ""},
		{"English", "/en/", 3, ""},
		{"filtered by function", "/?function=hr", 3, "function=hr"},
		{"filtered by format", "/en/?format=online", 3, "format=online"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seen := map[string]bool{}
			path := tc.start
			for page := 1; path != ""; page++ {
				status, body, _ := env.getWith(path)
				if status != http.StatusOK {
					t.Fatalf("page %d (%s): %d", page, path, status)
				}
				doc := htmlDoc(t, body)
				cards := elements(doc, "article", map[string]string{"class": "card"})
				if len(cards) == 0 || len(cards) > cataloguePageSize {
					t.Fatalf("page %d shows %d seminars", page, len(cards))
				}
				for _, card := range cards {
					title := textOf(elements(card, "h2", nil)[0])
					if seen[title] {
						t.Errorf("%s shown twice", title)
					}
					seen[title] = true
					if n := len(elements(card, "li", nil)); n > catalogueDatesShown {
						t.Errorf("%s lists %d dates", title, n)
					}
					more := elements(card, "p", map[string]string{"class": "more-dates"})
					if len(more) != 1 {
						t.Fatalf("%s has no link to its other dates", title)
					}
					href, _ := attr(elements(more[0], "a", nil)[0], "href")
					if status, seminarPage, _ := env.getWith(href); status != http.StatusOK || strings.Count(seminarPage, "/book/") < 6 {
						t.Errorf("more dates link %s: %d, %d booking links", href, status, strings.Count(seminarPage, "/book/"))
					}
				}
				path = ""
				if next := elements(doc, "a", map[string]string{"rel": "next"}); len(next) == 1 {
					path, _ = attr(next[0], "href")
					if !strings.Contains(path, "page="+fmt.Sprint(page+1)) || !strings.Contains(path, tc.keep) {
						t.Errorf("next link %q", path)
					}
				}
				if prev := elements(doc, "a", map[string]string{"rel": "prev"}); (len(prev) == 1) != (page > 1) {
					t.Errorf("page %d: %d previous links", page, len(prev))
				}
				if page > tc.wantPages {
					t.Fatalf("more than %d pages", tc.wantPages)
				}
			}
			if len(seen) != 45 {
				t.Errorf("the pages showed %d seminars, want 45", len(seen))
			}
		})
	}
	t.Run("a page number out of range", func(t *testing.T) {
		for path, want := range map[string]string{"/?page=99": "Seite 3 von 3", "/?page=abc": "Seite 1 von 3", "/?page=-1": "Seite 1 von 3"} {
			if status, body, _ := env.getWith(path); status != http.StatusOK || !strings.Contains(body, want) {
				t.Errorf("%s: %d, want %q", path, status, want)
			}
		}
	})
}

// TestSeminarsAPIPages: per_page and page page the seminars API; without them it is the whole
// catalogue; values out of range are a 422.
func TestSeminarsAPIPages(t *testing.T) {
	env := newAdminEnv(t)
	seedSeminars(t, env.st, 5, 2)
	cases := []struct {
		name, query string
		status      int
		seminars    int
	}{
		{"everything by default", "", 200, 5},
		{"first page", "?per_page=2", 200, 2},
		{"last page", "?per_page=2&page=3", 200, 1},
		{"past the end", "?per_page=2&page=9", 200, 0},
		{"too many per page", "?per_page=101", 422, 0},
		{"not a number", "?per_page=two", 422, 0},
		{"page zero", "?per_page=2&page=0", 422, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := env.getWith("/api/v1/seminars" + tc.query)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			if status == 200 && strings.Count(body, `"slug":`) != tc.seminars {
				t.Errorf("%d seminars, want %d: %s", strings.Count(body, `"slug":`), tc.seminars, body)
			}
		})
	}
}

// TestCachedPagesGzip: a client that accepts gzip gets the page compressed (with its own tag),
// any other gets it as it is — also one that sends no Accept-Encoding at all (a plain HTTP
// client, curl) and one that refuses gzip with q=0; both representations are the same page, and
// either tag answers 304.
func TestCachedPagesGzip(t *testing.T) {
	env := newAdminEnv(t)
	storetest.SeedDate(t, env.st, storetest.DateOptions{})
	// Go's transport would ask for gzip itself and hide the answer's encoding; this one sends
	// exactly the headers given.
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(t *testing.T, path string, headers ...string) (string, http.Header) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, env.http.URL+path, nil)
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		res, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		return string(body), res.Header
	}
	cases := []struct {
		name           string
		acceptEncoding []string // header name and value, or nothing
		encoding       string
	}{
		{"no Accept-Encoding", nil, ""},
		{"identity", []string{"Accept-Encoding", "identity"}, ""},
		{"gzip refused", []string{"Accept-Encoding", "gzip;q=0, deflate"}, ""},
		{"only other codings", []string{"Accept-Encoding", "br, deflate"}, ""},
		{"gzip among others", []string{"Accept-Encoding", "gzip, deflate"}, "gzip"},
		{"gzip in capitals with a weight", []string{"Accept-Encoding", "br;q=1.0, GZIP;q=0.5"}, "gzip"},
	}
	for _, p := range []string{"/", "/api/v1/seminars", "/en/"} {
		plain, plainHeader := get(t, p)
		packed, packedHeader := get(t, p, "Accept-Encoding", "gzip")
		if plainHeader.Get("ETag") == packedHeader.Get("ETag") {
			t.Errorf("%s: both representations have the tag %s", p, plainHeader.Get("ETag"))
		}
		if len(packed) >= len(plain) {
			t.Errorf("%s: gzip %d bytes, plain %d", p, len(packed), len(plain))
		}
		for _, tc := range cases {
			t.Run(p+" "+tc.name, func(t *testing.T) {
				body, h := get(t, p, tc.acceptEncoding...)
				if got := h.Get("Content-Encoding"); got != tc.encoding {
					t.Fatalf("Content-Encoding %q, want %q", got, tc.encoding)
				}
				if vary := strings.Join(h.Values("Vary"), ", "); !strings.Contains(vary, "Accept-Encoding") {
					t.Errorf("Vary %q lacks Accept-Encoding", vary)
				}
				wantTag := plainHeader.Get("ETag")
				if tc.encoding == "gzip" {
					wantTag = packedHeader.Get("ETag")
					zr, err := gzip.NewReader(strings.NewReader(body))
					if err != nil {
						t.Fatal(err)
					}
					unpacked, _ := io.ReadAll(zr)
					body = string(unpacked)
				}
				if body != plain {
					t.Errorf("the body is not the page (%d bytes, want %d)", len(body), len(plain))
				}
				if h.Get("ETag") != wantTag {
					t.Errorf("ETag %q, want %q", h.Get("ETag"), wantTag)
				}
				if status, _, _ := env.getWith(p, append([]string{"If-None-Match", h.Get("ETag")}, tc.acceptEncoding...)...); status != http.StatusNotModified {
					t.Errorf("If-None-Match with this tag: %d, want 304", status)
				}
			})
		}
	}
}

// TestPageCacheKeys: the same page asked for with its parameters in another order is one cache
// entry with one ETag; a URL with a parameter no page understands (a tracking tag, a
// cache-buster) is rendered for itself and not stored, so such URLs cannot crowd out the rest.
func TestPageCacheKeys(t *testing.T) {
	env := newAdminEnv(t)
	storetest.SeedDate(t, env.st, storetest.DateOptions{})
	entries := func() int {
		env.srv.pages.mu.Lock()
		defer env.srv.pages.mu.Unlock()
		return len(env.srv.pages.entries)
	}
	cases := []struct {
		name       string
		paths      []string
		wantStored int
		wantETag   bool
	}{
		{"parameters in either order", []string{"/?format=online&city=Berlin", "/?city=Berlin&format=online"}, 1, true},
		{"api paging in either order", []string{"/api/v1/seminars?page=1&per_page=5", "/api/v1/seminars?per_page=5&page=1"}, 1, true},
		{"tracking parameters", []string{"/?utm_source=newsletter", "/?utm_source=linkedin", "/?_=123"}, 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := entries()
			etags := map[string]bool{}
			for _, p := range tc.paths {
				status, _, h := env.getWith(p)
				if status != http.StatusOK {
					t.Fatalf("%s: status %d", p, status)
				}
				etags[h.Get("ETag")] = true
			}
			if got := entries() - before; got != tc.wantStored {
				t.Errorf("%d pages stored, want %d", got, tc.wantStored)
			}
			if tc.wantETag && (len(etags) != 1 || etags[""]) {
				t.Errorf("ETags %v; want one, the same for every order", etags)
			}
			if !tc.wantETag && !etags[""] {
				t.Errorf("ETags %v on pages rendered for themselves; want none", etags)
			}
		})
	}
}
