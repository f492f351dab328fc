package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// billingEditData is the trainer's form for a booking's billing data.
type billingEditData struct {
	Booking   model.Booking
	Form      form.Billing
	Countries []string
	Problem   string
}

// billingCountries are the countries the billing forms offer.
func billingCountries() []string {
	return []string{"DE", "AT", "CH", "LU", "NL", "BE", "FR", "IT", "PL", "DK"}
}

// adminBookingBillingEdit shows the booking's billing data to correct; saving issues a
// correction of the invoice.
func (s *Server) adminBookingBillingEdit(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	bl := b.Billing
	f := form.Billing{Company: bl.Company, Name: bl.Name, Email: bl.Email, Street: bl.Street, PostalCode: bl.PostalCode,
		City: bl.City, Country: bl.Country, VATID: bl.VATID, PONumber: bl.PONumber, BuyerReference: bl.BuyerReference}
	return s.renderBillingEdit(c, http.StatusOK, b, f, nil, "")
}

func (s *Server) renderBillingEdit(c echo.Context, status int, b model.Booking, f form.Billing, errs map[string]string, problem string) error {
	title := s.i18n.For(language(c)).T("admin.billing.title", "Reference", b.Reference)
	return s.render(c, status, pageAdminBookingBilling, title, billingEditData{Booking: b, Form: f, Countries: billingCountries(), Problem: problem}, errs)
}
