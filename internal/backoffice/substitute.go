package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// SubstituteAttendee gives an attendee's seat to another person as the trainer (until the date
// starts; booking.SubstituteByStaffInTx has the rules), in one transaction with the mail to the
// old and the new person and the audit entry. It returns the attendee as they are now.
func (s *Service) SubstituteAttendee(ctx context.Context, actor, reference string, sub booking.Substitution) (model.Attendee, error) {
	var now model.Attendee
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, replaced, err := s.bookings.SubstituteByStaffInTx(ctx, tx, reference, sub)
		if err != nil {
			return err
		}
		now = replaced
		detail := fmt.Sprintf("%s <%s> → %s <%s>", old.FullName(), old.Email, replaced.FullName(), replaced.Email)
		return s.audit(ctx, tx, actor, model.AuditAttendeeSubstituted, reference, detail)
	})
	return now, err
}
