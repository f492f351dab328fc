package web

import (
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/store/storetest"
)

// staleTestCache is a page cache whose pages are "page of version V" and which counts renders.
type staleTestCache struct {
	*pageCache
	renders, stale *testCounter
}

// testCounter counts as the server's Prometheus counters do.
type testCounter struct{ n atomic.Int64 }

func (c *testCounter) Inc() { c.n.Add(1) }

func newStaleTestCache() staleTestCache {
	renders, stale := &testCounter{}, &testCounter{}
	return staleTestCache{newPageCache(pageCacheBytes, renders, stale), renders, stale}
}

// ask asks for the test page at version and time, rendering "page of version V" when it must.
func (tc staleTestCache) ask(t *testing.T, version string, at time.Time) string {
	t.Helper()
	p, err := tc.page("de /?", version, "text/html", at, func() ([]byte, error) {
		return []byte("page of version " + version), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(p.body)
}

func (tc staleTestCache) counts() (renders, stale int) {
	return int(tc.renders.n.Load()), int(tc.stale.n.Load())
}

// TestPageCacheBoundedStaleness: the first write after a quiet page shows at once; writes that
// follow faster (a booking storm) leave a page at most pageStaleFor late and cost one render per
// half second, not one per write. Times are after t0, when the page was first rendered at
// version 1 (and nothing had superseded it yet).
func TestPageCacheBoundedStaleness(t *testing.T) {
	t0 := storetest.ReferenceTime
	type ask struct {
		after    time.Duration
		version  string
		wantBody string
	}
	cases := []struct {
		name        string
		asks        []ask
		wantRenders int // in all, the first render at t0 included
		wantStale   int
	}{
		{"current page from the cache", []ask{{5 * time.Second, "1", "page of version 1"}}, 1, 0},
		{"first write after a quiet page shows at once", []ask{{0, "2", "page of version 2"}}, 2, 0},
		{"a write long after the last shows at once", []ask{{0, "2", "page of version 2"}, {time.Hour, "3", "page of version 3"}}, 3, 0},
		{"a quick second write: the page before it, within half a second", []ask{
			{0, "2", "page of version 2"}, {400 * time.Millisecond, "3", "page of version 2"}, {499 * time.Millisecond, "9", "page of version 2"},
		}, 2, 2},
		{"from half a second on the first request renders again", []ask{
			{0, "2", "page of version 2"}, {500 * time.Millisecond, "3", "page of version 3"}, {600 * time.Millisecond, "3", "page of version 3"},
		}, 3, 0},
		{"a stale page is current again once its version is", []ask{
			{0, "2", "page of version 2"}, {100 * time.Millisecond, "3", "page of version 2"}, {200 * time.Millisecond, "2", "page of version 2"},
		}, 2, 1},
		{"past a second the page is rendered again", []ask{
			{0, "2", "page of version 2"}, {pageStaleFor + time.Millisecond, "3", "page of version 3"},
		}, 3, 0},
		{"a storm: one render per half second", []ask{
			{0, "2", "page of version 2"},
			{100 * time.Millisecond, "3", "page of version 2"}, {300 * time.Millisecond, "4", "page of version 2"},
			{500 * time.Millisecond, "5", "page of version 5"}, {700 * time.Millisecond, "6", "page of version 5"},
			{900 * time.Millisecond, "7", "page of version 5"}, {1000 * time.Millisecond, "8", "page of version 8"},
		}, 4, 4},
		{"the clock went back: rendered again", []ask{{0, "2", "page of version 2"}, {-time.Minute, "3", "page of version 3"}}, 3, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cache := newStaleTestCache()
			cache.ask(t, "1", t0)
			for _, a := range tc.asks {
				if got := cache.ask(t, a.version, t0.Add(a.after)); got != a.wantBody {
					t.Errorf("at +%v for version %s: %q, want %q", a.after, a.version, got, a.wantBody)
				}
			}
			if renders, stale := cache.counts(); renders != tc.wantRenders || stale != tc.wantStale {
				t.Errorf("%d renders and %d stale answers, want %d and %d", renders, stale, tc.wantRenders, tc.wantStale)
			}
		})
	}
}

// TestPageCacheRendersOnce: requests that ask for the same page at the same time while it must
// be rendered cause one render: the others wait for it, or get the previous page while it is
// young enough. The render is held until every other request has waited, or answered.
func TestPageCacheRendersOnce(t *testing.T) {
	t0 := storetest.ReferenceTime
	const requests = 16
	cases := []struct {
		name string
		// before prepares the cache; the concurrent requests ask for version "3" at t0+at.
		before     func(t *testing.T, cache staleTestCache)
		at         time.Duration
		wantBodies map[string]int
		wantStale  int
	}{
		{"a missing page: the others wait for the render", func(*testing.T, staleTestCache) {}, 0,
			map[string]int{"page of version 3": requests}, 0},
		{"a page of an older version after a quiet time: the others wait", func(t *testing.T, cache staleTestCache) {
			cache.ask(t, "1", t0)
		}, 0, map[string]int{"page of version 3": requests}, 0},
		{"a superseded page past a second: the others wait", func(t *testing.T, cache staleTestCache) {
			cache.ask(t, "1", t0)
			cache.ask(t, "2", t0)
		}, pageStaleFor + time.Millisecond, map[string]int{"page of version 3": requests}, 0},
		{"a superseded page past half a second: the others get it meanwhile", func(t *testing.T, cache staleTestCache) {
			cache.ask(t, "1", t0)
			cache.ask(t, "2", t0)
		}, 700 * time.Millisecond, map[string]int{"page of version 3": 1, "page of version 2": requests - 1}, requests - 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cache := newStaleTestCache()
			tc.before(t, cache)
			rendersBefore, _ := cache.counts()
			release := make(chan struct{})
			var started, answered atomic.Int32
			var mu sync.Mutex
			bodies := map[string]int{}
			var wg sync.WaitGroup
			for range requests {
				wg.Add(1)
				go func() {
					defer wg.Done()
					p, err := cache.page("de /?", "3", "text/html", t0.Add(tc.at), func() ([]byte, error) {
						started.Add(1)
						<-release
						return []byte("page of version 3"), nil
					})
					answered.Add(1)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					bodies[string(p.body)]++
					mu.Unlock()
				}()
			}
			// Every request is now rendering, waiting for a render, or answered; then release.
			for {
				cache.mu.Lock()
				waiting := 0
				if r := cache.rendering["de /?"]; r != nil {
					waiting = r.waiters
				}
				cache.mu.Unlock()
				if int(started.Load())+waiting+int(answered.Load()) >= requests {
					break
				}
				runtime.Gosched()
			}
			close(release)
			wg.Wait()
			renders, stale := cache.counts()
			if renders-rendersBefore != 1 || started.Load() != 1 {
				t.Errorf("%d renders, want 1", renders-rendersBefore)
			}
			if stale != tc.wantStale {
				t.Errorf("%d stale answers, want %d", stale, tc.wantStale)
			}
			for body, n := range tc.wantBodies {
				if bodies[body] != n {
					t.Errorf("answers %v, want %v", bodies, tc.wantBodies)
					break
				}
			}
		})
	}
}

