// Package backoffice holds the trainer's use cases: seminars and dates, cancellations, moves and
// substitutions, check-in, marking invoices paid, staff access, the outbox. Each action is one
// method that opens one transaction and writes, in it, the change, its audit entry and the
// outbox items of its side effects (mail, refunds, waiting-list offers for freed seats); the
// handlers in internal/web only parse, call and render. Inside, an action is a function of the
// transaction (…InTx), so actions compose (a date cancel cancels every booking in its own
// transaction) and a batching writer can run each in a savepoint.
package backoffice

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// Service runs the back office's use cases.
type Service struct {
	store    *store.Store
	bookings *booking.Service
	waitlist *Waitlist
	now      func() time.Time
}

// New returns the service. The trainer's cancellations and substitutions run the booking use
// cases of bookings, and seats they free are offered through waitlist; a caller that only
// manages the catalogue and vouchers (the command line) may pass nil for both.
func New(st *store.Store, bookings *booking.Service, waitlist *Waitlist, now func() time.Time) *Service {
	return &Service{store: st, bookings: bookings, waitlist: waitlist, now: now}
}

// slugTaken is the validation error of a slug that another seminar has.
var slugTaken = &model.ValidationError{Fields: map[string]string{"slug": "admin.error.slug_taken"}}

// Every change names its actor — a staff e-mail or "api:<token name>" — for the audit log.

// CreateSeminar stores a new seminar. A taken slug is a *model.ValidationError on "slug".
func (s *Service) CreateSeminar(ctx context.Context, actor string, sem *model.Seminar) error {
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateSeminar(ctx, sem); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s; default_price_cents: %d", sem.TitleDE, sem.DefaultPriceCents)
		return s.audit(ctx, tx, actor, model.AuditSeminarCreated, fmt.Sprintf("seminar %d", sem.ID), detail)
	})
	if store.IsUniqueViolation(err) {
		return slugTaken
	}
	return err
}

// UpdateSeminar writes a seminar's texts, functions and default price, and its questions unless
// sem.Questions is nil (store.ReplaceQuestions: a question left out is deleted with its answers).
func (s *Service) UpdateSeminar(ctx context.Context, actor string, sem *model.Seminar) error {
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, err := tx.SeminarByID(ctx, sem.ID)
		if err != nil {
			return err
		}
		if err := tx.UpdateSeminar(ctx, sem); err != nil {
			return err
		}
		if sem.Questions != nil {
			if err := tx.ReplaceQuestions(ctx, sem.ID, sem.Questions); err != nil {
				return err
			}
		}
		c := seminarChanges(old, *sem)
		if len(c) == 0 {
			return nil
		}
		return s.audit(ctx, tx, actor, model.AuditSeminarUpdated, fmt.Sprintf("seminar %d", sem.ID), c.String())
	})
	if store.IsUniqueViolation(err) {
		return slugTaken
	}
	return err
}

// CreateDate adds a date to a seminar; a price of 0 takes the seminar's default price.
func (s *Service) CreateDate(ctx context.Context, actor string, seminarID uint, d *model.SeminarDate) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		sem, err := tx.SeminarByID(ctx, seminarID)
		if err != nil {
			return err
		}
		d.SeminarID, d.SeatsTaken = sem.ID, 0
		if d.PriceNetCents == 0 {
			d.PriceNetCents = sem.DefaultPriceCents
		}
		if err := placeDate(ctx, tx, d); err != nil {
			return err
		}
		if err := tx.CreateDate(ctx, d); err != nil {
			return err
		}
		c := dateChanges(model.SeminarDate{}, *d)
		line, err := assignTrainers(ctx, tx, d, nil)
		if err != nil {
			return err
		}
		if line != "" {
			c = append(c, line)
		}
		return s.audit(ctx, tx, actor, model.AuditDateCreated, fmt.Sprintf("date %d", d.ID), sem.TitleDE+"; "+c.String())
	})
}

// UpdateDate writes a date's new values. Capacity below the seats taken is refused with a
// *model.CapacityBelowTakenError and nothing changes. When time or place of a published date
// changes, its calendar sequence goes up and every booking gets a "date rescheduled" message.
// Seats that more capacity frees are offered to the waiting list in the same transaction.
// A VenueID takes the venue's name, city and address; Trainers, when not nil, replace the
// date's trainers (nil keeps them).
func (s *Service) UpdateDate(ctx context.Context, actor string, changed model.SeminarDate) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		return s.updateDateInTx(ctx, tx, actor, changed)
	})
}

// updateDateInTx is UpdateDate inside tx; a venue's change runs it for each of its dates.
func (s *Service) updateDateInTx(ctx context.Context, tx *store.Tx, actor string, changed model.SeminarDate) error {
	old, err := tx.DateByID(ctx, changed.ID)
	if err != nil {
		return err
	}
	if old.Status == model.DateCancelled {
		return fmt.Errorf("date %d is cancelled: %w", old.ID, model.ErrInvalidTransition)
	}
	if err := placeDate(ctx, tx, &changed); err != nil {
		return err
	}
	changed.SeminarID, changed.Sequence = old.SeminarID, old.Sequence
	moved := rescheduled(old, changed)
	if moved {
		changed.Sequence++
	}
	if err := tx.UpdateDate(ctx, &changed); err != nil {
		return err
	}
	c := dateChanges(old, changed)
	line, err := assignTrainers(ctx, tx, &changed, old.Trainers)
	if err != nil {
		return err
	}
	if line != "" {
		c = append(c, line)
	}
	if len(c) > 0 {
		if err := s.audit(ctx, tx, actor, model.AuditDateUpdated, fmt.Sprintf("date %d", old.ID), c.String()); err != nil {
			return err
		}
	}
	if moved {
		var corrected map[uint]bool
		if s.bookings != nil && s.bookings.ServiceChanged(old, changed) {
			// A new service day or format changes every invoice on the date: correct each.
			if corrected, err = s.bookings.CorrectDateInTx(ctx, tx, changed.ID); err != nil {
				return err
			}
		}
		if err := notifyRescheduled(ctx, tx, changed, corrected); err != nil {
			return err
		}
	}
	_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, changed.ID)
	return err
}

// rescheduled tells whether attendees must hear about a change: time or place of a date they
// can already have booked.
func rescheduled(old, changed model.SeminarDate) bool {
	if old.Status != model.DatePublished {
		return false
	}
	return !old.StartsAt.Equal(changed.StartsAt) || !old.EndsAt.Equal(changed.EndsAt) ||
		old.Format != changed.Format || old.City != changed.City || old.Venue != changed.Venue ||
		old.Address != changed.Address || old.OnlineURL != changed.OnlineURL
}

// notifyRescheduled tells every booking on a rescheduled date: its attendees each get the updated
// invite, its billing contact one message — the correction mail instead for the bookings in
// corrected, so nobody gets two mails about one change.
func notifyRescheduled(ctx context.Context, tx *store.Tx, d model.SeminarDate, corrected map[uint]bool) error {
	bookings, err := tx.BookingsOfDate(ctx, d.ID)
	if err != nil {
		return err
	}
	for _, b := range bookings {
		key := fmt.Sprintf("%d:%d:%d", d.ID, b.ID, d.Sequence)
		p := model.EventPayload{Event: model.EventDateRescheduled, BookingID: b.ID, DateID: d.ID,
			Extra: model.EventExtra{AttendeesOnly: corrected[b.ID]}}
		if err := booking.Notify(ctx, tx, key, p); err != nil {
			return err
		}
	}
	return nil
}
