package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminBookingBillingUpdate saves the billing data: the invoice is corrected (credit note and
// new invoice, mailed to the billing contact). A change that alters the price (the tax decided
// again) is an owner's; an assistant gets the form back with the reason.
func (s *Server) adminBookingBillingUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.BillingFromValues(values)
	if errs := f.Validate(); len(errs) > 0 {
		return s.renderBillingEdit(c, http.StatusUnprocessableEntity, b, f, s.translate(c, errs), "")
	}
	_, err = s.office.EditBilling(ctx, actor(c), actsAsOwner(c), b.Reference, f.Model())
	t := s.i18n.For(language(c))
	var invalid *model.ValidationError
	switch {
	case err == nil:
		return redirect(c, bookingDetailPath(b.Reference, "billing")) // the new invoice is listed there
	case errors.As(err, &invalid):
		return s.renderBillingEdit(c, http.StatusUnprocessableEntity, b, f, s.translate(c, invalid.Fields), "")
	case errors.Is(err, model.ErrForbiddenRole):
		return s.renderBillingEdit(c, http.StatusForbidden, b, f, nil, t.T("admin.billing.owner_only"))
	case errors.Is(err, model.ErrInvalidTransition):
		return s.renderBillingEdit(c, http.StatusUnprocessableEntity, b, f, nil, t.T("admin.billing.impossible"))
	}
	return err
}
