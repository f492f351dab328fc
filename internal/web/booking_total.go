package web

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingTotal is POST /book/{date}/total: the booking form's total alone (net, VAT, gross and
// the discounts) for the form as it stands, which htmx swaps in when a field changes. Nothing is
// stored and no voucher redeemed; without JavaScript the booking page renders the same total.
func (s *Server) bookingTotal(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.DraftFromValues(values, date.ID)
	if limit := s.bookings.Settings().MaxAttendees; len(f.Attendees) > limit {
		f.Attendees = f.Attendees[:limit]
	}
	d := bookingFormData{Date: date, Form: f}
	if d.Total, err = s.formTotal(c, date, f); err != nil {
		return err
	}
	t, err := s.views.page(pageBookingForm)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "booking_total", s.page(c, "", d)); err != nil {
		return fmt.Errorf("render booking_total: %w", err)
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

// formTotal prices the form as it stands (booking.Service.Quote) with its problems translated.
func (s *Server) formTotal(c echo.Context, date model.SeminarDate, f form.Booking) (*formTotalData, error) {
	q, err := s.bookings.Quote(c.Request().Context(), booking.QuoteRequest{
		Date: date, Seats: max(len(f.Attendees), 1), Voucher: f.Voucher, Billing: f.Billing.Model(),
	})
	if err != nil {
		return nil, err
	}
	return &formTotalData{Quoted: q, Messages: s.translate(c, q.Problems)}, nil
}

// formTotalData is the booking form's total: the quote and, translated, why a voucher or VAT ID
// does not count yet, or why no total can be given.
type formTotalData struct {
	booking.Quoted
	Messages map[string]string
}

// Refusal is the message shown instead of a total the tax rules refuse.
func (t formTotalData) Refusal() string {
	if !t.Refused {
		return ""
	}
	return t.Messages["billing.vat_id"]
}
