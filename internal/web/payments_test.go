package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

const payWebhookSecret = "whsec_test_secret"

// payServer starts the real web server with Stripe pointed at apiURL (stripe-mock).
func payServer(t *testing.T, st *store.Store, apiURL string) *httptest.Server {
	t.Helper()
	return newServer(t, st, "SEMINARS_STRIPE_SECRET_KEY=sk_test_123",
		"SEMINARS_STRIPE_WEBHOOK_SECRET="+payWebhookSecret, "SEMINARS_STRIPE_API_URL="+apiURL)
}

func cardBookingJSON(dateID uint, attendees int) string {
	var people []string
	for i := range attendees {
		people = append(people, fmt.Sprintf(`{"first_name":"Erika","last_name":"Muster %d","email":"erika%d@example.com"}`, i, i))
	}
	return fmt.Sprintf(`{"date_id":%d,"payment_method":"card","attendees":[%s],"billing":{"company":"Muster GmbH",
		"name":"Max Muster","email":"max@example.com","street":"Hauptstr. 1","postal_code":"10115","city":"Berlin","country":"DE"}}`,
		dateID, strings.Join(people, ","))
}

type cardBooking struct {
	Reference         string `json:"reference"`
	Status            string `json:"status"`
	ManageURL         string `json:"manage_url"`
	CheckoutURL       string `json:"checkout_url"`
	CheckoutSessionID string `json:"checkout_session_id"`
	TotalGrossCents   int64  `json:"total_gross_cents"`
}

// bookCard books by card through the API.
func bookCard(t *testing.T, c *http.Client, base string, dateID uint, attendees int) cardBooking {
	t.Helper()
	status, body, _ := do(t, c, "POST", base+"/api/v1/bookings", "application/json", cardBookingJSON(dateID, attendees))
	var b cardBooking
	if status != http.StatusCreated || json.Unmarshal([]byte(body), &b) != nil {
		t.Fatalf("card booking: %d %s", status, body)
	}
	return b
}

// path returns the manage URL's path and query with a suffix on the path (e.g. "/return").
func (b cardBooking) path(suffix string) string {
	u, _ := url.Parse(b.ManageURL)
	return u.Path + suffix + "?" + u.RawQuery
}

func (b cardBooking) token() string {
	u, _ := url.Parse(b.ManageURL)
	return u.Query().Get("t")
}

// stripeEvent is a Checkout Session event body as Stripe sends it.
func stripeEvent(id, typ string, b cardBooking, paymentStatus string) []byte {
	return []byte(fmt.Sprintf(`{"id":%q,"object":"event","api_version":%q,"created":%d,"type":%q,"data":{"object":
		{"id":%q,"object":"checkout.session","client_reference_id":%q,"payment_status":%q,"payment_intent":"pi_%s","metadata":{"booking_reference":%q},
		"amount_total":%d,"currency":"eur"}}}`,
		id, stripe.APIVersion, storetest.ReferenceTime.Unix(), typ, b.CheckoutSessionID, b.Reference, paymentStatus, b.Reference, b.Reference, b.TotalGrossCents))
}

func sign(body []byte, secret string, at time.Time) string {
	return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: secret, Timestamp: at}).Header
}

func bookingStatus(t *testing.T, st *store.Store, reference string) string {
	t.Helper()
	b, err := st.BookingByReference(context.Background(), reference)
	if err != nil {
		t.Fatal(err)
	}
	return string(b.Status) + "/" + string(b.PaymentStatus)
}

func TestCardBookingThroughAPI(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	ts := payServer(t, st, stripeMockURL)
	b := bookCard(t, client(t), ts.URL, date.ID, 2)
	if b.Status != string(model.BookingPendingPayment) || !strings.HasPrefix(b.CheckoutSessionID, "cs_") || !strings.HasPrefix(b.CheckoutURL, "https://") {
		t.Fatalf("card booking answered %+v", b)
	}
}

func TestCardBookingWhenStripeIsDown(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	ts := payServer(t, st, "http://127.0.0.1:1")
	status, body, _ := do(t, client(t), "POST", ts.URL+"/api/v1/bookings", "application/json", cardBookingJSON(date.ID, 2))
	if status != http.StatusServiceUnavailable || !strings.Contains(body, `"error":"payment_unavailable"`) {
		t.Fatalf("got %d %s", status, body)
	}
	if d, _ := st.DateByID(context.Background(), date.ID); d.SeatsTaken != 0 {
		t.Fatalf("seats taken = %d after Stripe failed", d.SeatsTaken)
	}
}

