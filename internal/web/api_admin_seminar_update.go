package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminSeminarUpdate is PATCH /api/v1/admin/seminars/{id}: the fields in the body replace the
// seminar's, the others stay. The same form rules and use case as the back office's seminar
// page (form.Seminar, backoffice.UpdateSeminar); a new default price is owners' only.
func (s *Server) apiAdminSeminarUpdate(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	f := form.SeminarOf(sem)
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	if errs := f.Validate(); len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	if err := requireOwnerFor(c, f.DefaultPriceCents != sem.DefaultPriceCents || f.GroupChanged(sem)); err != nil {
		return err
	}
	f.Apply(&sem)
	err = s.office.UpdateSeminar(c.Request().Context(), actor(c), &sem)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminSeminarView(sem))
}
