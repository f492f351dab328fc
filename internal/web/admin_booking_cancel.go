package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// bookingCanceller is the booking use case that cancels a booking, gives its seats back and
// refunds a card payment through the outbox. It lives in internal/booking with the payments
// work; until that is there, cancelling from the back office answers 501.
type bookingCanceller interface {
	Cancel(ctx context.Context, reference string, refundCents int64) (model.Booking, error)
}

// adminBookingCancelConfirm shows what cancelling a booking does (who loses their seat, what is
// refunded) before the owner confirms it.
func (s *Server) adminBookingCancelConfirm(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	_, can := any(s.bookings).(bookingCanceller)
	title := s.i18n.For(language(c)).T("admin.cancel.title", "Reference", b.Reference)
	return s.render(c, http.StatusOK, pageAdminBookingCancel, title, adminCancelData{
		Booking: b, Refund: fullRefund(b), Possible: can && model.CanTransition(b.Status, model.BookingCancelled),
	}, nil)
}

// adminBookingCancel cancels a booking as the trainer: seats back, full refund of a card
// payment (the cancellation fee is the booker's rule, not the trainer's), everyone notified.
func (s *Server) adminBookingCancel(c echo.Context) error {
	canceller, ok := any(s.bookings).(bookingCanceller)
	if !ok {
		return echo.NewHTTPError(http.StatusNotImplemented)
	}
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	refund := fullRefund(b)
	if _, err := canceller.Cancel(ctx, b.Reference, refund); err != nil {
		return err
	}
	detail := fmt.Sprintf("status: %s → %s; refund_cents: %d", b.Status, model.BookingCancelled, refund)
	if err := s.office.RecordAudit(ctx, actor(c), model.AuditBookingCancelled, "booking "+b.Reference, detail); err != nil {
		return err
	}
	if _, err := s.waitlist.Process(ctx); err != nil { // the freed seats go to whoever waits
		s.log.ErrorContext(ctx, "waiting list", "error", err)
	}
	return redirect(c, "/admin/bookings?done=cancelled&q="+b.Reference)
}

// fullRefund is what the trainer refunds when cancelling: everything a card payment brought in.
func fullRefund(b model.Booking) int64 {
	if b.PaymentMethod == model.PaymentCard && b.PaymentStatus == model.PaymentPaid {
		return b.GrossCents
	}
	return 0
}
