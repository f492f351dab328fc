package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminVoucherUpdate is PATCH /api/v1/admin/vouchers/{code}: the fields in the body replace
// the voucher's ({"active":false} switches it off: it is refused at booking from then on);
// the code and how often it was used stay. Owners only.
func (s *Server) apiAdminVoucherUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	old, err := s.store.VoucherByCode(ctx, c.Param("code"))
	if err != nil {
		return err
	}
	body, answered, ok := s.decodeVoucherBody(c)
	if !ok {
		return answered
	}
	slugs, err := s.voucherSlugs(ctx)
	if err != nil {
		return err
	}
	var slug string
	if old.SeminarID != nil {
		slug = slugs[*old.SeminarID]
	}
	f := body.over(s.voucherFormOf(old, slug))
	v, errs := s.validateVoucher(f)
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	v.Code, v.Active = old.Code, old.Active
	if body.Active != nil {
		v.Active = *body.Active
	}
	err = s.office.UpdateVoucher(ctx, actor(c), &v, strings.TrimSpace(f.Seminar))
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
	return c.JSON(http.StatusOK, out)
}
