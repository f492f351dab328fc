package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminDateCancelPreview is GET /api/v1/admin/dates/{id}/cancel: what cancelling the date
// would do — every booking, how many people, what is refunded — worked out as the back
// office's confirmation page does (dateCancelPreview). Owners only, like the cancellation.
func (s *Server) apiAdminDateCancelPreview(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.dateCancelView(dateCancelPreview(d, bookings)))
}
