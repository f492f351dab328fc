package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// apiAdminVenueCreate is POST /api/v1/admin/venues: 201 with the new venue, 422 with per-field
// errors.
func (s *Server) apiAdminVenueCreate(c echo.Context) error {
	var f form.Venue
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	if err := s.office.CreateVenue(c.Request().Context(), actor(c), &r); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, adminVenueView(r))
}
