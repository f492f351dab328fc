package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminVoucherCreate stores a new discount code from the form (owners only). Mistakes and a
// code that exists already re-render the page with what was typed (422).
func (s *Server) adminVoucherCreate(c echo.Context) error {
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.VoucherFromValues(values)
	v, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		return s.renderVouchers(c, http.StatusUnprocessableEntity, f, s.translate(c, errs))
	}
	err = s.office.CreateVoucher(c.Request().Context(), actor(c), &v, f.Seminar)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderVouchers(c, http.StatusUnprocessableEntity, f, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/vouchers?done=created")
}
