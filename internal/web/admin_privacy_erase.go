package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminPrivacyEraseConfirm is GET /admin/privacy/erase?email=: what is stored about the address,
// and the button that erases it (owners only).
func (s *Server) adminPrivacyEraseConfirm(c echo.Context) error {
	email := c.QueryParam("email")
	found, err := s.privacy.ExportPerson(c.Request().Context(), email)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		return s.renderPrivacy(c, http.StatusUnprocessableEntity, adminPrivacyData{Email: email, Erased: -1},
			map[string]string{"email": s.i18n.For(language(c)).T(invalid.MessageKey())})
	}
	if err != nil {
		return err
	}
	return s.renderPrivacy(c, http.StatusOK, adminPrivacyData{Email: found.Email, Found: &found, Erased: -1}, nil)
}

// adminPrivacyErase is POST /admin/privacy/erase: erases the person (privacy.Erase) and goes back
// to the form with the number of records changed; a refusal is shown with its reason.
func (s *Server) adminPrivacyErase(c echo.Context) error {
	email := c.FormValue("email")
	e, err := s.privacy.Erase(c.Request().Context(), actor(c), email)
	t := s.i18n.For(language(c))
	var invalid *model.FieldError
	var refused *model.ErasureRefusedError
	switch {
	case errors.As(err, &invalid):
		return s.renderPrivacy(c, http.StatusUnprocessableEntity, adminPrivacyData{Email: email, Erased: -1},
			map[string]string{"email": t.T(invalid.MessageKey())})
	case errors.As(err, &refused):
		return s.renderPrivacy(c, http.StatusConflict, adminPrivacyData{Email: email, Erased: -1,
			Refused: t.T("privacy.refused."+refused.Reason, "Reference", refused.Reference)}, nil)
	case err != nil:
		return err
	}
	return redirect(c, "/admin/privacy?done=erased&n="+strconv.Itoa(e.Total()))
}
