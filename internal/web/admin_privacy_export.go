package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/privacy"
)

// adminPrivacyExport is GET /admin/privacy/export.json?email=: everything stored about one
// address as a JSON download (owners only). A malformed address re-shows the form with its error.
func (s *Server) adminPrivacyExport(c echo.Context) error {
	email := c.QueryParam("email")
	export, err := s.privacy.ExportPerson(c.Request().Context(), email)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		return s.renderPrivacy(c, http.StatusUnprocessableEntity, adminPrivacyData{Email: email, Erased: -1},
			map[string]string{"email": s.i18n.For(language(c)).T(invalid.MessageKey())})
	}
	if err != nil {
		return err
	}
	download(c, "personal-data-"+privacy.Subject(email)[len("person "):]+".json")
	return c.JSONPretty(http.StatusOK, export, "  ")
}
