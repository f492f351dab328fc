package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// paymentRequest is the body of POST /api/v1/admin/bookings/{reference}/payments.
type paymentRequest struct {
	AmountCents int64  `json:"amount_cents"`
	PaidOn      string `json:"paid_on"`
	Method      string `json:"method"`
	Note        string `json:"note"`
}

// bookingMoneyJSON is a booking's money state, the answer to a recorded payment.
type bookingMoneyJSON struct {
	Reference             string              `json:"reference"`
	Status                model.BookingStatus `json:"status"`
	PaymentStatus         model.PaymentStatus `json:"payment_status"`
	TotalGrossCents       int64               `json:"total_gross_cents"`
	AmountDueCents        int64               `json:"amount_due_cents"`
	AmountRefundableCents int64               `json:"amount_refundable_cents"`
	ReceivedCents         int64               `json:"received_cents"`
	PaidBackCents         int64               `json:"paid_back_cents"`
}

// apiAdminBookingPaymentCreate is POST /api/v1/admin/bookings/{reference}/payments: records a
// payment (owners' tokens only) and answers 201 with the booking's money state.
func (s *Server) apiAdminBookingPaymentCreate(c echo.Context) error {
	var req paymentRequest
	if err := json.NewDecoder(c.Request().Body).Decode(&req); err != nil {
		return s.badJSON(c, err)
	}
	in := model.PaymentInput{AmountCents: req.AmountCents, PaidOn: req.PaidOn, Method: req.Method, Note: req.Note}
	m, err := s.office.RecordPayment(c.Request().Context(), actor(c), c.Param("reference"), in)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	a := m.Account
	return c.JSON(http.StatusCreated, bookingMoneyJSON{
		Reference: m.Booking.Reference, Status: m.Booking.Status, PaymentStatus: a.Status, TotalGrossCents: m.Booking.GrossCents,
		AmountDueCents: a.AmountDue, AmountRefundableCents: a.AmountRefundable, ReceivedCents: a.ReceivedCents, PaidBackCents: a.PaidBackCents,
	})
}
