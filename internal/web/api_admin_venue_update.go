package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// apiAdminVenueUpdate is PATCH /api/v1/admin/venues/{id}: the fields in the body replace the
// venue's, the others stay. Upcoming dates at the venue take its new name, city and address, and
// their attendees are told (backoffice.UpdateVenue).
func (s *Server) apiAdminVenueUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	old, err := s.store.VenueByID(ctx, id)
	if err != nil {
		return err
	}
	f := form.VenueOf(old)
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	v, errs := f.Validate()
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	v.ID = id
	if err := s.office.UpdateVenue(ctx, actor(c), v); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminVenueView(v))
}
