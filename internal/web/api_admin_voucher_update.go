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
	// The terms and the switch are two back-office actions (the voucher page's two forms), each
	// with its own audit entry; a body with both runs both, terms first.
	if body.changesTerms() {
		_, err = s.office.UpdateVoucher(ctx, actor(c), old.ID, v, strings.TrimSpace(f.Seminar))
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return s.validationFailed(c, voucherFields(invalid.Fields))
		}
		if err != nil {
			return err
		}
	}
	if body.Active != nil {
		if _, err := s.office.SwitchVoucher(ctx, actor(c), old.ID, *body.Active); err != nil {
			return err
		}
	}
	out, err := s.adminVoucher(ctx, old.Code)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}
