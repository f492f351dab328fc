package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"seminars/internal/payment"
	"seminars/internal/store/storetest"
)

// stripeRecorder stands between the service and stripe-mock and keeps the success URL of the
// Checkout Session created: stripe-mock does not echo it, and the return page needs its token.
type stripeRecorder struct {
	mu         sync.Mutex
	successURL string
}

func (r *stripeRecorder) start(t *testing.T) string {
	t.Helper()
	target, err := url.Parse(stripeMockURL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, "/checkout/sessions") {
			body, _ := io.ReadAll(req.Body)
			req.Body = io.NopCloser(bytes.NewReader(body))
			if form, err := url.ParseQuery(string(body)); err == nil {
				r.mu.Lock()
				r.successURL = form.Get("success_url")
				r.mu.Unlock()
			}
		}
		proxy.ServeHTTP(w, req)
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

// TestBrowserJourneyPayByCard books one person paying by card at 1280 and 390 px: the form sends
// the browser to Stripe Checkout (stripe-mock made the session; Checkout's own host cannot be
// reached, so the browser is answered with a stand-in there and the journey stops at the
// redirect), Stripe's signed webhook confirms the payment, and the return page says it is paid.
func TestBrowserJourneyPayByCard(t *testing.T) {
	eachWidth(t, "card", 90*time.Second, func(t *testing.T, j *journey) {
		st := storetest.SQLite(t)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
		var rec stripeRecorder
		ts := payServer(t, st, rec.start(t))

		// Every https request is Stripe's (the service itself is on http): answer it in the browser.
		var mu sync.Mutex
		var checkout string
		if err := chromedp.Listen(j.ctx, func(ev any) {
			if e, ok := ev.(*fetch.EventRequestPaused); ok {
				if e.ResourceType == network.ResourceTypeDocument { // not the favicon
					mu.Lock()
					checkout = e.Request.URL
					mu.Unlock()
				}
				go chromedp.Call(j.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: e.RequestID, ResponseCode: 200,
					ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html; charset=utf-8"}},
					Body:            []byte(`<!doctype html><html lang="en"><title>Checkout</title><h1 id="stripe-stand-in">Stripe Checkout (stand-in)</h1></html>`)})
			}
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(j.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "https://*"}}}); err != nil {
			t.Fatal(err)
		}

		j.do(chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)), chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
			chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Anna"),
			chromedp.SendKeys(`input[name="attendees[0].last_name"]`, "Schmidt"),
			chromedp.SendKeys(`input[name="attendees[0].email"]`, "anna@firma.example"),
			chromedp.SendKeys(`input[name="billing.company"]`, "Firma GmbH"),
			chromedp.SendKeys(`input[name="billing.name"]`, "Max Muster"),
			chromedp.SendKeys(`input[name="billing.email"]`, "einkauf@firma.example"),
			chromedp.SendKeys(`input[name="billing.street"]`, "Hauptstraße 1"),
			chromedp.SendKeys(`input[name="billing.postal_code"]`, "10115"),
			chromedp.SendKeys(`input[name="billing.city"]`, "Berlin"),
			chromedp.Click(`input[name="payment_method"][value="card"]`, chromedp.NodeVisible),
			chromedp.Click(`input[name="confirm_business"]`),
			chromedp.Click(`input[name="accept_terms"]`),
		)
		j.state("form")
		j.do(chromedp.Click(`button[value="book"]`), chromedp.WaitReady(`#stripe-stand-in`))

		rec.mu.Lock()
		success := rec.successURL
		rec.mu.Unlock()
		back, err := url.Parse(success)
		if err != nil || !strings.HasSuffix(back.Path, "/return") {
			t.Fatalf("the Checkout Session's success URL is %q", success)
		}
		reference := strings.TrimSuffix(strings.TrimPrefix(back.Path, "/b/"), "/return")
		b, err := st.BookingByReference(context.Background(), reference)
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		went := checkout
		mu.Unlock()
		if went == "" || went != b.Stripe.CheckoutURL {
			t.Fatalf("the form sent the browser to %q, not to the booking's Checkout %q", went, b.Stripe.CheckoutURL)
		}
		if got := bookingStatus(t, st, reference); got != "pending_payment/unpaid" {
			t.Fatalf("before the webhook the booking is %s", got)
		}

		// Stripe tells the service, signed, that Checkout was paid.
		paid := stripeEvent("evt_journey_paid", payment.EventCheckoutCompleted,
			cardBooking{Reference: reference, CheckoutSessionID: b.Stripe.SessionID, TotalGrossCents: b.GrossCents}, "paid")
		if status, body, _ := do(t, client(t), "POST", ts.URL+"/webhooks/stripe", "application/json", string(paid),
			"Stripe-Signature", sign(paid, payWebhookSecret, st.Now())); status != http.StatusOK {
			t.Fatalf("webhook: %d %s", status, body)
		}
		if got := bookingStatus(t, st, reference); got != "confirmed/paid" {
			t.Fatalf("after the webhook the booking is %s", got)
		}

		j.do(chromedp.Navigate(ts.URL+back.RequestURI()), chromedp.WaitVisible(`.notice-success`))
		if h := j.text("h1"); !strings.Contains(h, reference) {
			t.Fatalf("the return page's heading %q", h)
		}
		j.state("return")
		j.do(chromedp.Click(`main a[role="button"]`, chromedp.NodeVisible), chromedp.WaitVisible(`.status`))
		if status := j.text(".status"); !strings.HasPrefix(status, "Bestätigt") {
			t.Fatalf("the manage page after paying says %q", status)
		}
		j.state("manage")
	})
}
