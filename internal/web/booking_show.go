package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingShow is the private manage page behind the link /b/{reference}?t={token}.
func (s *Server) bookingShow(c echo.Context) error {
	token := c.QueryParam("t")
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), token)
	if err != nil {
		return err
	}
	return s.renderManagePage(c, http.StatusOK, b, token, nil, nil)
}

// renderManagePage shows the manage page, with a substitution form re-filled with what was typed
// when it had errors.
func (s *Server) renderManagePage(c echo.Context, status int, b model.Booking, token string, sub *form.Substitute, errs map[string]string) error {
	return s.renderManage(c, status, b, token, sub, errs, "")
}

// renderManage is renderManagePage with the move form's problem (a refused move) shown at it.
func (s *Server) renderManage(c echo.Context, status int, b model.Booking, token string, sub *form.Substitute, errs map[string]string, moveProblem string) error {
	// The page carries a secret in its URL: keep it out of caches and referrers.
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	docs, err := s.documents(c.Request().Context(), b, token)
	if err != nil {
		return err
	}
	data := bookingShowData{Booking: b, Token: token, Documents: docs, Substitute: sub, CanCancel: s.bookings.BookerMayCancel(b)}
	if b.Date != nil && model.SubstitutionOpen(b, *b.Date, s.now(), s.bookings.Settings().SubstitutionDeadline) {
		until := model.SubstitutionDeadline(*b.Date, s.bookings.Settings().SubstitutionDeadline)
		data.SubstituteUntil = &until
	}
	if data.Questions, err = s.bookerQuestions(c, b); err != nil {
		return err
	}
	if len(data.Questions) > 0 {
		// Only the answers to the questions shown: a sensitive answer is the attendee's own.
		if data.Answers, err = s.bookerAnswers(c, b, data.Questions); err != nil {
			return err
		}
	}
	t := s.i18n.For(language(c))
	data.Attendees = s.attendeeOfferFor(c, b)
	if data.Move, err = s.moveOffer(c, b, moveProblem); err != nil {
		return err
	}
	lines, err := s.settlementLines(c.Request().Context(), t, []model.Booking{b})
	if err != nil {
		return err
	}
	data.Settlement = lines[b.ID]
	return s.render(c, status, pageBookingShow, t.T("manage.title", "Reference", b.Reference), data, errs)
}
