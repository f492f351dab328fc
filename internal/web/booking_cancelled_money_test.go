package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"

	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestManagePageShowsTheCancelledMoney: after a cancellation the manage page says where the
// money stands — the fee still owed, a refund on its way or done, or nothing to pay — in German
// and English, never the payment status "offen" that read as if the full amount were due.
func TestManagePageShowsTheCancelledMoney(t *testing.T) {
	cases := []struct {
		name     string
		startsIn time.Duration
		card     bool
		refunded bool // Stripe reports the refund before the page is read
		de, en   string
	}{
		{"invoice, ten days before: half the fee owed", 10 * 24 * time.Hour, false, false,
			"storniert · 583,10 € Stornogebühr offen", "cancelled · €583.10 cancellation fee outstanding"},
		{"invoice, a month before: free", 30 * 24 * time.Hour, false, false,
			"storniert · nichts zu zahlen", "cancelled · nothing to pay"},
		{"card paid, ten days before: half back, refund on its way", 10 * 24 * time.Hour, true, false,
			"storniert · 583,10 € werden erstattet, 583,10 € Stornogebühr einbehalten", "cancelled · €583.10 being refunded, €583.10 cancellation fee kept"},
		{"card paid, a month before: refunded", 30 * 24 * time.Hour, true, true,
			"storniert · erstattet", "cancelled · refunded"},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, StartsIn: tc.startsIn})
				ts := payServer(t, st, stripeMockURL)
				c := client(t)
				var b cardBooking
				if tc.card {
					b = bookCard(t, c, ts.URL, date.ID, 2)
					deliver(t, c, ts.URL, st, stripeEvent("evt_paid_"+b.Reference, payment.EventCheckoutCompleted, b, "paid"))
				} else {
					body := strings.Replace(cardBookingJSON(date.ID, 2), `"payment_method":"card"`, `"payment_method":"invoice"`, 1)
					status, resp, _ := do(t, c, "POST", ts.URL+"/api/v1/bookings", "application/json", body)
					if status != 201 || json.Unmarshal([]byte(resp), &b) != nil {
						t.Fatalf("invoice booking: %d %s", status, resp)
					}
				}
				_, page, _ := do(t, c, "GET", ts.URL+b.path("/cancel"), "", "")
				m := payCSRF.FindStringSubmatch(page)
				if m == nil {
					t.Fatal("no CSRF token on the cancel form")
				}
				if status, _, _ := do(t, c, "POST", ts.URL+"/b/"+b.Reference+"/cancel", "application/x-www-form-urlencoded",
					url.Values{"_csrf": {m[1]}, "t": {b.token()}}.Encode()); status != http.StatusSeeOther {
					t.Fatalf("cancel: %d", status)
				}
				if tc.refunded {
					deliver(t, c, ts.URL, st, chargeRefunded("evt_refund_"+b.Reference, b, b.TotalGrossCents))
				}
				// The page's language comes from its URL: German at /b/…, English at /en/b/….
				for prefix, want := range map[string]string{"": tc.de, "/en": tc.en} {
					lang := map[string]string{"": "de", "/en": "en"}[prefix]
					status, page, _ := do(t, client(t), "GET", ts.URL+prefix+b.path(""), "", "")
					page = strings.ReplaceAll(page, "\u00a0", " ") // German amounts keep "583,10 €" together
					if status != 200 || !strings.Contains(page, want) {
						t.Errorf("%s manage page (%d) lacks %q:\n%s", lang, status, want, paymentLine(page))
					}
					if strings.Contains(paymentLine(page), "· offen") || strings.Contains(paymentLine(page), "· unpaid") {
						t.Errorf("%s manage page still says the payment is open: %s", lang, paymentLine(page))
					}
				}
			})
		}
	})
}

// deliver delivers a signed Stripe event and expects 200.
func deliver(t *testing.T, c *http.Client, base string, st *store.Store, ev []byte) {
	t.Helper()
	if status, body, _ := do(t, c, "POST", base+"/webhooks/stripe", "application/json", string(ev), "Stripe-Signature", sign(ev, payWebhookSecret, st.Now())); status != 200 {
		t.Fatalf("webhook: %d %s", status, body)
	}
}

// chargeRefunded is a charge.refunded event with the total refunded so far.
func chargeRefunded(id string, b cardBooking, total int64) []byte {
	return []byte(fmt.Sprintf(`{"id":%q,"object":"event","api_version":%q,"created":%d,"type":"charge.refunded","data":{"object":
		{"id":"ch_%s","object":"charge","amount_refunded":%d,"payment_intent":"pi_%s","metadata":{"booking_reference":%q}}}}`,
		id, stripe.APIVersion, storetest.ReferenceTime.Unix(), b.Reference, total, b.Reference, b.Reference))
}

// paymentLine is the manage page's payment paragraph, for messages.
func paymentLine(page string) string {
	_, rest, ok := strings.Cut(page, `class="settlement"`)
	if !ok {
		if i := strings.Index(page, "</table>\n  <p>"); i >= 0 {
			rest = page[i:]
		}
	}
	line, _, _ := strings.Cut(rest, "</p>")
	return line
}
