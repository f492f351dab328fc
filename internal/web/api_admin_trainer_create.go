package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// apiAdminTrainerCreate is POST /api/v1/admin/trainers: 201 with the new trainer, 422 with per-field
// errors.
func (s *Server) apiAdminTrainerCreate(c echo.Context) error {
	var f form.Trainer
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	r, errs := f.Validate()
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	if err := s.office.CreateTrainer(c.Request().Context(), actor(c), &r); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, adminTrainerView(r))
}
