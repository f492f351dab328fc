package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/store"
)

// adminFeedbackList is GET /admin/feedback: the survey results per seminar (count and the three
// averages), and with ?seminar={id} that seminar per date with its answers, 500 a page
// (?page=&per_page=), where the trainer hides a quote from the seminar page or shows it again.
// The counts and averages are over every answer, whichever page is shown.
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
	// The overview shows each seminar's first page of dates; the detail pages its answers and
	// its dates alike (a date has at least one answer, so the answers' pages cover the dates').
	page := feedback.Page{DatesLimit: adminPerPage}
	var r pageRequest
	if selected != 0 {
		if r = readPage(c, adminPerPage, adminPerPage); r.Invalid != nil {
			return pageRedirect(c, r)
		}
		page = feedback.Page{Answers: store.AnswerPage{Offset: r.offset(), Limit: r.PerPage}, DatesOffset: r.offset(), DatesLimit: r.PerPage}
	}
	results, err := s.feedback.Results(ctx, selected, page)
	if err != nil {
		return err
	}
	var pg pager
	if selected != 0 && len(results) == 1 {
		if pg = newPager(c.Request().URL.Path, c.QueryParams(), r, int64(results[0].AnswersTotal)); pg.pastEnd() {
			return redirect(c, pg.Prev) // the last page; people may have erased their answers meanwhile
		}
	}
	seminars, err := s.store.AdminSeminars(ctx)
	if err != nil {
		return err
	}
	data := adminFeedbackData{Seminars: seminars, Selected: selected, Results: results, DateOf: map[uint]model.SeminarDate{}, Lang: language(c), Pager: pg}
	for _, r := range results {
		for id, d := range r.AnswerDates {
			data.DateOf[id] = d
		}
	}
	return s.render(c, http.StatusOK, pageAdminFeedback, s.i18n.For(language(c)).T("feedback.admin_title"), data, nil)
}
