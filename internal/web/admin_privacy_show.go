package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/privacy"
)

// adminPrivacyData is the back office's page for access and erasure requests.
type adminPrivacyData struct {
	Email string
	// Found is what is stored about Email, shown before an erasure is confirmed.
	Found *privacy.PersonExport
	// Erased is how many records the last erasure changed (after the redirect), -1 for none.
	Erased int
	// Refused says why the erasure was refused, translated.
	Refused   string
	Retention privacy.Settings
}

// adminPrivacyShow is GET /admin/privacy: the form to export or erase what is stored about one
// e-mail address (owners only).
func (s *Server) adminPrivacyShow(c echo.Context) error {
	d := adminPrivacyData{Email: c.QueryParam("email"), Erased: -1, Retention: s.privacy.Settings()}
	if c.QueryParam("done") == "erased" {
		if n, err := strconv.Atoi(c.QueryParam("n")); err == nil {
			d.Erased = n
		}
	}
	return s.renderPrivacy(c, http.StatusOK, d, nil)
}

func (s *Server) renderPrivacy(c echo.Context, status int, d adminPrivacyData, errs map[string]string) error {
	d.Retention = s.privacy.Settings()
	return s.render(c, status, pageAdminPrivacy, s.i18n.For(language(c)).T("privacy.title"), d, errs)
}