func TestStripeWebhookScenarios(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	ts := payServer(t, st, stripeMockURL)
	c := client(t)
	b := bookCard(t, c, ts.URL, date.ID, 2)
	paid := stripeEvent("evt_paid_1", payment.EventCheckoutCompleted, b, "paid")
	expired := stripeEvent("evt_expired_1", payment.EventCheckoutExpired, b, "unpaid")
	oneCent := b
	oneCent.TotalGrossCents = 1
	cent := stripeEvent("evt_cent_1", payment.EventCheckoutCompleted, oneCent, "paid")
	now := st.Now()
	cases := []struct {
		name       string
		body       []byte
		signature  string
		wantStatus int
		wantState  string
	}{
		{"unsigned", paid, "", 400, "pending_payment/unpaid"},
		{"forged", paid, sign(paid, "whsec_someone_else", now), 400, "pending_payment/unpaid"},
		{"stale", paid, sign(paid, payWebhookSecret, now.Add(-10*time.Minute)), 400, "pending_payment/unpaid"},
		{"signed an hour in the future", paid, sign(paid, payWebhookSecret, now.Add(time.Hour)), 400, "pending_payment/unpaid"},
		{"tampered after signing", []byte(strings.Replace(string(paid), `"paid"`, `"paid" `, 1)), sign(paid, payWebhookSecret, now), 400, "pending_payment/unpaid"},
		{"too big", []byte(`{"x":"` + strings.Repeat("a", 70000) + `"}`), "t=1,v1=00", 413, "pending_payment/unpaid"},
		// Stripe must not resend a payment that will never fit: 200, and the booking stays unpaid.
		{"1 cent is not the payment", cent, sign(cent, payWebhookSecret, now), 200, "pending_payment/unpaid"},
		{"paid", paid, sign(paid, payWebhookSecret, now), 200, "confirmed/paid"},
		{"duplicate", paid, sign(paid, payWebhookSecret, now), 200, "confirmed/paid"},
		{"expired after paid", expired, sign(expired, payWebhookSecret, now), 200, "confirmed/paid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := do(t, c, "POST", ts.URL+"/webhooks/stripe", "application/json", string(tc.body), "Stripe-Signature", tc.signature)
			if status != tc.wantStatus {
				t.Fatalf("status %d (%s), want %d", status, body, tc.wantStatus)
			}
			if got := bookingStatus(t, st, b.Reference); got != tc.wantState {
				t.Fatalf("booking %s, want %s", got, tc.wantState)
			}
		})
	}
	if d, _ := st.DateByID(context.Background(), date.ID); d.SeatsTaken != 2 {
		t.Fatalf("seats taken = %d, want 2", d.SeatsTaken)
	}
	// The 1-cent event left the booking on the attention list, and /metrics counts it.
	if _, metrics, _ := do(t, c, "GET", ts.URL+"/metrics", "", ""); !strings.Contains(metrics, `seminars_bookings_needing_attention{reason="payment_mismatch"} 1`) {
		t.Fatalf("metrics lack the mismatched payment:\n%s", metrics)
	}
}

func TestReturnPageShowsRealState(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	ts := payServer(t, st, stripeMockURL)
	c := client(t)
	b := bookCard(t, c, ts.URL, date.ID, 1)
	status, body, _ := do(t, c, "GET", ts.URL+b.path(""), "", "")
	if status != 200 || !strings.Contains(body, "Jetzt bezahlen") || !strings.Contains(body, b.CheckoutURL) {
		t.Fatalf("manage page of an open hold: %d %s", status, body)
	}
	status, body, _ = do(t, c, "GET", ts.URL+b.path("/return"), "", "")
	if status != 200 || !strings.Contains(body, "Zahlung wird geprüft") || !strings.Contains(body, `http-equiv="refresh"`) {
		t.Fatalf("before webhook: %d %s", status, body)
	}
	if _, body, _ := do(t, client(t), "GET", ts.URL+"/en"+b.path("/return"), "", ""); !strings.Contains(body, "Checking your payment") {
		t.Fatalf("English return page: %s", body)
	}
	ev := stripeEvent("evt_return_1", payment.EventCheckoutCompleted, b, "paid")
	if status, body, _ := do(t, c, "POST", ts.URL+"/webhooks/stripe", "application/json", string(ev), "Stripe-Signature", sign(ev, payWebhookSecret, st.Now())); status != 200 {
		t.Fatalf("webhook: %d %s", status, body)
	}
	status, body, _ = do(t, c, "GET", ts.URL+b.path("/return"), "", "")
	if status != 200 || !strings.Contains(body, "Zahlung erhalten") || strings.Contains(body, `http-equiv="refresh"`) {
		t.Fatalf("after webhook: %d %s", status, body)
	}
	if status, _, _ := do(t, c, "GET", ts.URL+"/b/"+b.Reference+"/return?t=wrong", "", ""); status != 404 {
		t.Fatalf("wrong token: %d, want 404", status)
	}
}

