package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// trainerFormData is the form of a new or stored trainer.
type trainerFormData struct {
	Trainer model.Trainer
	Form    form.Trainer
}

// adminTrainerNew shows an empty trainer form.
func (s *Server) adminTrainerNew(c echo.Context) error {
	return s.renderTrainerForm(c, http.StatusOK, model.Trainer{}, form.Trainer{}, nil)
}

// adminTrainerEdit shows a trainer's form.
func (s *Server) adminTrainerEdit(c echo.Context) error {
	r, err := s.adminTrainer(c)
	if err != nil {
		return err
	}
	return s.renderTrainerForm(c, http.StatusOK, r, form.TrainerOf(r), nil)
}

// adminTrainer loads the trainer named in the path.
func (s *Server) adminTrainer(c echo.Context) (model.Trainer, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return model.Trainer{}, err
	}
	return s.store.TrainerByID(c.Request().Context(), id)
}

func (s *Server) renderTrainerForm(c echo.Context, status int, r model.Trainer, f form.Trainer, errs map[string]string) error {
	t := s.i18n.For(language(c))
	title := t.T("admin.trainers.new")
	if r.ID != 0 {
		title = t.T("admin.trainers.edit", "Name", r.Name)
	}
	return s.render(c, status, pageAdminTrainerForm, title, trainerFormData{Trainer: r, Form: f}, errs)
}
