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
	t := s.i18n.For(language(c))
	settlements, err := s.settlementLines(c.Request().Context(), t, bookings)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, pageAdminBookings, t.T("admin.bookings.title"), bookingListData{
		Query: q, Bookings: bookings, CanMarkPaid: user.IsOwner(), Notice: c.QueryParam("done"), OpenOnly: open,
		Settlements: settlements,
	}, nil)
}
