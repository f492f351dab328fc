package web

import (
	"github.com/labstack/echo/v4"
)

// adminInquiryMark marks an inquiry handled, or open again (form field status = done | new).
func (s *Server) adminInquiryMark(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.office.SetInquiryStatus(c.Request().Context(), id, c.FormValue("status")); err != nil {
		return err
	}
	return redirect(c, "/admin/inquiries")
}
