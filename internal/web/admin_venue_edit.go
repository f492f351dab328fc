package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// venueFormData is the form of a new or stored venue.
type venueFormData struct {
	Venue model.Venue
	Form  form.Venue
}

// adminVenueNew shows an empty venue form.
func (s *Server) adminVenueNew(c echo.Context) error {
	return s.renderVenueForm(c, http.StatusOK, model.Venue{}, form.Venue{}, nil)
}

// adminVenueEdit shows a venue's form.
func (s *Server) adminVenueEdit(c echo.Context) error {
	r, err := s.adminVenue(c)
	if err != nil {
		return err
	}
	return s.renderVenueForm(c, http.StatusOK, r, form.VenueOf(r), nil)
}

// adminVenue loads the venue named in the path.
func (s *Server) adminVenue(c echo.Context) (model.Venue, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return model.Venue{}, err
	}
	return s.store.VenueByID(c.Request().Context(), id)
}

func (s *Server) renderVenueForm(c echo.Context, status int, r model.Venue, f form.Venue, errs map[string]string) error {
	t := s.i18n.For(language(c))
	title := t.T("admin.venues.new")
	if r.ID != 0 {
		title = t.T("admin.venues.edit", "Name", r.Name)
	}
	return s.render(c, status, pageAdminVenueForm, title, venueFormData{Venue: r, Form: f}, errs)
}
