package web

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// adminMaterialDelete is POST /admin/materials/{id}/delete: the material (and a file's bytes)
// is gone for every attendee; back to the page it was deleted from.
func (s *Server) adminMaterialDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.office.DeleteMaterial(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	back := "/admin/seminars/" + strconv.FormatUint(uint64(m.SeminarID), 10) + "/materials?done=deleted"
	// The date page sends its date along, to go back there.
	if dateID, err := strconv.ParseUint(c.FormValue("date"), 10, 32); err == nil {
		back = "/admin/dates/" + strconv.FormatUint(dateID, 10) + "/materials?done=deleted"
	}
	return redirect(c, back)
}
