package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminInquiryList is the inbox of in-house inquiries, open ones first.
func (s *Server) adminInquiryList(c echo.Context) error {
	inquiries, err := s.store.Inquiries(c.Request().Context(), 300)
	if err != nil {
		return err
	}
	offers, err := s.store.Offers(c.Request().Context(), 0, 1000)
	if err != nil {
		return err
	}
	byInquiry := map[uint][]model.Offer{}
	for _, o := range offers {
		byInquiry[o.InquiryID] = append(byInquiry[o.InquiryID], o)
	}
	title := s.i18n.For(language(c)).T("admin.inquiries.title")
	return s.render(c, http.StatusOK, pageAdminInquiries, title, inquiryListData{Inquiries: inquiries, Offers: byInquiry}, nil)
}
