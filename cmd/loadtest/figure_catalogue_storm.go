package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// The catalogue under a booking storm: half the clients load GET / while the other half book on
// one date, every booking moving the data version the page cache keys pages by. Its baseline is
// the quiet GET /healthz of the same run at all the clients: a strict one, as the bookings take
// half the clients and much of the machine. GET /healthz under the same storm is reported
// beside it, not as its baseline: it pings the writer connection too, so it queues behind the
// bookings and says how busy the writer is, not what a page costs.
const (
	figHealthzStorm   = "healthz_storm"
	figCatalogueStorm = "catalogue_storm"
)

// pageCacheMetrics are the server's page-cache counters on /metrics.
var pageCacheMetrics = map[string]string{"renders": "seminars_page_renders_total", "stale_answers": "seminars_page_stale_answers_total"}

// measureStorm measures /healthz and then / while bookings run on the date at the same time,
// and relates the catalogue to health, the quiet /healthz of the run.
func measureStorm(ctx context.Context, srv *server, opts Options, dateID uint, run string, health Figure, add func(Figure, string) Figure) {
	add(stormPhase(ctx, srv, opts, figHealthzStorm, "/healthz", dateID, run+"sh"), "")
	catalogue := stormPhase(ctx, srv, opts, figCatalogueStorm, "/", dateID, run+"sc")
	relate(&catalogue, health)
	add(catalogue, "")
}

// stormPhase loads path with half the clients while the others book on the date, for
// opts.Duration, and reports path's figure with the bookings' rate and the page cache's renders
// and stale answers over the phase in Extra (when the server's /metrics shows them).
func stormPhase(ctx context.Context, srv *server, opts Options, name, path string, dateID uint, run string) Figure {
	readers := max(1, opts.Clients/2)
	writers := max(1, opts.Clients-readers)
	before, counted := pageCacheCounts(ctx, srv.BaseURL)
	done := observe(ctx, name)
	// One profile and one RSS peak for both attacks together: the phase is one figure.
	quiet := withObserver(ctx, nil)
	var booked Figure
	var wg sync.WaitGroup
	wg.Go(func() {
		booked = attack(quiet, name+"_bookings", bookingTargeter(srv.BaseURL, dateID, run), writers, opts.Duration, confirmedBooking)
	})
	f := attack(quiet, name, target(srv.BaseURL, path), readers, opts.Duration, nil)
	wg.Wait()
	done(&f)
	f.What = fmt.Sprintf("GET %s at %d clients while %d clients book on date %d (confirmed invoice bookings)", path, readers, writers, dateID)
	f.Extra = map[string]float64{"bookings_per_s": booked.PerSecond, "bookings_p99_ms": booked.P99Ms}
	if booked.Errors > 0 {
		f.Errors += booked.Errors
		if f.ErrorSample == "" {
			f.ErrorSample = "bookings: " + booked.ErrorSample
		}
	}
	if after, ok := pageCacheCounts(ctx, srv.BaseURL); ok && counted {
		for key, metric := range pageCacheMetrics {
			f.Extra[key] = after[metric] - before[metric]
		}
	}
	return f
}

// pageCacheCounts reads the page cache's counters from the server's /metrics; false when it
// does not answer or shows none of them (a server from before they existed).
func pageCacheCounts(ctx context.Context, base string) (map[string]float64, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	if err != nil {
		return nil, false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, false
	}
	wanted := map[string]bool{}
	for _, metric := range pageCacheMetrics {
		wanted[metric] = true
	}
	counts := map[string]float64{}
	lines := bufio.NewScanner(resp.Body)
	lines.Buffer(make([]byte, 64<<10), 1<<20)
	for lines.Scan() {
		name, value, ok := strings.Cut(lines.Text(), " ")
		if !ok || !wanted[name] {
			continue
		}
		if v, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
			counts[name] = v
		}
	}
	return counts, len(counts) == len(wanted)
}
