package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/backoffice"
	"seminars/internal/model"
)

// offerAccept is the company's "accept" on its offer page (form field choice: the proposed date,
// 1-based). The offer becomes its unlisted date; the company is sent the booking link, and the
// page shows it at once.
func (s *Server) offerAccept(c echo.Context) error {
	o, token, err := s.offerFromLink(c)
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	choice, convErr := strconv.Atoi(c.FormValue("choice"))
	if convErr != nil {
		choice = 0
	}
	accepted, err := s.office.AcceptOffer(c.Request().Context(), backoffice.AcceptedByCompany, o.ID, choice-1)
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderOfferPage(c, http.StatusUnprocessableEntity, o, token, t.T("offer.error.choice"))
	case backoffice.IsOfferExpired(err):
		return s.renderOfferPage(c, http.StatusConflict, o, token, t.T("offer.error.expired"))
	case errors.Is(err, model.ErrInvalidTransition):
		return s.renderOfferPage(c, http.StatusConflict, o, token, t.T("offer.error.not_open"))
	case err != nil:
		return err
	}
	return redirect(c, href(c, offerPath(accepted, token))+"?done=accepted")
}
