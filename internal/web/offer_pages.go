package web

import (
	"net/url"
	"strconv"
	"time"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// In-house offer pages: the back office's form, list and detail, and the company's private page.
const (
	pageAdminOfferForm = "admin/offer_form.html"
	pageAdminOffers    = "admin/offers.html"
	pageAdminOffer     = "admin/offer.html"
	pageOffer          = "pages/offer.html"
)

// offerPageNames are registered with the other pages in render.go.
var offerPageNames = []string{pageAdminOfferForm, pageAdminOffers, pageAdminOffer, pageOffer}

// offerFormData is the offer form for one inquiry.
type offerFormData struct {
	Inquiry  model.InhouseInquiry
	Seminars []model.Seminar
	Form     form.Offer
}

// offerListData lists the offers, newest first.
type offerListData struct {
	Offers []model.Offer
	Now    time.Time // an open offer past its validity shows as expired
}

// offerShowData is one offer in the back office: its facts, the company's private link, the
// unlisted date and its booking link once accepted.
type offerShowData struct {
	Offer      model.Offer
	OfferURL   string
	Date       *model.SeminarDate
	BookURL    string
	Bookings   []model.Booking // one page of the date's bookings holding seats
	Pager      pager
	Acceptable bool
	Notice     string // what just happened (sent, accepted)
}

// offerPageData is the company's private offer page.
type offerPageData struct {
	Offer      model.Offer
	Token      string
	Acceptable bool
	BookURL    string
	Problem    string
	Notice     string
}

// offerPath is an offer's private page (German path; href localises it).
func offerPath(o model.Offer, token string) string {
	return "/angebot/" + strconv.FormatUint(uint64(o.ID), 10) + "/" + url.PathEscape(token)
}

// inhouseBookPath is the booking page of an unlisted date with its key (German path).
func inhouseBookPath(dateID uint, key string) string {
	return "/book/" + strconv.FormatUint(uint64(dateID), 10) + "?k=" + url.QueryEscape(key)
}
