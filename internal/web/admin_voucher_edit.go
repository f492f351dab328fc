package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// voucherEditData is the form of one voucher: what it gives, where and how long, and its switch.
type voucherEditData struct {
	Voucher  model.Voucher
	Seminars []model.Seminar
	Form     form.Voucher
}

// adminVoucherEdit shows a voucher's form (owners only: discounts are money).
func (s *Server) adminVoucherEdit(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := model.ParseID("id", c.Param("id"))
	if err != nil {
		return err
	}
	v, err := s.store.VoucherByID(ctx, id)
	if err != nil {
		return err
	}
	slug := ""
	if v.SeminarID != nil {
		sem, err := s.store.SeminarByID(ctx, *v.SeminarID)
		if err != nil {
			return err
		}
		slug = sem.Slug
	}
	return s.renderVoucherEdit(c, http.StatusOK, v, form.VoucherForm(v, slug, s.cfg.Location), nil)
}

func (s *Server) renderVoucherEdit(c echo.Context, status int, v model.Voucher, f form.Voucher, errs map[string]string) error {
	seminars, err := s.store.AdminSeminars(c.Request().Context())
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.vouchers.edit_title", "Code", v.Code)
	return s.render(c, status, pageAdminVoucherForm, title, voucherEditData{Voucher: v, Seminars: seminars, Form: f}, errs)
}
