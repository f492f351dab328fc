package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminBookingCancelConfirm shows what cancelling a booking does (who loses their seat, what is
// refunded) before the owner confirms it.
func (s *Server) adminBookingCancelConfirm(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.cancel.title", "Reference", b.Reference)
	return s.render(c, http.StatusOK, pageAdminBookingCancel, title, adminCancelData{
		Booking: b, Refund: fullRefund(b), Possible: model.CanTransition(b.Status, model.BookingCancelled),
	}, nil)
}

// adminBookingCancel cancels a booking as the trainer: seats back, everything paid refunded (the
// cancellation fee is the booker's rule, not the trainer's; a bank transfer is flagged for a
// manual refund), everyone notified. What is refunded is decided under the booking's lock.
func (s *Server) adminBookingCancel(c echo.Context) error {
	ctx := c.Request().Context()
	before, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	b, err := s.bookings.CancelByTrainer(ctx, before.Reference)
	if err != nil {
		return err
	}
	refund := fullRefund(b)
	detail := fmt.Sprintf("status: %s → %s; refund_cents: %d", before.Status, model.BookingCancelled, refund)
	if err := s.office.RecordAudit(ctx, actor(c), model.AuditBookingCancelled, "booking "+b.Reference, detail); err != nil {
		return err
	}
	if _, err := s.waitlist.Process(ctx); err != nil { // the freed seats go to whoever waits
		s.log.ErrorContext(ctx, "waiting list", "error", err)
	}
	return redirect(c, "/admin/bookings?done=cancelled&q="+b.Reference)
}

// fullRefund is what the trainer refunds when cancelling: everything that was paid (by card
// through Stripe, by transfer as a manual refund the dashboard asks for).
func fullRefund(b model.Booking) int64 {
	if b.PaymentStatus == model.PaymentPaid || b.PaymentStatus == model.PaymentRefunded || b.PaymentStatus == model.PaymentPartiallyRefunded {
		return b.GrossCents
	}
	return 0
}
