package web_test

import (
	"fmt"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

// Behind a trusted reverse proxy (the test server is reached from 127.0.0.1) the booking rate
// limit counts each client named in X-Forwarded-For; without trusted proxies the header is
// ignored, so changing it does not get around the limit.
func TestRateLimitPerClientBehindTrustedProxy(t *testing.T) {
	cases := []struct {
		name string
		env  []string
		want string // statuses of: client A, A, A, then client B
	}{
		{"trusted proxy: clients limited separately", []string{"SEMINARS_TRUSTED_PROXIES=127.0.0.1/32"}, "[201 201 429 201]"},
		{"no trusted proxy: X-Forwarded-For ignored", nil, "[201 201 429 429]"},
		{"another proxy trusted: X-Forwarded-For ignored", []string{"SEMINARS_TRUSTED_PROXIES=10.0.0.0/8"}, "[201 201 429 429]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := storetest.SQLite(t)
			date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 50})
			ts := newServer(t, st, append([]string{"SEMINARS_BOOKING_RATE_LIMIT=2"}, tc.env...)...)
			c := client(t)
			var statuses []int
			for i, ip := range []string{"203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"} {
				body := strings.ReplaceAll(bookingJSON(date.ID, 1, ""), "erika0@", fmt.Sprintf("erika-%d@", i))
				status, _, _ := do(t, c, "POST", ts.URL+"/api/v1/bookings", "application/json", body, "X-Forwarded-For", ip)
				statuses = append(statuses, status)
			}
			if got := fmt.Sprint(statuses); got != tc.want {
				t.Fatalf("statuses %s, want %s", got, tc.want)
			}
		})
	}
}
