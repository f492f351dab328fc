package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// adminDateSignInSheetShow is a date's attendance list to print and have signed (Teilnehmerliste):
// the confirmed attendees, sorted by last name, one section per day of the date; ?day=N prints
// only the N-th day. A day the date does not have is a 404, like an unknown date.
func (s *Server) adminDateSignInSheetShow(c echo.Context) error {
	day := 0
	if v := c.QueryParam("day"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("sign-in sheet day %q: %w", v, invoice.ErrNoSuchDay)
		}
		day = n
	}
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	pdf, err := s.renderer.SignInSheet(d, invoice.ConfirmedAttendees(bookings), s.seller, language(c), s.cfg.TrainerName, day)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("sign-in-%s-%d.pdf", d.StartsAt.In(s.cfg.Location).Format(model.DayLayout), d.ID)
	if day > 0 {
		name = fmt.Sprintf("sign-in-%s-%d-day%d.pdf", d.StartsAt.In(s.cfg.Location).Format(model.DayLayout), d.ID, day)
	}
	return servePDF(c, name, pdf)
}

// servePDF answers with a PDF the browser shows inline and nobody caches: it lists people.
func servePDF(c echo.Context, name string, pdf []byte) error {
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf("inline; filename=%q", name))
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}
