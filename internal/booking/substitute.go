package booking

import (
	"context"
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Substitution replaces one attendee of a booking by another person.
type Substitution struct {
	AttendeeID uint
	FirstName  string
	LastName   string
	Email      string
	// Answers are the newcomer's answers to the seminar's questions that are not sensitive
	// (checked by the form layer); the old holder's answers go with them.
	Answers model.Answers
}

// Substitute gives an attendee's seat to another person, if token is the booking's manage token
// and the substitution deadline has not passed. The old and the new person are told by mail
// (EventAttendeeSubstituted, with the old name and address, which the record no longer has).
// Breaking a rule is a *model.ValidationError keyed by form field.
func (s *Service) Substitute(ctx context.Context, reference, token string, sub Substitution) (model.Attendee, error) {
	if _, err := s.Lookup(ctx, reference, token); err != nil {
		return model.Attendee{}, err
	}
	return s.substitute(ctx, reference, sub, s.settings.SubstitutionDeadline)
}

// SubstituteByStaff is Substitute for the trainer's back office: no manage token, and the seat can
// change hands until the date starts (a colleague standing in at short notice), not only until the
// bookers' deadline. The back office calls SubstituteByStaffInTx, to audit in the same transaction.
func (s *Service) SubstituteByStaff(ctx context.Context, reference string, sub Substitution) (model.Attendee, error) {
	return s.substitute(ctx, reference, sub, 0)
}

// SubstituteByStaffInTx is SubstituteByStaff inside the caller's transaction tx. It returns the
// attendee as it was (the name and address the audit entry records) and as it is now.
func (s *Service) SubstituteByStaffInTx(ctx context.Context, tx *store.Tx, reference string, sub Substitution) (old, now model.Attendee, err error) {
	return s.substituteInTx(ctx, tx, reference, sub, 0)
}

func (s *Service) substitute(ctx context.Context, reference string, sub Substitution, deadline time.Duration) (model.Attendee, error) {
	var replaced model.Attendee
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		_, replaced, err = s.substituteInTx(ctx, tx, reference, sub, deadline)
		return err
	})
	if err != nil {
		return model.Attendee{}, err
	}
	s.log.InfoContext(ctx, "attendee substituted", "reference", reference, "attendee_id", sub.AttendeeID)
	return replaced, nil
}

// substituteInTx gives the seat to the new person in tx and records the mail to both; the same
// person again changes nothing.
func (s *Service) substituteInTx(ctx context.Context, tx *store.Tx, reference string, sub Substitution, deadline time.Duration) (old, replaced model.Attendee, err error) {
	sub.FirstName, sub.LastName = strings.TrimSpace(sub.FirstName), strings.TrimSpace(sub.LastName)
	sub.Email = strings.ToLower(strings.TrimSpace(sub.Email))
	now := s.now().UTC()
	b, err := tx.BookingByReference(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return old, replaced, err
	}
	if b.Date == nil || !model.SubstitutionOpen(b, *b.Date, now, deadline) {
		return old, replaced, &model.ValidationError{Fields: map[string]string{"attendee_id": "error.substitution_closed"}}
	}
	if old, err = substitutable(b, sub); err != nil {
		return old, replaced, err
	}
	if old.Email == sub.Email && old.FirstName == sub.FirstName && old.LastName == sub.LastName {
		return old, old, nil
	}
	if err := tx.ReplaceAttendee(ctx, old.ID, sub.FirstName, sub.LastName, sub.Email); err != nil {
		return old, replaced, err
	}
	if err := saveBookerAnswers(ctx, tx, b.Date.SeminarID, []model.Attendee{old}, []AttendeeInput{{Answers: sub.Answers}}); err != nil {
		return old, replaced, err
	}
	replaced = old
	replaced.FirstName, replaced.LastName, replaced.Email, replaced.CheckedInAt = sub.FirstName, sub.LastName, sub.Email, nil
	err = Notify(ctx, tx, fmt.Sprintf("%s:%d:%d", b.Reference, old.ID, now.UnixNano()), model.EventPayload{
		Event: model.EventAttendeeSubstituted, BookingID: b.ID, AttendeeID: old.ID,
		OldEmail: old.Email, OldName: old.FullName(),
	})
	return old, replaced, err
}

// substitutable finds the attendee to replace and checks that the new address is not already
// another attendee's in the same booking.
func substitutable(b model.Booking, sub Substitution) (model.Attendee, error) {
	var old *model.Attendee
	for i, a := range b.Attendees {
		switch {
		case a.ID == sub.AttendeeID:
			old = &b.Attendees[i]
		case a.Email == sub.Email:
			return model.Attendee{}, &model.ValidationError{Fields: map[string]string{"email": "error.duplicate_email"}}
		}
	}
	if old == nil {
		return model.Attendee{}, &model.ValidationError{Fields: map[string]string{"attendee_id": "error.required"}}
	}
	return *old, nil
}
