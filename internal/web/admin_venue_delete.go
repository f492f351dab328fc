package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminVenueDelete removes a venue that no date names; one still in use stays, and the list says
// why.
func (s *Server) adminVenueDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	err = s.office.DeleteVenue(c.Request().Context(), actor(c), id)
	if errors.Is(err, model.ErrInUse) {
		return redirect(c, "/admin/venues?done=in_use")
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/venues?done=deleted")
}
