// Package payment talks to Stripe: it creates and expires Checkout Sessions, issues refunds and
// verifies webhook events. It knows nothing of the database or of bookings; callers pass plain
// values in and get plain values back.
package payment

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/checkout/session"
	"github.com/stripe/stripe-go/v76/refund"
)

// ErrUnavailable wraps every failure to reach Stripe or to get a usable answer from it.
var ErrUnavailable = errors.New("stripe unavailable")

// Config is what the gateway needs: the secret key and, for tests or stripe-mock, another API URL.
type Config struct {
	SecretKey string
	APIURL    string // empty = api.stripe.com
	Timeout   time.Duration
}

// Gateway is a Stripe client bound to one key and one API host. It never uses stripe.Key.
// It holds only the two resource clients it calls: stripe-go's client.API links every one of
// Stripe's ~150 resource clients into the binary and builds them all at start (3 MB of code
// and tables, mapped into the server's memory).
type Gateway struct {
	sessions session.Client
	refunds  refund.Client
}

// New builds a gateway with its own backend, so that two gateways (a test against stripe-mock,
// production) never share state.
func New(cfg Config) *Gateway {
	if cfg.Timeout == 0 {
		cfg.Timeout = 20 * time.Second
	}
	backendCfg := &stripe.BackendConfig{
		HTTPClient:        &http.Client{Timeout: cfg.Timeout},
		LeveledLogger:     &stripe.LeveledLogger{Level: stripe.LevelNull},
		MaxNetworkRetries: stripe.Int64(1), // every write carries an idempotency key, so a retry is safe
	}
	if cfg.APIURL != "" {
		backendCfg.URL = stripe.String(cfg.APIURL)
	}
	api := stripe.GetBackendWithConfig(stripe.APIBackend, backendCfg)
	return &Gateway{sessions: session.Client{B: api, Key: cfg.SecretKey}, refunds: refund.Client{B: api, Key: cfg.SecretKey}}
}

func unavailable(op string, err error) error {
	return fmt.Errorf("stripe %s: %w: %w", op, ErrUnavailable, err)
}

// withContext attaches ctx to a request's params.
func withContext(ctx context.Context, p *stripe.Params, idempotencyKey string) {
	p.Context = ctx
	if idempotencyKey != "" {
		p.SetIdempotencyKey(idempotencyKey)
	}
}
