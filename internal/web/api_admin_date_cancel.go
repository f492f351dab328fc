package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminDateCancel is POST /api/v1/admin/dates/{id}/cancel: calls the date off with every
// booking on it, all or nothing (backoffice.CancelDate, as the back office does: full refunds,
// everyone told once). It answers what was cancelled, in the preview's shape; a date the
// preview says cannot be cancelled (cancelled already, nothing left on it) is 409.
func (s *Server) apiAdminDateCancel(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	preview := dateCancelPreview(d, bookings)
	if !preview.Possible {
		return fmt.Errorf("date %d is cancelled already: %w", d.ID, model.ErrInvalidTransition)
	}
	if err := s.office.CancelDate(c.Request().Context(), actor(c), d.ID); err != nil {
		return err
	}
	if preview.Date, err = s.store.DateByID(c.Request().Context(), d.ID); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.dateCancelView(preview))
}
