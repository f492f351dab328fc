package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminBookingList lists the newest bookings, or those matching the search (reference, company,
// contact, attendee name or e-mail), or with ?open=1 every open item — a booking that owes money,
// an unpaid invoice or a fee still owed after a cancellation — and with ?overdue=1 those whose
// invoice is past its due date; each with where its money stands.
func (s *Server) adminBookingList(c echo.Context) error {
	ctx := c.Request().Context()
	q := strings.TrimSpace(c.QueryParam("q"))
	overdue := c.QueryParam("overdue") != ""
	open := c.QueryParam("open") != "" || overdue
	bookings, err := s.store.SearchBookings(ctx, q, 200)
	if open { // what is owed, oldest first
		var at *time.Time
		if overdue {
			now := s.now().UTC()
			at = &now
		}
		bookings, err = s.store.OpenItemBookings(ctx, at, 500)
	}
	if err != nil {
		return err
	}
	user, _ := staff(c)
	t := s.i18n.For(language(c))
	money, err := s.moneyOf(ctx, t, bookings)
	if err != nil {
		return err
	}
	ids := make([]uint, len(bookings))
	for i, b := range bookings {
		ids[i] = b.ID
	}
	reminders, err := s.store.CountPaymentReminders(ctx, ids)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, pageAdminBookings, t.T("admin.bookings.title"), bookingListData{
		Query: q, Bookings: bookings, CanMarkPaid: user.IsOwner(), Notice: c.QueryParam("done"), OpenOnly: open && !overdue,
		OverdueOnly: overdue, Settlements: money.Lines, Accounts: money.Accounts, Reminders: reminders,
		Today: s.now().In(s.bookings.Location()).Format(time.DateOnly), Methods: model.RecordableMethods,
	}, nil)
}
