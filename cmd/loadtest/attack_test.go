package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// TestAttackAsksForGzip: every request the load tool sends asks for gzip itself, unless the
// target names another encoding, so a gzip answer reaches the check still compressed (Go's
// transport inflates only what it asked for on its own); headers the target sets are kept.
func TestAttackAsksForGzip(t *testing.T) {
	var packed bytes.Buffer
	zw := gzip.NewWriter(&packed)
	zw.Write(bytes.Repeat([]byte("Seminar "), 500))
	zw.Close()
	var mu sync.Mutex
	seen := map[string]bool{} // "Accept-Encoding|Content-Type" of the requests
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Header.Get("Accept-Encoding")+"|"+r.Header.Get("Content-Type")] = true
		mu.Unlock()
		if r.Header.Get("Accept-Encoding") == "gzip" {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(packed.Bytes())
			return
		}
		w.Write([]byte("plain"))
	}))
	t.Cleanup(srv.Close)
	cases := []struct {
		name     string
		header   http.Header
		wantSeen string
		wantBody []byte // the start of the body the check sees
	}{
		{"no headers", nil, "gzip|", packed.Bytes()[:2]},
		{"other headers", http.Header{"Content-Type": {"application/json"}}, "gzip|application/json", packed.Bytes()[:2]},
		{"an encoding of its own", http.Header{"Accept-Encoding": {"identity"}}, "identity|", []byte("plain")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			clear(seen)
			mu.Unlock()
			before := tc.header.Clone()
			tr := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: srv.URL, Header: tc.header})
			f := attack(t.Context(), "gzip", tr, 2, 50*time.Millisecond, func(r *vegeta.Result) string {
				if !bytes.HasPrefix(r.Body, tc.wantBody) {
					return "body " + string(r.Body[:min(len(r.Body), 8)])
				}
				return ""
			})
			if f.Requests == 0 || f.Errors != 0 {
				t.Fatalf("%d requests, %d errors (%s)", f.Requests, f.Errors, f.ErrorSample)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(seen) != 1 || !seen[tc.wantSeen] {
				t.Errorf("the server saw %v, want only %q", seen, tc.wantSeen)
			}
			if !reflect.DeepEqual(tc.header, before) {
				t.Errorf("the target's own header changed from %v to %v", before, tc.header)
			}
		})
	}
}
