package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminVoucherSwitch switches a voucher off (active=0) or on again (active=1), owners only. A
// switched-off code is refused at booking with its own message; bookings made with it keep
// their discount.
func (s *Server) adminVoucherSwitch(c echo.Context) error {
	id, err := model.ParseID("id", c.Param("id"))
	if err != nil {
		return err
	}
	var active bool
	switch c.FormValue("active") {
	case "1":
		active = true
	case "0":
	default:
		return echo.NewHTTPError(http.StatusBadRequest, "active must be 0 or 1")
	}
	if _, err := s.office.SwitchVoucher(c.Request().Context(), actor(c), id, active); err != nil {
		return err
	}
	if active {
		return redirect(c, "/admin/vouchers?done=switched_on")
	}
	return redirect(c, "/admin/vouchers?done=switched_off")
}
