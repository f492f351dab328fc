package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// bookingReturn is where Stripe Checkout sends the booker back. It shows the booking's real
// state: the payment counts only once Stripe's webhook said so, which may take a moment (or, for
// SEPA Direct Debit, days), so until then the page says the payment is being checked.
func (s *Server) bookingReturn(c echo.Context) error {
	token := c.QueryParam("t")
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), token)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageBookingReturn, t.T("return.title", "Reference", b.Reference), bookingReturnData{
		Booking: b, Token: token,
		Checking: b.Status == model.BookingPendingPayment && b.PaymentStatus == model.PaymentUnpaid && !b.Stripe.AsyncPending,
	}, nil)
}

type bookingReturnData struct {
	Booking  model.Booking
	Token    string
	Checking bool // no word from Stripe yet: the page reloads itself
}
