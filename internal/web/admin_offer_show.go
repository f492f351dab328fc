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
	if r := readPage(c, adminPerPage, adminPerPage); r.Invalid != nil {
		return pageRedirect(c, r) // as every back-office list: without the unreadable parameters
	}
	d, err := s.offerShowData(c, id)
	if err != nil {
		return err
	}
	if d.Pager.pastEnd() {
		return redirect(c, d.Pager.Prev) // the last page of its bookings
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
		// The bookings a page at a time, without their attendees (the attendee list, linked,
		// shows the people): an unlisted date can be a large online course.
		r := readPage(c, adminPerPage, adminPerPage)
		if r.Invalid != nil { // a re-rendered form's POST: adminOfferShow redirects a GET
			r = pageRequest{Page: 1, PerPage: adminPerPage}
		}
		var total int64
		if d.Bookings, total, err = s.store.BookingsOfDatePage(ctx, date.ID, r.offset(), r.PerPage); err != nil {
			return offerShowData{}, err
		}
		d.Pager = newPager(c.Request().URL.Path, c.QueryParams(), r, total)
	}
	return d, nil
}
