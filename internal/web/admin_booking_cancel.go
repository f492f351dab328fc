package web

import (
	"net/http"

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
	}, nil)
}

// adminBookingCancel cancels a booking as the trainer (backoffice.CancelBooking: seats back,
// everything paid refunded, everyone notified, the freed seats offered to the waiting list).
func (s *Server) adminBookingCancel(c echo.Context) error {
	b, err := s.office.CancelBooking(c.Request().Context(), actor(c), c.Param("reference"))
	if err != nil {
		return err
	}
	return redirect(c, "/admin/bookings?done=cancelled&q="+b.Reference)
}
