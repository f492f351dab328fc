package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
	vegeta "github.com/tsenart/vegeta/v12/lib"
)

const figWebhooks = "webhooks"

// webhookEvents is how many distinct events the figure replays, round robin.
const webhookEvents = 16

// webhooksFigure measures POST /webhooks/stripe with idempotent replays, the deliveries Stripe
// repeats whenever an answer is slow or lost: signed checkout.session.expired events about an
// existing booking, each delivered once before the figure (it names another Checkout Session,
// so it changes nothing), then delivered again and again, each time signed anew with the
// server's webhook secret. Each request costs what a repeated delivery costs: the signature
// check on the raw body, parsing the event, and one write transaction that finds the event id
// already stored. ok is false when the secret is unknown (-url without -webhook-secret).
func webhooksFigure(ctx context.Context, srv *server, opts Options) (f Figure, ok bool, err error) {
	if srv.WebhookSecret == "" {
		return Figure{}, false, nil
	}
	reference, err := bookOnce(ctx, srv.BaseURL, opts)
	if err != nil {
		return Figure{}, false, fmt.Errorf("webhooks: %w", err)
	}
	run := strconv.FormatInt(opts.Now().UnixNano(), 36)
	events := make([][]byte, webhookEvents)
	for i := range events {
		events[i] = expiredEvent(fmt.Sprintf("evt_loadtest_%s_%d", run, i), reference, opts.Now())
		if err := deliver(ctx, srv, events[i], opts.Now()); err != nil {
			return Figure{}, false, fmt.Errorf("webhooks: first delivery: %w", err)
		}
	}
	var n atomic.Uint64
	tr := func(t *vegeta.Target) error {
		body := events[n.Add(1)%webhookEvents]
		*t = vegeta.Target{Method: http.MethodPost, URL: srv.BaseURL + "/webhooks/stripe", Body: body,
			Header: http.Header{"Content-Type": {"application/json"}, "Stripe-Signature": {sign(body, srv.WebhookSecret, opts.Now())}}}
		return nil
	}
	f = attack(ctx, figWebhooks, tr, opts.Clients, opts.Duration, receivedEvent)
	f.What = fmt.Sprintf("POST /webhooks/stripe: signed replays of %d checkout.session.expired events already delivered (booking %s)", webhookEvents, reference)
	return f, true, nil
}

// bookOnce makes one confirmed invoice booking on the catalogue's first bookable date, for the
// events to name.
func bookOnce(ctx context.Context, base string, opts Options) (string, error) {
	dateID := opts.DateID
	if dateID == 0 {
		var err error
		if dateID, err = firstDate(ctx, base); err != nil {
			return "", err
		}
	}
	var t vegeta.Target
	if err := bookingTargeter(base, dateID, "webhooks-"+strconv.FormatInt(opts.Now().UnixNano(), 36))(&t); err != nil {
		return "", err
	}
	raw, status, err := post(ctx, t.URL, t.Body, t.Header)
	if err != nil {
		return "", err
	}
	var created struct {
		Reference string `json:"reference"`
	}
	if status != http.StatusCreated || json.Unmarshal(raw, &created) != nil || created.Reference == "" {
		return "", fmt.Errorf("book on date %d: %d %.200s", dateID, status, raw)
	}
	return created.Reference, nil
}

// firstDate is the first date of the catalogue with a seat left.
func firstDate(ctx context.Context, base string) (uint, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/seminars", nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var list struct {
		Seminars []struct {
			Dates []struct {
				ID        uint `json:"id"`
				SeatsLeft int  `json:"seats_left"`
			} `json:"dates"`
		} `json:"seminars"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return 0, fmt.Errorf("GET /api/v1/seminars: %w", err)
	}
	for _, s := range list.Seminars {
		for _, d := range s.Dates {
			if d.SeatsLeft > 0 {
				return d.ID, nil
			}
		}
	}
	return 0, fmt.Errorf("the catalogue has no date with a seat left")
}

// expiredEvent is a checkout.session.expired event about the booking for a session that is
// not the booking's: the service records it and changes nothing.
func expiredEvent(id, reference string, at time.Time) []byte {
	return []byte(fmt.Sprintf(`{"id":%q,"object":"event","api_version":%q,"created":%d,"type":"checkout.session.expired",`+
		`"data":{"object":{"id":"cs_loadtest_not_this_booking","object":"checkout.session","client_reference_id":%q,`+
		`"payment_status":"unpaid","metadata":{"booking_reference":%q},"amount_total":0,"currency":"eur"}}}`,
		id, stripe.APIVersion, at.Unix(), reference, reference))
}

func sign(body []byte, secret string, at time.Time) string {
	return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: secret, Timestamp: at}).Header
}

func deliver(ctx context.Context, srv *server, body []byte, at time.Time) error {
	raw, status, err := post(ctx, srv.BaseURL+"/webhooks/stripe", body,
		http.Header{"Content-Type": {"application/json"}, "Stripe-Signature": {sign(body, srv.WebhookSecret, at)}})
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("POST /webhooks/stripe: %d %.200s", status, raw)
	}
	return nil
}

func post(ctx context.Context, url string, body []byte, header http.Header) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	req.Header = header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return raw, resp.StatusCode, err
}

// receivedEvent accepts 200 {"received":true}.
func receivedEvent(r *vegeta.Result) string {
	if r.Code != http.StatusOK || !bytes.Contains(r.Body, []byte(`"received":true`)) {
		return fmt.Sprintf("status %d: %.200s", r.Code, r.Body)
	}
	return ""
}
