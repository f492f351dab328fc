package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminAttendeeList is GET /api/v1/admin/dates/{id}/attendees: who is booked on a date, with
// their answers to the seminar's questions.
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
	bookings, err := s.store.BookingsOfDate(ctx, id)
	if err != nil {
		return err
	}
	rows := attendeeRows(bookings)
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
	return c.JSON(http.StatusOK, map[string]any{"attendees": out})
}
