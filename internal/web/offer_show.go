package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// offerShow is the company's private page of an offer (/angebot/{id}/{token}): the offer, its
// PDF, and the button to accept it for one of the proposed dates while it is valid; once
// accepted, the link where the company books its attendees. A wrong token is 404, like an
// unknown offer, so offers cannot be probed.
func (s *Server) offerShow(c echo.Context) error {
	o, token, err := s.offerFromLink(c)
	if err != nil {
		return err
	}
	return s.renderOfferPage(c, http.StatusOK, o, token, "")
}

// offerFromLink loads the offer named in the path if the path's token is its secret.
func (s *Server) offerFromLink(c echo.Context) (model.Offer, string, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return model.Offer{}, "", err
	}
	token := c.Param("token")
	o, err := s.store.OfferByID(c.Request().Context(), id)
	if err != nil {
		return model.Offer{}, "", err
	}
	if !s.secrets.MatchesOfferToken(token, o.ID) {
		return model.Offer{}, "", fmt.Errorf("offer %d: wrong link: %w", o.ID, model.ErrNotFound)
	}
	return o, token, nil
}

func (s *Server) renderOfferPage(c echo.Context, status int, o model.Offer, token, problem string) error {
	d := offerPageData{Offer: o, Token: token, Acceptable: o.Acceptable(s.now()), Problem: problem, Notice: c.QueryParam("done")}
	if o.DateID != nil {
		d.BookURL = href(c, inhouseBookPath(*o.DateID, s.secrets.InhouseDateToken(*o.DateID)))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	title := s.i18n.For(language(c)).T("offer.page.title", "Number", o.Number)
	return s.render(c, status, pageOffer, title, d, nil)
}
