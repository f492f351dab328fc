package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// bookingMove is POST /b/{reference}/move: the booker moves the booking to another date of the
// same seminar (free while cancelling is free, until the substitution deadline); the invoice is
// corrected and mailed. The manage token comes in the form's hidden field t.
func (s *Server) bookingMove(c echo.Context) error {
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
	to, _ := model.ParseID("date", values.Get("date")) // 0 when not an id: refused below
	_, err = s.bookings.MoveByBooker(ctx, b.Reference, token, to)
	if err == nil {
		return redirect(c, localized(language(c), "/b/"+b.Reference)+"?t="+url.QueryEscape(token)+"&moved=1")
	}
	t := s.i18n.For(language(c))
	var notFree *booking.MoveNotFreeError
	var invalid *model.ValidationError
	problem := ""
	status := http.StatusUnprocessableEntity
	switch {
	case errors.As(err, &notFree):
		at := notFree.Until.In(s.cfg.Location)
		problem = t.T("move.error.not_free", "Until", t.Date(at)+", "+t.Time(at))
	case errors.As(err, &invalid) && invalid.Fields["date"] != "":
		problem = t.T(invalid.Fields["date"])
		if invalid == booking.ErrOtherSeminar {
			problem = t.T("move.error.date")
		}
	case errors.As(err, &invalid):
		problem = t.T(firstMessage(invalid.Fields))
	case errors.Is(err, model.ErrNotBookable), errors.Is(err, model.ErrNotFound):
		problem = t.T("move.error.date")
	default:
		if _, soldOut := booking.IsSoldOut(err); !soldOut {
			return err
		}
		problem, status = t.T("move.error.full"), http.StatusConflict
	}
	return s.renderManage(c, status, b, token, nil, nil, problem)
}

// moveOffer is what the manage page says about moving b: nothing once the substitution deadline
// passed; the dates with enough free seats while the move is free; else the advice to ask.
func (s *Server) moveOffer(c echo.Context, b model.Booking, problem string) (*moveOffer, error) {
	if b.Date == nil || !model.SubstitutionOpen(b, *b.Date, s.now(), s.bookings.Settings().SubstitutionDeadline) {
		return nil, nil
	}
	open, until := s.bookings.BookerMove(b)
	offer := &moveOffer{Until: until, Open: open, Problem: problem, Done: c.QueryParam("moved") != ""}
	if !open {
		return offer, nil
	}
	sem, err := s.store.SeminarByID(c.Request().Context(), b.Date.SeminarID)
	if err != nil {
		return nil, err
	}
	for _, d := range sem.Dates {
		if d.ID != b.DateID && d.Bookable(s.now()) && d.SeatsLeft() >= b.Seats {
			offer.Targets = append(offer.Targets, d)
		}
	}
	return offer, nil
}

// firstMessage is one message of a validation error's fields (the form has one place to show it).
func firstMessage(fields map[string]string) string {
	for _, m := range fields {
		return m
	}
	return "form.has_errors"
}
