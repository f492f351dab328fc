package backoffice

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ConfirmRun records the trainer's decision that a date takes place, whatever its count, in one
// transaction: the confirmation, the audit entry, and the "date confirmed" event (every confirmed
// booking's billing contact and each attendee hear that the date takes place). From then on the
// date is guaranteed. A date that is cancelled, a draft, already started or already confirmed is
// model.ErrInvalidTransition; calling it off is CancelDate.
func (s *Service) ConfirmRun(ctx context.Context, actor string, dateID uint) (model.SeminarDate, error) {
	var d model.SeminarDate
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if d, err = tx.DateByID(ctx, dateID); err != nil {
			return err
		}
		now := s.now().UTC()
		refused := fmt.Errorf("date %d cannot be confirmed (status %s, confirmed %v): %w", d.ID, d.Status, d.RunConfirmedAt != nil, model.ErrInvalidTransition)
		if !d.CanConfirmRun(now) {
			return refused
		}
		confirmed, err := tx.ConfirmDateRun(ctx, d.ID, now)
		if err != nil {
			return err
		}
		if !confirmed {
			return refused // confirmed or cancelled meanwhile
		}
		d.RunConfirmedAt = &now
		// A date is confirmed once, so its id alone names the cause.
		if err := booking.Notify(ctx, tx, fmt.Sprintf("date-%d", d.ID), model.EventPayload{Event: model.EventDateConfirmed, DateID: d.ID}); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditDateRunConfirmed, fmt.Sprintf("date %d", d.ID),
			fmt.Sprintf("run_confirmed_at: %s; min_participants: %d; seats_confirmed: %d; seats_taken: %d",
				stamp(now), d.MinParticipants, d.SeatsConfirmed, d.SeatsTaken))
	})
	return d, err
}

// RunDecisionSettings shape the run decision.
type RunDecisionSettings struct {
	// Days is how many days before a date below its minimum the decision falls due
	// (decision_days); 0 turns the reminder off.
	Days int
}

// RunDecisions finds the dates whose run decision is due and tells the owners once per date.
type RunDecisions struct {
	store    *store.Store
	settings RunDecisionSettings
}

// NewRunDecisions returns the run decision's reminder.
func NewRunDecisions(st *store.Store, settings RunDecisionSettings) *RunDecisions {
	return &RunDecisions{store: st, settings: settings}
}

// Days is the decision_days setting.
func (r *RunDecisions) Days() int { return r.settings.Days }

// Due lists the dates whose decision is due at now (model.SeminarDate.DecisionDue), earliest
// first, for the dashboard.
func (r *RunDecisions) Due(ctx context.Context, now time.Time) ([]model.SeminarDate, error) {
	if r.settings.Days <= 0 {
		return nil, nil
	}
	open, err := r.store.DatesDecisionOpen(ctx, now, now.Add(time.Duration(r.settings.Days)*24*time.Hour))
	if err != nil {
		return nil, err
	}
	var due []model.SeminarDate
	for _, d := range open {
		if d.DecisionDue(now, r.settings.Days) {
			due = append(due, d)
		}
	}
	return due, nil
}

// decisionDueKey is the cause of a date's decision mail. The outbox stores a key once, so each
// date's owners are mailed once however often and on however many instances the job runs.
func decisionDueKey(dateID uint) string { return fmt.Sprintf("date-%d", dateID) }

// NotifyDue records a "decision due" event for every date whose decision is due at now, in one
// transaction, and returns how many dates are due. It is the periodic job's round.
func (r *RunDecisions) NotifyDue(ctx context.Context, now time.Time) (int, error) {
	due, err := r.Due(ctx, now)
	if err != nil || len(due) == 0 {
		return 0, err
	}
	return len(due), r.store.WithTx(ctx, func(tx *store.Tx) error {
		for _, d := range due {
			p := model.EventPayload{Event: model.EventDecisionDue, DateID: d.ID}
			if err := booking.Notify(ctx, tx, decisionDueKey(d.ID), p); err != nil {
				return err
			}
		}
		return nil
	})
}
