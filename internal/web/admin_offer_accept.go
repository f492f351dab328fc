package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminOfferAccept marks an offer accepted for the proposed date the company chose (form field
// choice, 1-based) — the company said yes by phone or mail — and makes its unlisted date. Staff
// may accept after the validity ran out; the company's own page may not.
func (s *Server) adminOfferAccept(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	choice, err := strconv.Atoi(c.FormValue("choice"))
	if err != nil {
		choice = 0 // out of range: the use case says which field
	}
	_, err = s.office.AcceptOffer(c.Request().Context(), actor(c), id, choice-1)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		d, derr := s.offerShowData(c, id)
		if derr != nil {
			return derr
		}
		t := s.i18n.For(language(c))
		return s.render(c, http.StatusUnprocessableEntity, pageAdminOffer, t.T("offer.admin.show_title", "Number", d.Offer.Number), d, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, offerAdminPath(id)+"?done=accepted")
}
