package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminDateCancelConfirm shows who is affected by cancelling a date — every booking, every
// attendee, what is refunded — before the owner confirms it.
func (s *Server) adminDateCancelConfirm(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	var refunds int64
	people := 0
	for _, b := range bookings {
		refunds += fullRefund(b)
		people += len(b.Attendees)
	}
	title := s.i18n.For(language(c)).T("admin.date_cancel.title")
	return s.render(c, http.StatusOK, pageAdminDateCancel, title, dateCancelData{
		Date: d, Bookings: bookings, People: people, Refunds: refunds,
		// A cancelled date with bookings left (an earlier run stopped halfway) can be finished.
		Possible: (d.Status != model.DateCancelled || len(bookings) > 0),
	}, nil)
}

// adminDateCancel cancels a date: it takes no more bookings, then every booking on it is
// cancelled with a full refund of card payments and everyone is told. Each booking is its own
// transaction; if one fails, the others stay cancelled and confirming again finishes the rest.
func (s *Server) adminDateCancel(c echo.Context) error {
	ctx := c.Request().Context()
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	if err := s.office.CancelDate(ctx, actor(c), d.ID); err != nil {
		return err
	}
	bookings, err := s.store.BookingsOfDate(ctx, d.ID)
	if err != nil {
		return err
	}
	for _, b := range bookings {
		if _, err := s.bookings.CancelForCancelledDate(ctx, b.Reference); err != nil {
			return fmt.Errorf("cancel date %d: %w", d.ID, err)
		}
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees", d.ID))
}
