package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/qr"
)

// attendeeQRShow is GET /a/{token}/qr.png: the QR code of the attendee's check-in code, drawn
// on request (it is derived, never stored).
func (s *Server) attendeeQRShow(c echo.Context) error {
	a, b, err := s.attendeeByToken(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	if b.Status == model.BookingCancelled || b.Date.Status == model.DateCancelled {
		return echo.ErrNotFound
	}
	png, err := qr.PNG(s.secrets.AttendeeCode(a.ID, a.SecretRotation))
	if err != nil {
		return err
	}
	privateHeaders(c)
	return c.Blob(http.StatusOK, "image/png", png)
}
