package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingNew shows the booking form for a date.
func (s *Server) bookingNew(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	rows, _ := strconv.Atoi(c.QueryParam("n"))
	rows = min(max(rows, 1), s.bookings.Settings().MaxAttendees)
	f := form.Booking{DateID: date.ID, Attendees: make([]form.Attendee, rows), PaymentMethod: s.defaultPaymentMethod()}
	f.Billing.Country = "DE"
	return s.renderBookingForm(c, http.StatusOK, date, f, nil, "")
}

// bookableDate loads the date named in the path; a date that is past, cancelled or unknown is 404.
func (s *Server) bookableDate(c echo.Context) (model.SeminarDate, error) {
	id, err := model.ParseID("date", c.Param("date"))
	if err != nil {
		return model.SeminarDate{}, fmt.Errorf("date %q: %w", c.Param("date"), model.ErrNotFound)
	}
	date, err := s.store.DateByID(c.Request().Context(), id)
	if err != nil {
		return model.SeminarDate{}, err
	}
	if !date.Bookable(s.now()) || date.Seminar == nil || !date.Seminar.Published {
		return model.SeminarDate{}, fmt.Errorf("date %d: %w", id, model.ErrNotFound)
	}
	return date, nil
}

func (s *Server) defaultPaymentMethod() string {
	if s.bookings.Settings().InvoicePayment {
		return model.PaymentInvoice
	}
	return model.PaymentCard
}

func (s *Server) renderBookingForm(c echo.Context, status int, date model.SeminarDate, f form.Booking, errs map[string]string, problem string) error {
	title := s.i18n.For(language(c)).T("booking.title", "Seminar", date.Seminar.Title(language(c)))
	return s.render(c, status, pageBookingForm, title, bookingFormData{
		Date: date, Form: f, Tax: s.domesticTax(), Now: s.now(), Problem: problem,
		Countries: billingCountries(),
	}, errs)
}
