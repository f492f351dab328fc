package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminDateCreate is POST /api/v1/admin/seminars/{id}/dates: 201 with the new date, 422 with
// per-field errors, 404 for an unknown seminar.
func (s *Server) apiAdminDateCreate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var f form.Date
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	f.MaxCapacity = s.cfg.MaxCapacity
	d, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		if _, err := s.store.SeminarByID(c.Request().Context(), id); err != nil {
			return err // an unknown seminar is 404 whatever the body says
		}
		return s.validationFailed(c, errs)
	}
	// A new date sets its price: owners' tokens only.
	if err := requireOwnerFor(c, true); err != nil {
		return err
	}
	err = s.office.CreateDate(c.Request().Context(), actor(c), id, &d)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, s.adminDateView(d))
}
