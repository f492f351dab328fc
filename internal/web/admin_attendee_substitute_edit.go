package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeSubstituteData is the trainer's form that gives an attendee's seat to someone else.
type attendeeSubstituteData struct {
	Booking  model.Booking
	Attendee model.Attendee
	Form     form.Substitute
	Detail   bool // the form came from the booking detail page and returns to it
	// Questions are the seminar's questions asked for the newcomer (not the sensitive ones).
	Questions []model.SeminarQuestion
}

// adminAttendeeSubstituteEdit shows who holds the seat now and asks for the new person.
func (s *Server) adminAttendeeSubstituteEdit(c echo.Context) error {
	b, a, err := s.bookingAttendee(c)
	if err != nil {
		return err
	}
	return s.renderAttendeeSubstitute(c, http.StatusOK, b, a, form.Substitute{AttendeeID: a.ID}, nil)
}

// bookingAttendee loads the booking and the attendee named in the path.
func (s *Server) bookingAttendee(c echo.Context) (model.Booking, model.Attendee, error) {
	id, err := pathID(c, "attendee")
	if err != nil {
		return model.Booking{}, model.Attendee{}, err
	}
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return model.Booking{}, model.Attendee{}, err
	}
	for _, a := range b.Attendees {
		if a.ID == id {
			return b, a, nil
		}
	}
	return model.Booking{}, model.Attendee{}, fmt.Errorf("attendee %d of %s: %w", id, b.Reference, model.ErrNotFound)
}

func (s *Server) renderAttendeeSubstitute(c echo.Context, status int, b model.Booking, a model.Attendee, f form.Substitute, errs map[string]string) error {
	title := s.i18n.For(language(c)).T("admin.substitute.title")
	questions, err := s.bookerQuestions(c, b)
	if err != nil {
		return err
	}
	return s.render(c, status, pageAdminSubstitute, title, attendeeSubstituteData{Booking: b, Attendee: a, Form: f, Detail: fromDetail(c), Questions: questions}, errs)
}
