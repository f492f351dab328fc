package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminVenueCreate stores a new venue from the form; mistakes re-render it (422).
func (s *Server) adminVenueCreate(c echo.Context) error {
	f := form.VenueFromValues(mustForm(c))
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.renderVenueForm(c, http.StatusUnprocessableEntity, model.Venue{}, f, s.translate(c, errs))
	}
	if err := s.office.CreateVenue(c.Request().Context(), actor(c), &r); err != nil {
		return err
	}
	return redirect(c, "/admin/venues?done=created")
}

// adminVenueUpdate writes the form onto a venue; mistakes re-render it (422).
func (s *Server) adminVenueUpdate(c echo.Context) error {
	old, err := s.adminVenue(c)
	if err != nil {
		return err
	}
	f := form.VenueFromValues(mustForm(c))
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.renderVenueForm(c, http.StatusUnprocessableEntity, old, f, s.translate(c, errs))
	}
	r.ID = old.ID
	if err := s.office.UpdateVenue(c.Request().Context(), actor(c), r); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/venues?done=updated#venue-%d", r.ID))
}
