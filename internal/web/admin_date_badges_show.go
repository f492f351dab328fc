package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// adminDateBadgesShow is a sheet of name badges for a date's confirmed attendees, eight to an A4
// page, in the order of the sign-in sheet.
func (s *Server) adminDateBadgesShow(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	pdf, err := s.renderer.Badges(d, invoice.ConfirmedAttendees(bookings), s.seller, language(c))
	if err != nil {
		return err
	}
	return servePDF(c, fmt.Sprintf("badges-%s-%d.pdf", d.StartsAt.In(s.cfg.Location).Format(model.DayLayout), d.ID), pdf)
}
