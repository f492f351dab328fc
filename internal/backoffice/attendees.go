package backoffice

import (
	"context"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// AddAttendee adds a person to a booking as staff (until the date starts; the seat taken under
// the booking's lock, or a *model.SoldOutError and nothing changes), in one transaction with the
// corrected invoice, the mails and the audit entry (booking.AddAttendeeInTx).
func (s *Service) AddAttendee(ctx context.Context, actor, reference string, in booking.AttendeeInput) (booking.AttendeeChange, error) {
	var ch booking.AttendeeChange
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if ch, err = s.bookings.AddAttendeeInTx(ctx, tx, reference, in, booking.ByStaff); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditAttendeeAdded, "booking "+ch.Before.Reference, booking.AttendeeChangeDetail(ch))
	})
	return ch, err
}

// CancelAttendee cancels one attendee of a booking as staff, under the cancellation policy or,
// withoutFee (owners only; the caller checks the role), free of charge, in one transaction with
// the corrected invoice, the refund items, the mails, the audit entry and the freed seat offered
// to the waiting list (booking.CancelAttendeeInTx).
func (s *Service) CancelAttendee(ctx context.Context, actor, reference string, attendeeID uint, withoutFee bool) (booking.AttendeeChange, error) {
	by := booking.ByStaff
	if withoutFee {
		by = booking.ByStaffWithoutFee
	}
	var ch booking.AttendeeChange
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if ch, err = s.bookings.CancelAttendeeInTx(ctx, tx, reference, attendeeID, by); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, model.AuditAttendeeCancelled, "booking "+ch.Before.Reference, booking.AttendeeChangeDetail(ch)); err != nil {
			return err
		}
		if s.waitlist == nil {
			return nil
		}
		_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, ch.Before.DateID)
		return err
	})
	return ch, err
}
