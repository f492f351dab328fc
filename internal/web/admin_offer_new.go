package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminOfferNew shows the offer form for an inquiry, filled from what the company asked: its
// head count, its language, valid for four weeks (owners only: an offer sets a price).
func (s *Server) adminOfferNew(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	inq, err := s.store.InquiryByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f := form.Offer{
		Persons: inq.Participants, Pricing: model.PricingFlat, Format: model.FormatInPerson, Language: inq.Language,
		ValidUntil: s.now().In(s.cfg.Location).AddDate(0, 0, 28).Format("2006-01-02"),
	}
	return s.renderOfferForm(c, http.StatusOK, inq, f, nil)
}

func (s *Server) renderOfferForm(c echo.Context, status int, inq model.InhouseInquiry, f form.Offer, errs map[string]string) error {
	seminars, err := s.store.AdminSeminars(c.Request().Context())
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("offer.admin.new_title", "Company", inq.Company)
	return s.render(c, status, pageAdminOfferForm, title, offerFormData{Inquiry: inq, Seminars: seminars, Form: f}, errs)
}

// offerAdminPath is an offer's page in the back office.
func offerAdminPath(id uint) string { return "/admin/offers/" + strconv.FormatUint(uint64(id), 10) }