// TestPageCacheFailedRender: a render that fails fails the requests waiting for it too, keeps
// nothing, and the next request renders again; the previous page is not served for it.
func TestPageCacheFailedRender(t *testing.T) {
	cache := newStaleTestCache()
	t0 := storetest.ReferenceTime
	cache.ask(t, "1", t0)
	broken := errors.New("database gone")
	if _, err := cache.page("de /?", "2", "text/html", t0, func() ([]byte, error) { return nil, broken }); !errors.Is(err, broken) {
		t.Fatalf("error %v, want %v", err, broken)
	}
	if got := cache.ask(t, "2", t0); got != "page of version 2" {
		t.Errorf("after the failed render: %q", got)
	}
	if renders, _ := cache.counts(); renders != 3 {
		t.Errorf("%d renders, want 3", renders)
	}
}

// TestCachedPagesDuringBookings: over HTTP on a fixed clock, bookings in quick succession leave
// the seminars API at most a second behind; its ETag follows the body it sends (the old tag
// answers 304 while the old body is sent, and no longer once a new one is); the booking itself
// never trusts the page: it refuses the seat the late page still shows.
func TestCachedPagesDuringBookings(t *testing.T) {
	clk := storetest.NewClock(t)
	st := storetest.SQLiteAt(t, clk)
	env := newAdminEnvAt(t, st, clk)
	d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 3})
	booked := 0
	book := func(t *testing.T) (int, string) {
		booked++
		body := fmt.Sprintf(`{"date_id":%d,"payment_method":"invoice","attendees":[{"first_name":"Erika","last_name":"Sturm","email":"sturm%d@example.com"}],
			"billing":{"company":"Muster GmbH","name":"Max Muster","email":"max@example.com","street":"Hauptstr. 1",
			"postal_code":"10115","city":"Berlin","country":"DE","vat_id":"DE123456789"}}`, d.ID, booked)
		return env.api(http.MethodPost, "/api/v1/bookings", "", body)
	}
	steps := []struct {
		name        string
		act         func(t *testing.T)
		wantSeats   string // in the API's JSON
		wantNewETag bool   // the answer's tag differs from the one before
	}{
		{"before any booking", func(*testing.T) {}, `"seats_left":3`, true},
		{"the first booking after a quiet time shows at once", func(t *testing.T) {
			if status, body := book(t); status != http.StatusCreated {
				t.Fatalf("booking: %d %s", status, body)
			}
		}, `"seats_left":2`, true},
		{"a second booking at once: the page before it", func(t *testing.T) {
			if status, body := book(t); status != http.StatusCreated {
				t.Fatalf("booking: %d %s", status, body)
			}
		}, `"seats_left":2`, false},
		{"the last seat goes: still the page before", func(t *testing.T) {
			if status, body := book(t); status != http.StatusCreated {
				t.Fatalf("booking: %d %s", status, body)
			}
		}, `"seats_left":2`, false},
		{"the booking checks: the seat the page shows is refused", func(t *testing.T) {
			if status, body := book(t); status != http.StatusConflict || !strings.Contains(body, `"sold_out"`) {
				t.Fatalf("booking past capacity: %d %s, want 409 sold_out", status, body)
			}
		}, `"seats_left":2`, false},
		{"past a second: the page is current", func(*testing.T) { clk.Advance(pageStaleFor + time.Millisecond) }, `"seats_left":0`, true},
	}
	etag := ""
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.act(t)
			status, _, h := env.getWith("/api/v1/seminars", "If-None-Match", etag)
			newTag := h.Get("ETag")
			switch {
			case step.wantNewETag && (status != http.StatusOK || newTag == etag):
				t.Fatalf("with the previous tag: %d, tag %s (was %s); want 200 and a new tag", status, newTag, etag)
			case !step.wantNewETag && (status != http.StatusNotModified || newTag != etag):
				t.Fatalf("with the previous tag: %d, tag %s (was %s); want 304 and the same tag", status, newTag, etag)
			}
			etag = newTag
			if _, body, _ := env.getWith("/api/v1/seminars"); !strings.Contains(body, step.wantSeats) {
				t.Errorf("the API lacks %s:\n%.400s", step.wantSeats, body)
			}
		})
	}
	if m := grepLines(scrape(t, env.srv), "seminars_page_"); !strings.Contains(m, "seminars_page_stale_answers_total 6") || !strings.Contains(m, "seminars_page_renders_total 3") {
		t.Errorf("metrics:\n%s", m)
	}
}
