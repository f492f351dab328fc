package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingList lists the newest bookings, or those matching the search (reference, company,
// contact, attendee name or e-mail), with their payment status.
func (s *Server) adminBookingList(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	bookings, err := s.store.SearchBookings(c.Request().Context(), q, 200)
	if err != nil {
		return err
	}
	user, _ := staff(c)
	title := s.i18n.For(language(c)).T("admin.bookings.title")
	return s.render(c, http.StatusOK, pageAdminBookings, title, bookingListData{
		Query: q, Bookings: bookings, CanMarkPaid: user.IsOwner(), Notice: c.QueryParam("done"),
	}, nil)
}
