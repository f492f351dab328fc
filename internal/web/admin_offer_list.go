package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminOfferList lists the in-house offers, newest first, with their state.
func (s *Server) adminOfferList(c echo.Context) error {
	offers, err := s.store.Offers(c.Request().Context(), 0, 300)
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("offer.admin.list_title")
	return s.render(c, http.StatusOK, pageAdminOffers, title, offerListData{Offers: offers, Now: s.now()}, nil)
}
