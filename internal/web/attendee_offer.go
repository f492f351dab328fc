package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeForms is what the booker typed into the add and cancel forms when they had errors.
type attendeeForms struct {
	Add      form.AttendeeAdd
	CancelID uint
}

// attendeeOffer is the manage page's section for one attendee more or less: shown while the
// booking is confirmed and before the substitution deadline.
type attendeeOffer struct {
	Until     time.Time
	SeatsLeft int
	FeeCents  int64 // the policy's fee for one seat if cancelled now
	CanCancel bool  // more than one attendee
	Typed     attendeeForms
	Done      string // "added" or "cancelled", after the redirect
	Name      string
}

const attendeeFormsKey = "attendee_forms"

// renderManageAttendees shows the manage page with the attendee forms as typed and their errors.
func (s *Server) renderManageAttendees(c echo.Context, status int, b model.Booking, token string, typed *attendeeForms, errs map[string]string) error {
	c.Set(attendeeFormsKey, typed)
	return s.renderManage(c, status, b, token, nil, errs, "")
}

// attendeeOfferFor builds the section for b; nil once attendees can no longer change.
func (s *Server) attendeeOfferFor(c echo.Context, b model.Booking) *attendeeOffer {
	if !s.bookings.AttendeeChangeOpen(b) || b.PaymentMethod == model.PaymentCard {
		return nil
	}
	o := &attendeeOffer{
		Until:     model.SubstitutionDeadline(*b.Date, s.bookings.Settings().SubstitutionDeadline),
		SeatsLeft: b.Date.SeatsLeft(), FeeCents: s.bookings.AttendeeCancellationFee(b), CanCancel: len(b.Attendees) > 1,
	}
	if typed, ok := c.Get(attendeeFormsKey).(*attendeeForms); ok && typed != nil {
		o.Typed = *typed
	}
	switch {
	case c.QueryParam("added") != "":
		o.Done, o.Name = "added", c.QueryParam("added")
	case c.QueryParam("cancelled") != "":
		o.Done, o.Name = "cancelled", c.QueryParam("cancelled")
	}
	return o
}
