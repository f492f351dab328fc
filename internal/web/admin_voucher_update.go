package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminVoucherUpdate saves a voucher's discount, seminar, last day and limit (owners only). The
// code cannot change; mistakes re-render the form with what was typed (422).
func (s *Server) adminVoucherUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := model.ParseID("id", c.Param("id"))
	if err != nil {
		return err
	}
	v, err := s.store.VoucherByID(ctx, id)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.VoucherFromValues(values)
	f.Code = v.Code // the code is not the form's to change
	changed, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		return s.renderVoucherEdit(c, http.StatusUnprocessableEntity, v, f, s.translate(c, errs))
	}
	_, err = s.office.UpdateVoucher(ctx, actor(c), id, changed, f.Seminar)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderVoucherEdit(c, http.StatusUnprocessableEntity, v, f, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/vouchers?done=updated")
}
