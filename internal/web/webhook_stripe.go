package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/payment"
)

// webhookMaxBytes caps a Stripe event body; real events are a few kilobytes.
const webhookMaxBytes = 64 << 10

// webhookStripe is POST /webhooks/stripe. It verifies the signature on the raw, size-capped body,
// applies the event in one transaction and answers at once; mail follows through the outbox.
// A forged, unsigned or stale event gets 400 and changes nothing; a failure on our side gets 500,
// so Stripe delivers the event again later.
func (s *Server) webhookStripe(c echo.Context) error {
	if s.cfg.StripeWebhookSecret == "" {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"error": "webhook_not_configured"})
	}
	raw, err := io.ReadAll(io.LimitReader(c.Request().Body, webhookMaxBytes+1))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	if len(raw) > webhookMaxBytes {
		return echo.ErrStatusRequestEntityTooLarge
	}
	ev, err := payment.ParseEvent(raw, c.Request().Header.Get("Stripe-Signature"), s.cfg.StripeWebhookSecret, s.now())
	if errors.Is(err, payment.ErrBadSignature) {
		s.log.WarnContext(c.Request().Context(), "stripe webhook refused", "error", err)
		return c.JSON(http.StatusBadRequest, map[string]string{"error": "bad_signature"})
	}
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	if err := s.bookings.HandleStripeEvent(c.Request().Context(), ev); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]bool{"received": true})
}
