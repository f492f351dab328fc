package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminAttendeeList is GET /api/v1/admin/dates/{id}/attendees?page=&per_page=: who is booked
// on a date, by name, a page at a time, with their answers to the seminar's questions.
func (s *Server) apiAdminAttendeeList(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	d, err := s.store.DateByID(ctx, id)
	if err != nil {
		return err
	}
	r := readPage(c, apiPerPage, apiPerPage)
	if r.Invalid != nil {
		return pageInvalid(c, r)
	}
	rows, pg, _, err := s.attendeePage(c, d.ID, r)
	if err != nil {
		return err
	}
	attendees := make([]model.Attendee, len(rows))
	for i, r := range rows {
		attendees[i] = r.Attendee
	}
	sheet, err := s.answerSheetFor(ctx, d.SeminarID, attendees...)
	if err != nil {
		return err
	}
	out := []adminAttendeeJSON{}
	for _, r := range rows {
		v := adminAttendeeView(r)
		for qid, value := range sheet.Of(r.ID) {
			if v.Answers == nil {
				v.Answers = map[string]string{}
			}
			v.Answers[strconv.FormatUint(uint64(qid), 10)] = value
		}
		out = append(out, v)
	}
	body := map[string]any{"attendees": out, "total": pg.Total, "page": pg.Page, "per_page": pg.PerPage}
	if next := r.nextPage(pg.Total); next > 0 {
		body["next_page"] = next
	}
	return c.JSON(http.StatusOK, body)
}
