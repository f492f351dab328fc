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
// The counts and averages are over every answer, whichever page is shown. The overview lists
// feedbackOverviewPerPage seminars a page (?page=&per_page=, up to 500).
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
	// The overview shows a page of the seminars with answers, each with its first page of
	// dates; the detail pages its answers and its dates alike (a date has at least one answer,
	// so the answers' pages cover the dates').
	perPage := adminPerPage
	if selected == 0 {
		perPage = feedbackOverviewPerPage
	}
	r := readPage(c, perPage, adminPerPage)
	if r.Invalid != nil {
		return pageRedirect(c, r)
	}
	var results []feedback.SeminarResult
	var total int64
	var err error
	if selected == 0 {
		var n int
		results, n, err = s.feedback.Overview(ctx, feedback.Page{DatesLimit: adminPerPage}, r.offset(), r.PerPage)
		total = int64(n)
	} else {
		results, err = s.feedback.Results(ctx, selected, feedback.Page{Answers: store.AnswerPage{Offset: r.offset(), Limit: r.PerPage},
			DatesOffset: r.offset(), DatesLimit: r.PerPage})
		if len(results) == 1 {
			total = int64(results[0].AnswersTotal)
		}
	}
	if err != nil {
		return err
	}
	pg := newPager(c.Request().URL.Path, c.QueryParams(), r, total)
	if pg.pastEnd() {
		return redirect(c, pg.Prev) // the last page; people may have erased their answers meanwhile
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

// feedbackOverviewPerPage is how many seminars a page of the feedback overview shows, each with
// up to a page of dates: a screenful of tables rather than all the seminars ever given.
const feedbackOverviewPerPage = 50
