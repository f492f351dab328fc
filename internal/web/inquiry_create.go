package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// inquiryCreate takes an in-house inquiry into the admin inbox.
func (s *Server) inquiryCreate(c echo.Context) error {
	f := form.InquiryFromValues(mustForm(c))
	if c.FormValue("action") == actionSwitchLanguage {
		s.rememberLanguage(c, language(c))
		return s.renderInquiry(c, http.StatusOK, f, false, nil)
	}
	inquiry, errs := f.Validate(language(c))
	if len(errs) > 0 {
		return s.renderInquiry(c, http.StatusUnprocessableEntity, f, false, s.translate(c, errs))
	}
	if err := s.office.SubmitInquiry(c.Request().Context(), &inquiry); err != nil {
		return err
	}
	return redirect(c, href(c, "/inhouse?sent=1"))
}
