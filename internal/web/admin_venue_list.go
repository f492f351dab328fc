package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// venueListData is the back office's list of venues, with the notice of what was just done.
type venueListData struct {
	Venues []model.Venue
	Notice string
}

// adminVenueList lists the venues (owners and assistants).
func (s *Server) adminVenueList(c echo.Context) error {
	records, err := s.store.Venues(c.Request().Context())
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageAdminVenues, t.T("admin.venues.title"), venueListData{Venues: records, Notice: c.QueryParam("done")}, nil)
}
