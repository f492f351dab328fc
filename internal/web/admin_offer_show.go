package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminOfferShow is one offer: its facts and PDF, the company's private link (to send again by
// hand), "mark accepted" while it is open, and once accepted its unlisted date with the
// company's booking link and the bookings made through it.
func (s *Server) adminOfferShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := s.offerShowData(c, id)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store") // it shows private links
	title := s.i18n.For(language(c)).T("offer.admin.show_title", "Number", d.Offer.Number)
	return s.render(c, http.StatusOK, pageAdminOffer, title, d, nil)
}

func (s *Server) offerShowData(c echo.Context, id uint) (offerShowData, error) {
	ctx := c.Request().Context()
	o, err := s.store.OfferByID(ctx, id)
	if err != nil {
		return offerShowData{}, err
	}
	d := offerShowData{Offer: o, Acceptable: o.Status == model.OfferSent, Notice: c.QueryParam("done"),
		OfferURL: s.cfg.BaseURL + localized(o.Language, offerPath(o, s.secrets.OfferToken(o.ID)))}
	if o.DateID != nil {
		date, err := s.store.DateByID(ctx, *o.DateID)
		if err != nil {
			return offerShowData{}, err
		}
		d.Date = &date
		d.BookURL = s.cfg.BaseURL + localized(o.Language, inhouseBookPath(date.ID, s.secrets.InhouseDateToken(date.ID)))
		if d.Bookings, err = s.store.BookingsOfDate(ctx, date.ID); err != nil {
			return offerShowData{}, err
		}
	}
	return d, nil
}
