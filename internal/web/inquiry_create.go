package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/store"
	"seminars/internal/web/form"
)

// inquiryCreate stores an in-house inquiry for the trainer's inbox.
func (s *Server) inquiryCreate(c echo.Context) error {
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.InquiryFromValues(values)
	seminars, err := s.store.SeminarTitles(c.Request().Context())
	if err != nil {
		return err
	}
	known := func(id uint) bool {
		for _, sem := range seminars {
			if sem.ID == id {
				return true
			}
		}
		return false
	}
	if errs := f.Validate(known); len(errs) > 0 {
		return s.renderInquiry(c, http.StatusUnprocessableEntity, f, s.translate(c, errs), false)
	}
	inquiry := f.Model(language(c))
	err = s.store.WithTx(c.Request().Context(), func(tx *store.Tx) error { return tx.CreateInquiry(c.Request().Context(), &inquiry) })
	if err != nil {
		return err
	}
	s.log.Info("in-house inquiry received", "id", inquiry.ID, "company", inquiry.Company)
	return redirect(c, "/inhouse?sent=1")
}
