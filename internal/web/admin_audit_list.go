package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminAuditList shows who changed what, newest first (owners only).
func (s *Server) adminAuditList(c echo.Context) error {
	entries, err := s.store.AuditLog(c.Request().Context(), 500)
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.audit.title")
	return s.render(c, http.StatusOK, pageAdminAudit, title, auditData{Entries: entries}, nil)
}
