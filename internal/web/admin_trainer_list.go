package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// trainerListData is the back office's list of trainers, with the notice of what was just done.
type trainerListData struct {
	Trainers []model.Trainer
	Notice   string
}

// adminTrainerList lists the trainers (owners and assistants).
func (s *Server) adminTrainerList(c echo.Context) error {
	records, err := s.store.Trainers(c.Request().Context())
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageAdminTrainers, t.T("admin.trainers.title"), trainerListData{Trainers: records, Notice: c.QueryParam("done")}, nil)
}
