package payment

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v76"
)

// MinSessionLifetime is the shortest expires_at Stripe Checkout accepts.
const MinSessionLifetime = 30 * time.Minute

// LineItem is one thing on the Checkout page: here, one attendee's seat.
type LineItem struct {
	Name        string // seminar title and date
	Description string // attendee and the VAT contained in the amount
	AmountCents int64  // gross, VAT included
}

// CheckoutInput describes the Checkout Session for one booking.
type CheckoutInput struct {
	Reference     string // the booking reference: client_reference_id, metadata and idempotency key
	CustomerEmail string
	Currency      string // ISO code, e.g. EUR
	Locale        string // "de", "en" or "" for Stripe's choice
	Items         []LineItem
	SuccessURL    string
	CancelURL     string
	ExpiresAt     time.Time
}

// Session is the part of a Checkout Session the booking needs.
type Session struct {
	ID  string
	URL string
}

// CreateCheckoutSession opens a Stripe Checkout Session for card and SEPA Direct Debit. Its
// idempotency key is derived from the booking reference, so a retried request never opens a
// second session for the same booking.
func (g *Gateway) CreateCheckoutSession(ctx context.Context, in CheckoutInput) (Session, error) {
	if len(in.Items) == 0 {
		return Session{}, errors.New("stripe checkout: no line items")
	}
	params := &stripe.CheckoutSessionParams{
		Mode:               stripe.String(string(stripe.CheckoutSessionModePayment)),
		PaymentMethodTypes: stripe.StringSlice([]string{"card", "sepa_debit"}),
		ClientReferenceID:  stripe.String(in.Reference),
		CustomerEmail:      stripe.String(in.CustomerEmail),
		SuccessURL:         stripe.String(in.SuccessURL),
		CancelURL:          stripe.String(in.CancelURL),
		ExpiresAt:          stripe.Int64(in.ExpiresAt.Unix()),
		PaymentIntentData: &stripe.CheckoutSessionPaymentIntentDataParams{
			Description: stripe.String(in.Reference),
			Metadata:    map[string]string{"booking_reference": in.Reference},
		},
	}
	if in.Locale != "" {
		params.Locale = stripe.String(in.Locale)
	}
	params.AddMetadata("booking_reference", in.Reference)
	currency := strings.ToLower(in.Currency)
	for _, item := range in.Items {
		params.LineItems = append(params.LineItems, &stripe.CheckoutSessionLineItemParams{
			Quantity: stripe.Int64(1),
			PriceData: &stripe.CheckoutSessionLineItemPriceDataParams{
				Currency:    stripe.String(currency),
				UnitAmount:  stripe.Int64(item.AmountCents),
				TaxBehavior: stripe.String("inclusive"),
				ProductData: &stripe.CheckoutSessionLineItemPriceDataProductDataParams{
					Name:        stripe.String(item.Name),
					Description: stripe.String(item.Description),
				},
			},
		})
	}
	withContext(ctx, &params.Params, "checkout-"+in.Reference)
	s, err := g.sessions.New(params)
	if err != nil {
		return Session{}, unavailable("create checkout session", err)
	}
	if s.ID == "" || s.URL == "" {
		return Session{}, unavailable("create checkout session", errors.New("answer without id or url"))
	}
	return Session{ID: s.ID, URL: s.URL}, nil
}

// ExpireSession ends an open Checkout Session so that nobody can pay for a hold that was released.
func (g *Gateway) ExpireSession(ctx context.Context, sessionID string) error {
	params := &stripe.CheckoutSessionExpireParams{}
	withContext(ctx, &params.Params, "expire-"+sessionID)
	if _, err := g.sessions.Expire(sessionID, params); err != nil {
		var stripeErr *stripe.Error
		// A session that is already complete or expired cannot be expired again; that is the
		// state we wanted, or a payment the webhook will handle.
		if errors.As(err, &stripeErr) && stripeErr.HTTPStatusCode == 400 {
			return nil
		}
		return unavailable("expire checkout session", err)
	}
	return nil
}

// RefundInput says what to give back.
type RefundInput struct {
	PaymentIntent  string
	AmountCents    int64 // 0 = all of it
	IdempotencyKey string
	Reference      string
}

// Refund returns money for a payment intent; the idempotency key makes retries safe.
func (g *Gateway) Refund(ctx context.Context, in RefundInput) (string, error) {
	params := &stripe.RefundParams{PaymentIntent: stripe.String(in.PaymentIntent)}
	if in.AmountCents > 0 {
		params.Amount = stripe.Int64(in.AmountCents)
	}
	if in.Reference != "" {
		params.AddMetadata("booking_reference", in.Reference)
	}
	withContext(ctx, &params.Params, in.IdempotencyKey)
	r, err := g.refunds.New(params)
	var stripeErr *stripe.Error
	if errors.As(err, &stripeErr) && stripeErr.Code == stripe.ErrorCodeChargeAlreadyRefunded {
		return "", nil // the money is back already (e.g. refunded in the dashboard)
	}
	if err != nil {
		return "", unavailable("refund", err)
	}
	return r.ID, nil
}
