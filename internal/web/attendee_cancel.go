package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeeCancel is POST /b/{reference}/attendees/cancel: the booker cancels one person under
// the cancellation policy (the fee for that seat stays on the new invoice); the last person is
// refused with the advice to cancel the booking. The manage token comes in the hidden field t.
func (s *Server) attendeeCancel(c echo.Context) error {
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	token := values.Get("t")
	ctx := c.Request().Context()
	b, err := s.bookings.Lookup(ctx, c.Param("reference"), token)
	if err != nil {
		return err
	}
	id, _ := model.ParseID("attendee_id", values.Get("attendee_id")) // 0: refused by the use case
	ch, err := s.bookings.CancelAttendeeByBooker(ctx, b.Reference, token, id)
	var invalid *model.ValidationError
	switch {
	case err == nil:
		return redirect(c, localized(language(c), "/b/"+b.Reference)+"?t="+url.QueryEscape(token)+"&cancelled="+url.QueryEscape(ch.Attendee.FullName()))
	case errors.As(err, &invalid):
		return s.renderManageAttendees(c, http.StatusUnprocessableEntity, b, token, &attendeeForms{CancelID: id}, s.translate(c, invalid.Fields))
	}
	return err
}
