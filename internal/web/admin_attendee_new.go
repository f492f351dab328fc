package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeChangeData is the back office's page to add a person to a booking or to cancel one.
type attendeeChangeData struct {
	Booking  model.Booking
	Attendee model.Attendee
	Form     form.AttendeeAdd
	Cancel   bool
	FeeCents int64 // the policy's fee for the seat now
	Owner    bool  // may cancel without a fee
	// Questions are the seminar's questions asked for the new person (not the sensitive ones).
	Questions []model.SeminarQuestion
}

// adminAttendeeNew is GET /admin/bookings/{reference}/attendees/new: the form for one more person.
func (s *Server) adminAttendeeNew(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	return s.renderAttendeeChange(c, http.StatusOK, attendeeChangeData{Booking: b}, nil)
}

func (s *Server) renderAttendeeChange(c echo.Context, status int, d attendeeChangeData, errs map[string]string) error {
	t := s.i18n.For(language(c))
	title := t.T("admin.attendee.add.title", "Reference", d.Booking.Reference)
	if d.Cancel {
		title = t.T("admin.attendee.cancel.title", "Name", d.Attendee.FullName(), "Reference", d.Booking.Reference)
	}
	d.Owner = actsAsOwner(c)
	if !d.Cancel {
		var err error
		if d.Questions, err = s.bookerQuestions(c, d.Booking); err != nil {
			return err
		}
	}
	return s.render(c, status, pageAdminAttendeeChange, title, d, errs)
}
