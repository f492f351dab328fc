package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminSeminarNew shows an empty seminar form.
func (s *Server) adminSeminarNew(c echo.Context) error {
	f := form.Seminar{DurationMinutes: 480, Published: true}
	return s.renderSeminarForm(c, http.StatusOK, model.Seminar{}, f, "", nil)
}

// adminSeminarEdit shows a seminar's form with its dates.
func (s *Server) adminSeminarEdit(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	return s.renderSeminarForm(c, http.StatusOK, sem, form.SeminarOf(sem), form.Euros(sem.DefaultPriceCents), nil)
}

func (s *Server) renderSeminarForm(c echo.Context, status int, sem model.Seminar, f form.Seminar, price string, errs map[string]string) error {
	t := s.i18n.For(language(c))
	title := t.T("admin.seminar.new")
	if sem.ID != 0 {
		title = sem.TitleDE
	}
	percent := c.FormValue("group_percent") // what was typed, when the form comes back with errors
	if c.Request().Method == http.MethodGet && f.GroupPercentBP > 0 {
		percent = strings.TrimSuffix(i18n.Percent(language(c), f.GroupPercentBP), "\u00a0%")
		percent = strings.TrimSuffix(percent, "%")
	}
	return s.render(c, status, pageAdminSeminarForm, title, seminarFormData{
		Seminar: sem, Form: f, Price: price, Functions: model.BusinessFunctions, Saved: c.QueryParam("saved") != "",
		GroupPercent: percent, GlobalGroup: s.bookings.Settings().GroupDiscount,
	}, errs)
}

func (s *Server) adminSeminar(c echo.Context) (model.Seminar, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return model.Seminar{}, err
	}
	return s.store.SeminarByID(c.Request().Context(), id)
}
