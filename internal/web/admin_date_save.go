package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminDateCreate adds a date to a seminar from the form.
func (s *Server) adminDateCreate(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	f := form.DateFromValues(mustForm(c))
	f.MaxCapacity = s.cfg.MaxCapacity
	d, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		return s.renderDateForm(c, http.StatusUnprocessableEntity, sem, model.SeminarDate{}, f, "", s.translate(c, errs))
	}
	// A new date's price is set here, even when it is the seminar's default: owners only.
	if err := requireOwnerFor(c, true); err != nil {
		return err
	}
	err = s.office.CreateDate(c.Request().Context(), actor(c), sem.ID, &d)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderDateForm(c, http.StatusUnprocessableEntity, sem, model.SeminarDate{}, f, "", s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/seminars/%d?saved=1", sem.ID))
}

// adminDateUpdate writes the form onto a date. Lowering the capacity below the seats taken is
// refused with a message and nothing changes.
func (s *Server) adminDateUpdate(c echo.Context) error {
	old, err := s.adminDate(c)
	if err != nil {
		return err
	}
	f := form.DateFromValues(mustForm(c))
	f.MaxCapacity = s.cfg.MaxCapacity
	d, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		return s.renderDateForm(c, http.StatusUnprocessableEntity, *old.Seminar, old, f, "", s.translate(c, errs))
	}
	if err := requireOwnerFor(c, pricesDiffer(old, d)); err != nil {
		return err
	}
	d.ID = old.ID
	err = s.office.UpdateDate(c.Request().Context(), actor(c), d)
	var below *model.CapacityBelowTakenError
	if errors.As(err, &below) {
		msg := s.i18n.For(language(c)).T("admin.error.capacity_below_taken", "Count", below.SeatsTaken)
		old.SeatsTaken = below.SeatsTaken
		return s.renderDateForm(c, http.StatusUnprocessableEntity, *old.Seminar, old, f, msg, map[string]string{"capacity": msg})
	}
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderDateForm(c, http.StatusUnprocessableEntity, *old.Seminar, old, f, "", s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/seminars/%d?saved=1", old.SeminarID))
}

// mustForm returns the parsed form; a body that cannot be parsed reads as empty and fails
// validation with messages rather than a 500.
func mustForm(c echo.Context) map[string][]string {
	values, err := c.FormParams()
	if err != nil {
		return map[string][]string{}
	}
	return values
}

// pricesDiffer tells whether a date's prices changed.
func pricesDiffer(a, b model.SeminarDate) bool {
	sameUntil := (a.EarlyBirdUntil == nil) == (b.EarlyBirdUntil == nil) &&
		(a.EarlyBirdUntil == nil || a.EarlyBirdUntil.Equal(*b.EarlyBirdUntil))
	return a.PriceNetCents != b.PriceNetCents || a.EarlyBirdNetCents != b.EarlyBirdNetCents || !sameUntil
}
