package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminDateNew shows an empty date form for a seminar, with its default price.
func (s *Server) adminDateNew(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	f := form.Date{Capacity: 12, Format: model.FormatInPerson, Status: model.DateDraft, PriceText: form.Euros(sem.DefaultPriceCents)}
	return s.renderDateForm(c, http.StatusOK, sem, model.SeminarDate{}, f, "", nil)
}

// adminDateEdit shows a date's form.
func (s *Server) adminDateEdit(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	return s.renderDateForm(c, http.StatusOK, *d.Seminar, d, form.DateOf(d, s.cfg.Location), "", nil)
}

func (s *Server) adminDate(c echo.Context) (model.SeminarDate, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return model.SeminarDate{}, err
	}
	return s.store.DateByID(c.Request().Context(), id)
}

// adminDateBookings loads the date named in the path with the bookings that hold seats on it.
func (s *Server) adminDateBookings(c echo.Context) (model.SeminarDate, []model.Booking, error) {
	d, err := s.adminDate(c)
	if err != nil {
		return d, nil, err
	}
	bookings, err := s.store.BookingsOfDate(c.Request().Context(), d.ID)
	return d, bookings, err
}

func (s *Server) renderDateForm(c echo.Context, status int, sem model.Seminar, d model.SeminarDate, f form.Date, problem string, errs map[string]string) error {
	t := s.i18n.For(language(c))
	title := t.T("admin.date.new")
	if d.ID != 0 {
		title = t.T("admin.date.edit")
	}
	ctx := c.Request().Context()
	venues, err := s.store.Venues(ctx)
	if err != nil {
		return err
	}
	trainers, err := s.store.Trainers(ctx)
	if err != nil {
		return err
	}
	return s.render(c, status, pageAdminDateForm, title, dateFormData{Seminar: sem, Date: d, Form: f, Problem: problem,
		Venues: venues, Trainers: trainers}, errs)
}
