package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiBookingShow is GET /api/v1/bookings/{reference} with the manage token as bearer; a wrong or
// missing token is answered exactly like an unknown reference (404).
func (s *Server) apiBookingShow(c echo.Context) error {
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), bearerToken(c))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	view := s.bookingView(b, language(c))
	if err := s.addBookerAnswers(c, b, &view); err != nil {
		return err
	}
	account, err := s.store.AccountOfBooking(c.Request().Context(), b.ID)
	if err != nil {
		return err
	}
	view.AmountDueCents, view.AmountRefundableCents = account.AmountDue, account.AmountRefundable
	if view.Documents, err = s.documents(c.Request().Context(), b, bearerToken(c)); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, view)
}

// bearerToken returns the token of an "Authorization: Bearer <token>" header, or "".
func bearerToken(c echo.Context) string {
	scheme, token, ok := strings.Cut(c.Request().Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// addBookerAnswers adds to each attendee the answers the booker gave: those to the questions
// that are not sensitive.
func (s *Server) addBookerAnswers(c echo.Context, b model.Booking, view *bookingJSON) error {
	if b.Date == nil {
		return nil
	}
	sheet, err := s.answerSheetFor(c.Request().Context(), b.Date.SeminarID, b.Attendees...)
	if err != nil {
		return err
	}
	for i, a := range b.Attendees {
		for _, q := range sheet.Questions {
			if v := sheet.Of(a.ID)[q.ID]; v != "" && !q.Sensitive && i < len(view.Attendees) {
				if view.Attendees[i].Answers == nil {
					view.Attendees[i].Answers = map[string]string{}
				}
				view.Attendees[i].Answers[strconv.FormatUint(uint64(q.ID), 10)] = v
			}
		}
	}
	return nil
}
