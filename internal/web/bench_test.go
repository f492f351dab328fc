package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"seminars/internal/demo"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkCatalogue renders the home page over the demo catalogue: the query with its preload,
// filtering and the template, through the whole middleware chain (no network).
func BenchmarkCatalogue(b *testing.B) {
	for _, path := range []string{"/healthz", "/", "/api/v1/seminars"} { // /healthz is the baseline
		b.Run(path, func(b *testing.B) {
			st := storetest.SQLite(b)
			seedDemo(b, st)
			ts := newServer(b, st)
			handler := ts.Config.Handler
			b.ResetTimer()
			for b.Loop() {
				rec := httptest.NewRecorder()
				handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				_, _ = io.Copy(io.Discard, rec.Body)
			}
		})
	}
}

func seedDemo(b *testing.B, st *store.Store) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if _, err := demo.Seed(context.Background(), st, st.Now(), berlin); err != nil {
		b.Fatal(err)
	}
}
