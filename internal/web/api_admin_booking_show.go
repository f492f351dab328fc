package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminBookingShow is GET /api/v1/admin/bookings/{reference}: the booking with its billing
// data, attendees, money (amount_due_cents, amount_refundable_cents), payments, documents with
// their admin download links, and what a cancellation now would cost.
func (s *Server) apiAdminBookingShow(c echo.Context) error {
	v, err := s.adminBookingDetail(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, v)
}

// adminBookingDetail reads a booking as the admin API shows it; the actions on a booking answer
// with it too, so a client sees the state its action left.
func (s *Server) adminBookingDetail(ctx context.Context, reference string) (adminBookingDetailJSON, error) {
	b, err := s.store.BookingByReference(ctx, reference)
	if err != nil {
		return adminBookingDetailJSON{}, err
	}
	account, err := s.store.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return adminBookingDetailJSON{}, err
	}
	payments, err := s.store.PaymentsForBooking(ctx, b.ID)
	if err != nil {
		return adminBookingDetailJSON{}, err
	}
	issued, err := s.store.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return adminBookingDetailJSON{}, err
	}
	return s.adminBookingDetailView(b, account, payments, s.adminDocuments(issued)), nil
}
