package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// bookingShow is the private manage page behind the link /b/{reference}?t={token}.
func (s *Server) bookingShow(c echo.Context) error {
	token := c.QueryParam("t")
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), token)
	if err != nil {
		return err
	}
	// The page carries a secret in its URL: keep it out of caches and referrers.
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	docs, err := s.documents(c.Request().Context(), b, token)
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageBookingShow, t.T("manage.title", "Reference", b.Reference),
		bookingShowData{Booking: b, Token: token, Documents: docs}, nil)
}
