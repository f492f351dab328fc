package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminFeedbackList is GET /admin/feedback: the survey results per seminar (count and the three
// averages), and with ?seminar={id} that seminar per date with every answer, where the trainer
// hides a quote from the seminar page or shows it again.
func (s *Server) adminFeedbackList(c echo.Context) error {
	ctx := c.Request().Context()
	var selected uint
	if v := c.QueryParam("seminar"); v != "" {
		id, err := model.ParseID("seminar", v)
		if err != nil {
			return err
		}
		selected = id
	}
	results, err := s.feedback.Results(ctx, selected)
	if err != nil {
		return err
	}
	seminars, err := s.store.AdminSeminars(ctx)
	if err != nil {
		return err
	}
	data := adminFeedbackData{Seminars: seminars, Selected: selected, Results: results, DateOf: map[uint]model.SeminarDate{}, Lang: language(c)}
	for _, r := range results {
		for _, d := range r.Seminar.Dates {
			data.DateOf[d.ID] = d
		}
	}
	return s.render(c, http.StatusOK, pageAdminFeedback, s.i18n.For(language(c)).T("feedback.admin_title"), data, nil)
}
