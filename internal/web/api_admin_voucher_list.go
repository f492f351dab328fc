package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVoucherList is GET /api/v1/admin/vouchers?page=&per_page=: the discount codes, newest
// first, switched on or off, 1,000 a page with total/page/per_page/next_page (owners only:
// discounts are money).
func (s *Server) apiAdminVoucherList(c echo.Context) error {
	ctx := c.Request().Context()
	r := readPage(c, apiPerPage, apiPerPage)
	if r.Invalid != nil {
		return pageInvalid(c, r)
	}
	vouchers, total, err := s.store.VouchersPage(ctx, r.offset(), r.PerPage)
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
	body := map[string]any{"vouchers": out, "total": total, "page": r.Page, "per_page": r.PerPage}
	if next := r.nextPage(total); next > 0 {
		body["next_page"] = next
	}
	return c.JSON(http.StatusOK, body)
}
