package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminInquiryList is the inbox of in-house inquiries, open ones first.
func (s *Server) adminInquiryList(c echo.Context) error {
	inquiries, err := s.store.Inquiries(c.Request().Context(), 300)
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.inquiries.title")
	return s.render(c, http.StatusOK, pageAdminInquiries, title, inquiryListData{Inquiries: inquiries}, nil)
}
