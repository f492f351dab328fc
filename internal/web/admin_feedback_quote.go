package web

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// adminFeedbackQuote is POST /admin/feedback/{id}/quote: hides a quote from the seminar page
// (hidden=1) or shows it again (hidden=0), then back to the seminar's results.
func (s *Server) adminFeedbackQuote(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	f, err := s.store.FeedbackByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if err := s.feedback.SetQuoteHidden(c.Request().Context(), actor(c), id, c.FormValue("hidden") == "1"); err != nil {
		return err
	}
	return redirect(c, "/admin/feedback?seminar="+strconv.FormatUint(uint64(f.SeminarID), 10)+"#feedback-"+strconv.FormatUint(uint64(id), 10))
}
