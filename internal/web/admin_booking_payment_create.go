package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminBookingPaymentCreate records a payment typed into a booking's row (owners only: money).
// The amount is in euros as people write it ("297,50"; a minus sign for money paid back). Bad
// input shows the booking's row again with the messages and answers 422; nothing is stored.
func (s *Server) adminBookingPaymentCreate(c echo.Context) error {
	reference := strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	amount, sign := strings.TrimSpace(c.FormValue("amount")), int64(1)
	if rest, ok := strings.CutPrefix(amount, "-"); ok {
		amount, sign = rest, -1
	}
	cents, ok := form.ParseEuros(amount)
	if !ok {
		cents = 0 // the rule below refuses it with the amount's message
	}
	in := model.PaymentInput{AmountCents: sign * cents, PaidOn: c.FormValue("paid_on"), Method: c.FormValue("method"), Note: c.FormValue("note")}
	_, err := s.office.RecordPayment(c.Request().Context(), actor(c), reference, in)
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid) && fromDetail(c):
		return s.renderBookingDetail(c, http.StatusUnprocessableEntity, reference, s.translate(c, invalid.Fields))
	case errors.As(err, &invalid):
		return s.renderBookingRowWithErrors(c, reference, invalid.Fields)
	case err != nil:
		return err
	case fromDetail(c):
		return redirect(c, bookingDetailPath(reference, "payment"))
	}
	return redirect(c, "/admin/bookings?done=payment&q="+url.QueryEscape(reference))
}

// renderBookingRowWithErrors shows the booking list searched for one reference, with messages.
func (s *Server) renderBookingRowWithErrors(c echo.Context, reference string, errs map[string]string) error {
	ctx := c.Request().Context()
	bookings, err := s.store.SearchBookings(ctx, reference, 1)
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	money, err := s.moneyOf(ctx, t, bookings)
	if err != nil {
		return err
	}
	user, _ := staff(c)
	return s.render(c, http.StatusUnprocessableEntity, pageAdminBookings, t.T("admin.bookings.title"), bookingListData{
		Query: reference, Bookings: bookings, CanMarkPaid: user.IsOwner(), Settlements: money.Lines, Accounts: money.Accounts,
		Today: s.now().In(s.bookings.Location()).Format("2006-01-02"), Methods: model.RecordableMethods,
	}, errs)
}
