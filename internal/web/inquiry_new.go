package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

type inquiryData struct {
	Form     form.Inquiry
	Seminars []model.Seminar
	Sent     bool
}

// inquiryNew shows the form "Inhouse-Seminar anfragen"; ?seminar=ID preselects a seminar.
func (s *Server) inquiryNew(c echo.Context) error {
	f := form.Inquiry{SeminarID: c.QueryParam("seminar")}
	return s.renderInquiry(c, http.StatusOK, f, nil, c.QueryParam("sent") == "1")
}

func (s *Server) renderInquiry(c echo.Context, status int, f form.Inquiry, errs map[string]string, sent bool) error {
	seminars, err := s.store.SeminarTitles(c.Request().Context())
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("inquiry.title")
	return s.render(c, status, pageInquiry, title, inquiryData{Form: f, Seminars: seminars, Sent: sent}, errs)
}
