package main

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Figure is one measured line: what was loaded, how fast it answered, and its baseline from the
// same run with the ratio between them.
type Figure struct {
	Name        string  `json:"name"`
	What        string  `json:"what"`
	Requests    uint64  `json:"requests"`
	PerSecond   float64 `json:"per_second"` // successful requests (or commits) per second
	P50Ms       float64 `json:"p50_ms"`
	P99Ms       float64 `json:"p99_ms"`
	Errors      uint64  `json:"errors"` // requests that failed or answered outside 2xx/3xx
	ErrorSample string  `json:"error_sample,omitempty"`
	Baseline    string  `json:"baseline,omitempty"`
	BaselinePS  float64 `json:"baseline_per_second,omitempty"`
	Ratio       float64 `json:"ratio,omitempty"`
	// PeakRSSMiB is the server's highest RSS while the figure ran (a server this tool started:
	// the child process's alone, or this process's with -in-process), and the anonymous and
	// file-backed parts of that sample.
	PeakRSSMiB     float64 `json:"peak_rss_mib,omitempty"`
	PeakRSSAnonMiB float64 `json:"peak_rss_anon_mib,omitempty"`
	PeakRSSFileMiB float64 `json:"peak_rss_file_mib,omitempty"`
	// Extra holds a figure's own numbers (the mail drain's seconds after the burst, file sizes).
	Extra map[string]float64 `json:"extra,omitempty"`
}

// checkedBodyBytes is how much of an answer's body the load tool keeps when a check reads it
// (a booking's or a webhook's JSON answer is far smaller).
const checkedBodyBytes = 64 << 10

// attack drives the targeter with clients concurrent workers, each sending its next request as
// soon as the last one is answered (vegeta's max-rate mode), for d, and sums up the results.
// check, when set, says what is wrong with an answer vegeta counts as a success (a booking
// must answer 201 confirmed), or "".
//
// The clients behave as browsers do on their own machines: every request asks for gzip itself
// (acceptGzip), so Go's transport leaves a compressed body compressed instead of inflating it
// here, on the server's cores; and an answer no check reads is read to its end and dropped
// rather than kept (MaxBody 0).
func attack(ctx context.Context, name string, tr vegeta.Targeter, clients int, d time.Duration, check func(*vegeta.Result) string) Figure {
	keep := int64(0)
	if check != nil {
		keep = checkedBodyBytes
	}
	atk := vegeta.NewAttacker(
		vegeta.Workers(uint64(clients)), vegeta.MaxWorkers(uint64(clients)),
		vegeta.Connections(clients), vegeta.MaxConnections(clients), vegeta.MaxBody(keep),
		vegeta.KeepAlive(true), vegeta.Redirects(vegeta.NoFollow), vegeta.Timeout(30*time.Second))
	tr = acceptGzip(tr)
	done := observe(ctx, name)
	var m vegeta.Metrics
	failed := uint64(0)
	samples := map[string]int{}
	results := atk.Attack(tr, vegeta.ConstantPacer{Freq: 0}, d, name)
	for done := false; !done; {
		select {
		case <-ctx.Done():
			atk.Stop()
			for range results { // drain, so the attacker's workers end
			}
			done = true
		case r, ok := <-results:
			if !ok {
				done = true
				break
			}
			if r.Error == vegeta.ErrNoTargets.Error() {
				continue // a counted targeter ran out: the end of the attack, not a failed request
			}
			if check != nil && r.Error == "" {
				if problem := check(r); problem != "" {
					r.Error = problem
					r.Code = 0 // counted as an error by vegeta's metrics too
				}
			}
			if r.Error != "" || r.Code < 200 || r.Code >= 400 {
				failed++
				samples[r.Error]++
			}
			m.Add(r)
		}
	}
	m.Close()
	f := Figure{Name: name, Requests: m.Requests, PerSecond: m.Throughput, Errors: failed,
		P50Ms: ms(m.Latencies.P50), P99Ms: ms(m.Latencies.P99), ErrorSample: commonest(samples)}
	done(&f)
	return f
}

// acceptGzip makes every request of tr ask for gzip, as a browser does. Go's transport adds
// that header itself when a request has none, and then decompresses the answer in this process
// (which shares the machine with an in-process server): a browser's decompression costs the
// browser's machine, not the server's. A request that names an encoding keeps it. The headers
// are shared between requests and never changed after this: vegeta copies them into each request.
func acceptGzip(tr vegeta.Targeter) vegeta.Targeter {
	gzipOnly := http.Header{"Accept-Encoding": {"gzip"}}
	return func(t *vegeta.Target) error {
		if err := tr(t); err != nil {
			return err
		}
		switch {
		case t.Header == nil:
			t.Header = gzipOnly
		case t.Header.Get("Accept-Encoding") == "":
			h := t.Header.Clone()
			h.Set("Accept-Encoding", "gzip")
			t.Header = h
		}
		return nil
	}
}

// target is a GET of one path.
func target(base, path string) vegeta.Targeter {
	return vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: base + path})
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// commonest is the error seen most often, so a failing figure says why.
func commonest(samples map[string]int) string {
	keys := make([]string, 0, len(samples))
	for k := range samples {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return samples[keys[i]] > samples[keys[j]] })
	if len(keys) == 0 {
		return ""
	}
	return fmt.Sprintf("%dx %s", samples[keys[0]], keys[0])
}
