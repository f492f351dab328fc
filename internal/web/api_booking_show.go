package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
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
