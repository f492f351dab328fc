package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// adminBookingCancelConfirm shows what cancelling a booking does (who loses their seat, what is
// refunded) before the owner confirms it.
func (s *Server) adminBookingCancelConfirm(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.cancel.title", "Reference", b.Reference)
	return s.render(c, http.StatusOK, pageAdminBookingCancel, title, adminCancelData{
		Booking: b, Refund: booking.FullRefund(b), Possible: model.CanTransition(b.Status, model.BookingCancelled),
		Policy: s.bookings.QuoteCancellation(b), PolicyOpen: s.bookings.BookerMayCancel(b),
	}, nil)
}

// adminBookingCancel cancels a booking as the trainer: without a fee (backoffice.CancelBooking:
// seats back, everything paid refunded, everyone notified, the freed seats offered to the waiting
// list), or with fee=policy under the cancellation policy, as if the booker had cancelled
// (backoffice.CancelBookingUnderPolicy). It returns to the booking's detail page.
func (s *Server) adminBookingCancel(c echo.Context) error {
	ctx, reference := c.Request().Context(), strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	cancel := s.office.CancelBooking
	if c.FormValue("fee") == "policy" {
		cancel = s.office.CancelBookingUnderPolicy
	}
	b, err := cancel(ctx, actor(c), reference)
	if err != nil {
		return err
	}
	return redirect(c, bookingDetailPath(b.Reference, "cancelled"))
}
