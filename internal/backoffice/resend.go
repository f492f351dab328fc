package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ResendConfirmation sends a confirmed booking's confirmation to its billing contact again, with
// the current invoice and a new manage link, in one transaction with its audit entry: the link's
// rotation counter goes up, so the link sent before stops working (a lost or forwarded link is
// the usual reason to ask). The attendees are not written to again. A booking that is not
// confirmed is model.ErrInvalidTransition and nothing changes.
func (s *Service) ResendConfirmation(ctx context.Context, actor, reference string) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if b, err = tx.LockBooking(ctx, reference); err != nil {
			return err
		}
		if b.Status != model.BookingConfirmed {
			return fmt.Errorf("confirmation of %s (%s): %w", b.Reference, b.Status, model.ErrInvalidTransition)
		}
		before := b.ManageRotation
		token, err := s.bookings.RotateManageLinkInTx(ctx, tx, &b)
		if err != nil {
			return err
		}
		key := fmt.Sprintf("%s:resent:%d", b.Reference, b.ManageRotation) // one mail per rotation
		err = booking.Notify(ctx, tx, key, model.EventPayload{Event: model.EventBookingConfirmed, BookingID: b.ID,
			Extra: model.EventExtra{ManageToken: token, BillingOnly: true}})
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("to: %s; manage_rotation: %d → %d", b.Billing.Email, before, b.ManageRotation)
		return s.audit(ctx, tx, actor, model.AuditConfirmationResent, "booking "+b.Reference, detail)
	})
	return b, err
}

// SendDocumentAgain mails one issued invoice or credit note of a booking (by its number) to the
// billing contact again, exactly as stored when it was issued, in one transaction with its audit
// entry. A number that belongs to another booking is model.ErrNotFound. Each call sends one mail.
func (s *Service) SendDocumentAgain(ctx context.Context, actor, reference, number string) (model.Invoice, error) {
	var inv model.Invoice
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		if inv, err = tx.InvoiceByNumber(ctx, number); err != nil {
			return err
		}
		if inv.BookingID != b.ID {
			return fmt.Errorf("document %s of another booking: %w", number, model.ErrNotFound)
		}
		key := fmt.Sprintf("%s:%d:%d", b.Reference, inv.ID, s.now().UnixNano())
		err = booking.Notify(ctx, tx, key, model.EventPayload{Event: model.EventDocumentResent, BookingID: b.ID,
			Extra: model.EventExtra{InvoiceID: inv.ID}})
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("document: %s; to: %s", inv.Number, b.Billing.Email)
		return s.audit(ctx, tx, actor, model.AuditDocumentResent, "booking "+b.Reference, detail)
	})
	return inv, err
}

// SendCertificateAgain mails a checked-in attendee's certificate of attendance to them again,
// in one transaction with its audit entry. An attendee of another booking is model.ErrNotFound;
// one not checked in has no certificate (invoice.ErrNotCheckedIn).
func (s *Service) SendCertificateAgain(ctx context.Context, actor, reference string, attendeeID uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		var found *model.Attendee
		for i := range b.Attendees {
			if b.Attendees[i].ID == attendeeID {
				found = &b.Attendees[i]
			}
		}
		switch {
		case found == nil:
			return fmt.Errorf("attendee %d of booking %s: %w", attendeeID, b.Reference, model.ErrNotFound)
		case found.CheckedInAt == nil:
			return fmt.Errorf("certificate of attendee %d: %w", attendeeID, invoice.ErrNotCheckedIn)
		}
		// Not under the scheduler's key (certificate:attendee:…), which marks the one sent after the date.
		key := fmt.Sprintf("resent:%s:%d:%d", b.Reference, attendeeID, s.now().UnixNano())
		err = booking.Notify(ctx, tx, key, model.EventPayload{Event: model.EventCertificate, BookingID: b.ID,
			DateID: b.DateID, AttendeeID: attendeeID})
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("certificate: attendee %d; to: %s", attendeeID, found.Email)
		return s.audit(ctx, tx, actor, model.AuditDocumentResent, "booking "+b.Reference, detail)
	})
}
