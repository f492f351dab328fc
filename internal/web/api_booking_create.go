package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingCreatedJSON is the answer to a successful POST /api/v1/bookings.
type bookingCreatedJSON struct {
	Reference          string              `json:"reference"`
	Status             model.BookingStatus `json:"status"`
	DiscountCents      int64               `json:"discount_net_cents"`
	GroupDiscountCents int64               `json:"group_discount_net_cents"`
	TotalNetCents      int64               `json:"total_net_cents"`
	TotalVATCents      int64               `json:"total_vat_cents"`
	TotalGrossCents    int64               `json:"total_gross_cents"`
	Currency           string              `json:"currency"`
	ManageURL          string              `json:"manage_url"`
	CheckoutURL        string              `json:"checkout_url,omitempty"`
	CheckoutSessionID  string              `json:"checkout_session_id,omitempty"`
	HoldExpiresAt      *time.Time          `json:"hold_expires_at,omitempty"`
}

// apiBookingCreate is POST /api/v1/bookings.
func (s *Server) apiBookingCreate(c echo.Context) error {
	// Read the whole body (the body limit caps it) so that a body too large is 413 however it was
	// sent, and anything after the JSON object makes it malformed.
	raw, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return s.badJSON(c, err)
	}
	f, err := form.DecodeBooking(raw)
	if errors.Is(err, model.ErrInvalidInput) {
		return err
	}
	if err != nil {
		return s.badJSON(c, err)
	}
	if errs := f.Validate(s.bookings.Settings().MaxAttendees, false); len(errs) > 0 {
		s.metrics.bookings.WithLabelValues("invalid").Inc()
		return s.validationFailed(c, errs)
	}
	res, err := s.bookings.Reserve(c.Request().Context(), f.Request(language(c)))
	var invalid *model.ValidationError
	switch {
	case errors.Is(err, model.ErrPaymentDisabled):
		return s.validationFailed(c, map[string]string{"payment_method": "error.payment_not_configured"})
	case errors.As(err, &invalid):
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		s.metrics.bookings.WithLabelValues(classify(err).Code).Inc()
		return err
	}
	b := res.Booking
	s.metrics.bookings.WithLabelValues(string(b.Status)).Inc()
	return c.JSON(http.StatusCreated, bookingCreatedJSON{
		Reference: b.Reference, Status: b.Status, DiscountCents: b.DiscountCents, GroupDiscountCents: b.GroupDiscountCents, TotalNetCents: b.NetCents, TotalVATCents: b.VATCents,
		TotalGrossCents: b.GrossCents, Currency: s.seller.Currency, ManageURL: s.manageURL(b.Reference, res.ManageToken),
		HoldExpiresAt: b.HoldExpiresAt, CheckoutURL: res.CheckoutURL, CheckoutSessionID: b.Stripe.SessionID,
	})
}

// badJSON answers a body that is not the JSON we expect: 413 when it was too big, 422 naming the
// field when a value has the wrong type, 400 otherwise.
func (s *Server) badJSON(c echo.Context, err error) error {
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, echo.ErrStatusRequestEntityTooLarge):
		return echo.ErrStatusRequestEntityTooLarge
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return s.validationFailed(c, map[string]string{typeErr.Field: "error.wrong_type"})
	}
	return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
}
