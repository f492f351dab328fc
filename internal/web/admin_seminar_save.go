package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminSeminarCreate stores a new seminar from the form.
func (s *Server) adminSeminarCreate(c echo.Context) error {
	return s.saveSeminar(c, model.Seminar{})
}

// adminSeminarUpdate writes the form onto an existing seminar.
func (s *Server) adminSeminarUpdate(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	return s.saveSeminar(c, sem)
}

func (s *Server) saveSeminar(c echo.Context, sem model.Seminar) error {
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f, price := form.SeminarFromValues(values)
	if _, sent := values["group_pricing"]; !sent && sem.ID != 0 {
		// An assistant's form has the group pricing locked (owners only): the seminar keeps its own.
		f.GroupPricing, f.GroupFromSeat, f.GroupPercentBP = sem.GroupPricing, sem.GroupFromSeat, sem.GroupPercentBP
	}
	if errs := f.Validate(); len(errs) > 0 {
		return s.renderSeminarForm(c, http.StatusUnprocessableEntity, sem, f, price, s.translate(c, errs))
	}
	// A new seminar's default price is set here, and dates take it over: owners only.
	if err := requireOwnerFor(c, sem.ID == 0 || f.DefaultPriceCents != sem.DefaultPriceCents || f.GroupChanged(sem)); err != nil {
		return err
	}
	f.Apply(&sem)
	ctx := c.Request().Context()
	if sem.ID == 0 {
		err = s.office.CreateSeminar(ctx, actor(c), &sem)
	} else {
		err = s.office.UpdateSeminar(ctx, actor(c), &sem)
	}
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderSeminarForm(c, http.StatusUnprocessableEntity, sem, f, price, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/seminars/%d?saved=1", sem.ID))
}
