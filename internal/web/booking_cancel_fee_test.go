package web_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"seminars/internal/store/storetest"
)

// TestCancelPageQuotesTheFeeWithoutStripe: on the shipped, invoice-only configuration the cancel
// page states the fee inside the fee period (issue 11: it said "keine" because the policy was
// only set up together with Stripe).
func TestCancelPageQuotesTheFeeWithoutStripe(t *testing.T) {
	cases := []struct {
		name     string
		startsIn time.Duration
		wantFee  string
	}{
		{"a month before: free", 30 * 24 * time.Hour, "keine"},
		{"ten days before: half of 1.166,20 €", 10 * 24 * time.Hour, "583,10"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := storetest.SQLite(t)
			date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, StartsIn: tc.startsIn})
			ts := newServer(t, st)
			c := client(t)
			body := strings.Replace(cardBookingJSON(date.ID, 2), `"payment_method":"card"`, `"payment_method":"invoice"`, 1)
			status, resp, _ := do(t, c, "POST", ts.URL+"/api/v1/bookings", "application/json", body)
			var b cardBooking
			if status != 201 || json.Unmarshal([]byte(resp), &b) != nil || b.Status != "confirmed" {
				t.Fatalf("invoice booking: %d %s", status, resp)
			}
			status, page, _ := do(t, c, "GET", ts.URL+b.path("/cancel"), "", "")
			if status != 200 {
				t.Fatalf("cancel page: %d", status)
			}
			_, row, _ := strings.Cut(page, "Stornogebühr")
			if row, _, _ = strings.Cut(row, "</tr>"); !strings.Contains(row, tc.wantFee) {
				t.Fatalf("fee row %q, want %q", row, tc.wantFee)
			}
		})
	}
}
