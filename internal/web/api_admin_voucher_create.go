package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminVoucherCreate is POST /api/v1/admin/vouchers: a new discount code, by the back
// office's rules and use case (form.Voucher, backoffice.CreateVoucher). Owners only.
func (s *Server) apiAdminVoucherCreate(c echo.Context) error {
	body, answered, ok := s.decodeVoucherBody(c)
	if !ok {
		return answered
	}
	f := body.over(form.Voucher{Code: body.Code})
	v, errs := s.validateVoucher(f)
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	if body.Active != nil {
		v.Active = *body.Active
	}
	ctx := c.Request().Context()
	err := s.office.CreateVoucher(ctx, actor(c), &v, strings.TrimSpace(f.Seminar))
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, voucherFields(invalid.Fields))
	}
	if err != nil {
		return err
	}
	out, err := s.adminVoucher(ctx, v.Code)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, out)
}