var payCSRF = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func TestHTMLCardBookingRedirectsToCheckout(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	ts := payServer(t, st, stripeMockURL)
	c := client(t)
	_, page, _ := do(t, c, "GET", fmt.Sprintf("%s/book/%d", ts.URL, date.ID), "", "")
	m := payCSRF.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the booking form")
	}
	form := url.Values{"_csrf": {m[1]}, "attendee_count": {"1"}, "action": {"book"}, "payment_method": {"card"}, "accept_terms": {"yes"}, "confirm_business": {"yes"},
		"attendees[0].first_name": {"Erika"}, "attendees[0].last_name": {"Muster"}, "attendees[0].email": {"erika@example.com"},
		"billing.company": {"Muster GmbH"}, "billing.name": {"Max Muster"}, "billing.email": {"max@example.com"},
		"billing.street": {"Hauptstr. 1"}, "billing.postal_code": {"10115"}, "billing.city": {"Berlin"}, "billing.country": {"DE"}}
	status, body, header := do(t, c, "POST", fmt.Sprintf("%s/book/%d", ts.URL, date.ID), "application/x-www-form-urlencoded", form.Encode())
	if status != http.StatusSeeOther || !strings.HasPrefix(header.Get("Location"), "https://checkout.stripe.com") {
		t.Fatalf("got %d Location %q %s", status, header.Get("Location"), body)
	}
}

func TestCancelPaidBookingFromManagePage(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5}) // starts in 30 days: free
	ts := payServer(t, st, stripeMockURL)
	c := client(t)
	b := bookCard(t, c, ts.URL, date.ID, 2)
	ev := stripeEvent("evt_cancel_1", payment.EventCheckoutCompleted, b, "paid")
	do(t, c, "POST", ts.URL+"/webhooks/stripe", "application/json", string(ev), "Stripe-Signature", sign(ev, payWebhookSecret, st.Now()))

	status, page, _ := do(t, c, "GET", ts.URL+b.path("/cancel"), "", "")
	if status != 200 || !strings.Contains(page, "Stornogebühr") || !strings.Contains(page, "keine") || !strings.Contains(page, "Erstattung") {
		t.Fatalf("confirm page: %d %s", status, page)
	}
	m := payCSRF.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the cancel form")
	}
	if status, _, _ := do(t, c, "POST", ts.URL+"/b/"+b.Reference+"/cancel", "application/x-www-form-urlencoded",
		url.Values{"t": {b.token()}}.Encode()); status != http.StatusForbidden {
		t.Fatalf("without CSRF: %d, want 403", status)
	}
	status, _, header := do(t, c, "POST", ts.URL+"/b/"+b.Reference+"/cancel", "application/x-www-form-urlencoded",
		url.Values{"_csrf": {m[1]}, "t": {b.token()}}.Encode())
	if status != http.StatusSeeOther || !strings.Contains(header.Get("Location"), "/b/"+b.Reference) {
		t.Fatalf("cancel: %d %q", status, header.Get("Location"))
	}
	if got := bookingStatus(t, st, b.Reference); got != "cancelled/paid" {
		t.Fatalf("booking %s", got)
	}
	item, err := st.OutboxItemByKey(context.Background(), "stripe.refund:refund-"+b.Reference+"-cancel")
	if err != nil || !strings.Contains(item.Payload, `"amount_cents":116620`) {
		t.Fatalf("refund item %+v, %v", item, err)
	}
}

func TestSameWebhookDeliveredConcurrently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		ts := payServer(t, st, stripeMockURL)
		c := client(t)
		b := bookCard(t, c, ts.URL, date.ID, 3)
		for _, ev := range [][]byte{
			stripeEvent("evt_dup_expired", payment.EventCheckoutExpired, b, "unpaid"),
			stripeEvent("evt_dup_paid", payment.EventCheckoutCompleted, b, "paid"), // late, seats still free
		} {
			header := sign(ev, payWebhookSecret, st.Now())
			statuses := make(chan int, 20)
			var wg sync.WaitGroup
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					req, _ := http.NewRequest("POST", ts.URL+"/webhooks/stripe", strings.NewReader(string(ev)))
					req.Header.Set("Stripe-Signature", header)
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						statuses <- 0
						return
					}
					resp.Body.Close()
					statuses <- resp.StatusCode
				}()
			}
			wg.Wait()
			close(statuses)
			for s := range statuses {
				if s != http.StatusOK {
					t.Fatalf("a delivery got %d", s)
				}
			}
		}
		if got := bookingStatus(t, st, b.Reference); got != "confirmed/paid" {
			t.Fatalf("booking %s", got)
		}
		d, _ := st.DateByID(context.Background(), date.ID)
		held, _ := st.SeatsHeldForDate(context.Background(), date.ID)
		if d.SeatsTaken != 3 || held != 3 {
			t.Fatalf("seats taken %d, held %d, want 3", d.SeatsTaken, held)
		}
	})
}
