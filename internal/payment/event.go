package payment

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
)

// ErrBadSignature is returned for an event whose signature is missing, wrong or too old.
var ErrBadSignature = errors.New("stripe event: bad signature")

// Event types the service acts on.
const (
	EventCheckoutCompleted      = "checkout.session.completed"
	EventCheckoutAsyncSucceeded = "checkout.session.async_payment_succeeded"
	EventCheckoutAsyncFailed    = "checkout.session.async_payment_failed"
	EventCheckoutExpired        = "checkout.session.expired"
	EventChargeRefunded         = "charge.refunded"
	EventRefundCreated          = "refund.created"
	EventRefundUpdated          = "refund.updated"
	EventChargeRefundUpdated    = "charge.refund.updated"
)

// Event is a verified Stripe event reduced to what the booking rules need.
type Event struct {
	ID   string
	Type string
	// Reference is the booking reference (client_reference_id or metadata.booking_reference).
	Reference     string
	SessionID     string
	PaymentIntent string
	// PaymentStatus is the Checkout Session's: "paid", "unpaid" or "no_payment_required".
	PaymentStatus string
	// AmountTotal and Currency are the Checkout Session's total in the smallest unit and its
	// ISO currency code as Stripe writes it ("eur"): the booking rules compare them with what
	// is due before they count a session as payment.
	AmountTotal int64
	Currency    string
	// RefundedCents is the total refunded so far (charge) or this refund's amount (refund).
	RefundedCents int64
	// RefundFailed is set for a refund whose status is failed or canceled.
	RefundFailed bool
}

// SignatureTolerance is how far a webhook signature's timestamp may lie from now, in the past or
// in the future: Stripe's default tolerance.
const SignatureTolerance = webhook.DefaultTolerance

// ParseEvent verifies the Stripe-Signature header of a raw webhook body with the endpoint secret,
// checks that the signed timestamp lies within SignatureTolerance of now in either direction, and
// extracts the fields we use.
func ParseEvent(raw []byte, sigHeader, secret string, now time.Time) (Event, error) {
	ev, err := webhook.ConstructEventWithOptions(raw, sigHeader, secret, webhook.ConstructEventOptions{
		// stripe-go checks only the past, and on the wall clock; signedAt checks both ways
		// against the injected clock.
		IgnoreTolerance: true,
		// The signature proves the event is Stripe's; an account on a newer API version still sends
		// the fields read below.
		IgnoreAPIVersionMismatch: true,
	})
	if err != nil {
		return Event{}, fmt.Errorf("%w: %w", ErrBadSignature, err)
	}
	at, ok := signedAt(sigHeader)
	if !ok {
		return Event{}, fmt.Errorf("%w: no timestamp", ErrBadSignature)
	}
	if d := now.Sub(at); d > SignatureTolerance || d < -SignatureTolerance {
		return Event{}, fmt.Errorf("%w: signed at %s, %s from now", ErrBadSignature, at.UTC().Format(time.RFC3339), d)
	}
	out := Event{ID: ev.ID, Type: string(ev.Type)}
	if ev.Data == nil {
		return out, nil
	}
	switch {
	case out.Type == EventCheckoutCompleted || out.Type == EventCheckoutAsyncSucceeded ||
		out.Type == EventCheckoutAsyncFailed || out.Type == EventCheckoutExpired:
		var s stripe.CheckoutSession
		if err := json.Unmarshal(ev.Data.Raw, &s); err != nil {
			return out, fmt.Errorf("stripe event %s: %w", ev.ID, err)
		}
		out.SessionID, out.PaymentStatus = s.ID, string(s.PaymentStatus)
		out.AmountTotal, out.Currency = s.AmountTotal, string(s.Currency)
		out.Reference = s.ClientReferenceID
		if out.Reference == "" {
			out.Reference = s.Metadata["booking_reference"]
		}
		if s.PaymentIntent != nil {
			out.PaymentIntent = s.PaymentIntent.ID
		}
	case out.Type == EventChargeRefunded:
		var c stripe.Charge
		if err := json.Unmarshal(ev.Data.Raw, &c); err != nil {
			return out, fmt.Errorf("stripe event %s: %w", ev.ID, err)
		}
		out.RefundedCents = c.AmountRefunded
		out.Reference = c.Metadata["booking_reference"]
		if c.PaymentIntent != nil {
			out.PaymentIntent = c.PaymentIntent.ID
		}
	case out.Type == EventRefundCreated || out.Type == EventRefundUpdated || out.Type == EventChargeRefundUpdated:
		var r stripe.Refund
		if err := json.Unmarshal(ev.Data.Raw, &r); err != nil {
			return out, fmt.Errorf("stripe event %s: %w", ev.ID, err)
		}
		out.RefundedCents = r.Amount
		out.Reference = r.Metadata["booking_reference"]
		out.RefundFailed = r.Status == stripe.RefundStatusFailed || r.Status == stripe.RefundStatusCanceled
		if r.PaymentIntent != nil {
			out.PaymentIntent = r.PaymentIntent.ID
		}
	}
	return out, nil
}

// signedAt reads the timestamp of a Stripe-Signature header ("t=1495999758,v1=…") the way
// stripe-go does (the last t wins), so it is the timestamp the verified signature covers.
func signedAt(header string) (time.Time, bool) {
	var at time.Time
	found := false
	for _, pair := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(pair, "=")
		if !ok || k != "t" {
			continue
		}
		unix, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		at, found = time.Unix(unix, 0), true
	}
	return at, found
}
