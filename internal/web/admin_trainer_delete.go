package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminTrainerDelete removes a trainer that no date names; one still in use stays, and the list says
// why.
func (s *Server) adminTrainerDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	err = s.office.DeleteTrainer(c.Request().Context(), actor(c), id)
	if errors.Is(err, model.ErrInUse) {
		return redirect(c, "/admin/trainers?done=in_use")
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/trainers?done=deleted")
}
