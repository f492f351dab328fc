package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminTrainerCreate stores a new trainer from the form; mistakes re-render it (422).
func (s *Server) adminTrainerCreate(c echo.Context) error {
	f := form.TrainerFromValues(mustForm(c))
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.renderTrainerForm(c, http.StatusUnprocessableEntity, model.Trainer{}, f, s.translate(c, errs))
	}
	if err := s.office.CreateTrainer(c.Request().Context(), actor(c), &r); err != nil {
		return err
	}
	return redirect(c, "/admin/trainers?done=created")
}

// adminTrainerUpdate writes the form onto a trainer; mistakes re-render it (422).
func (s *Server) adminTrainerUpdate(c echo.Context) error {
	old, err := s.adminTrainer(c)
	if err != nil {
		return err
	}
	f := form.TrainerFromValues(mustForm(c))
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.renderTrainerForm(c, http.StatusUnprocessableEntity, old, f, s.translate(c, errs))
	}
	r.ID = old.ID
	if err := s.office.UpdateTrainer(c.Request().Context(), actor(c), r); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/trainers?done=updated#trainer-%d", r.ID))
}
