package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingList lists the newest bookings, or those matching the search (reference, company,
// contact, attendee name or e-mail), or with ?open=1 the unpaid invoices, with payment status.
func (s *Server) adminBookingList(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	open := c.QueryParam("open") != ""
	bookings, err := s.store.SearchBookings(c.Request().Context(), q, 200)
	if open { // the unpaid invoices, oldest first
		bookings, err = s.store.OpenInvoiceBookings(c.Request().Context(), 500)
	}
	if err != nil {
		return err
	}
	user, _ := staff(c)
	title := s.i18n.For(language(c)).T("admin.bookings.title")
	return s.render(c, http.StatusOK, pageAdminBookings, title, bookingListData{
		Query: q, Bookings: bookings, CanMarkPaid: user.IsOwner(), Notice: c.QueryParam("done"), OpenOnly: open,
	}, nil)
}
