package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminSeminarCreate is POST /api/v1/admin/seminars.
func (s *Server) apiAdminSeminarCreate(c echo.Context) error {
	f := form.Seminar{Published: true}
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	if errs := f.Validate(); len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	// A new seminar sets its default price: owners' tokens only.
	if err := requireOwnerFor(c, true); err != nil {
		return err
	}
	var sem model.Seminar
	f.Apply(&sem)
	err := s.office.CreateSeminar(c.Request().Context(), actor(c), &sem)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, adminSeminarView(sem))
}
