package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// apiAdminTrainerUpdate is PATCH /api/v1/admin/trainers/{id}: the fields in the body replace the
// trainer's, the others stay.
func (s *Server) apiAdminTrainerUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	old, err := s.store.TrainerByID(ctx, id)
	if err != nil {
		return err
	}
	f := form.TrainerOf(old)
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	t, errs := f.Validate()
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	t.ID = id
	if err := s.office.UpdateTrainer(ctx, actor(c), t); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminTrainerView(t))
}
