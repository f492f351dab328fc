package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// bookingCancelConfirm is GET /b/{reference}/cancel: it shows what cancelling would cost under
// the cancellation policy and asks the booker to confirm.
func (s *Server) bookingCancelConfirm(c echo.Context) error {
	token := c.QueryParam("t")
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), token)
	if err != nil {
		return err
	}
	if !s.bookings.BookerMayCancel(b) {
		return redirect(c, href(c, "/b/"+b.Reference+"?t="+token))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageBookingCancel, t.T("cancel.title", "Reference", b.Reference), bookingCancelData{
		Booking: b, Token: token, Quote: s.bookings.QuoteCancellation(b),
	}, nil)
}

type bookingCancelData struct {
	Booking model.Booking
	Token   string
	Quote   booking.CancellationQuote
}

// bookingCancel is POST /b/{reference}/cancel: it cancels under the policy (refunding card
// payments minus the fee) and shows the manage page again.
func (s *Server) bookingCancel(c echo.Context) error {
	token := c.FormValue("t")
	b, err := s.bookings.CancelByBooker(c.Request().Context(), c.Param("reference"), token)
	if err != nil {
		return err
	}
	return redirect(c, href(c, "/b/"+b.Reference+"?t="+token))
}
