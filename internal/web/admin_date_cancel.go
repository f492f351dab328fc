package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// adminDateCancelConfirm shows who is affected by cancelling a date — every booking, every
// attendee, what is refunded — before the owner confirms it.
func (s *Server) adminDateCancelConfirm(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.date_cancel.title")
	return s.render(c, http.StatusOK, pageAdminDateCancel, title, dateCancelPreview(d, bookings), nil)
}

// dateCancelPreview is what cancelling d would do to the bookings holding seats on it, for the
// back office's confirmation page and the admin API's preview alike.
func dateCancelPreview(d model.SeminarDate, bookings []model.Booking) dateCancelData {
	var refunds int64
	people := 0
	for _, b := range bookings {
		refunds += booking.FullRefund(b)
		people += len(b.Attendees)
	}
	return dateCancelData{
		Date: d, Bookings: bookings, People: people, Refunds: refunds,
		// A cancelled date with bookings left (a run before cancels were all-or-nothing stopped
		// halfway) can be finished.
		Possible: (d.Status != model.DateCancelled || len(bookings) > 0),
	}
}

// adminDateCancel cancels a date and every booking on it, all or nothing
// (backoffice.CancelDate): full refunds, everyone told once.
func (s *Server) adminDateCancel(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	if err := s.office.CancelDate(c.Request().Context(), actor(c), d.ID); err != nil {
		return err
	}
	// The attendee list confirms it (and now says the date is cancelled).
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees?done=date_cancelled", d.ID))
}
