package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVoucherList is GET /api/v1/admin/vouchers: every discount code, newest first, switched
// on or off (owners only: discounts are money).
func (s *Server) apiAdminVoucherList(c echo.Context) error {
	ctx := c.Request().Context()
	vouchers, err := s.store.ListVouchers(ctx)
	if err != nil {
		return err
	}
	slugs, err := s.voucherSlugs(ctx)
	if err != nil {
		return err
	}
	out := make([]adminVoucherJSON, 0, len(vouchers))
	for _, v := range vouchers {
		out = append(out, s.adminVoucherView(v, slugs))
	}
	return c.JSON(http.StatusOK, map[string]any{"vouchers": out})
}
