// Package feedback is the survey after a date: attendees agree (or not) to be asked, the
// hourly job mails the survey once per attendee and date to those who agreed, attendees answer
// and edit their answer on their own page until the survey closes, and the trainer reads the
// results and decides which quotes the seminar page shows. It imports store and model only.
package feedback

import (
	"context"
	"errors"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Settings are the survey's.
type Settings struct {
	// Days is how long after a date's end its survey is open (answers and edits); the survey
	// mail goes out in the same period. 0 switches surveys off.
	Days int
}

// Service is the survey's use cases.
type Service struct {
	store *store.Store
	s     Settings
	now   func() time.Time
}

// New returns the survey's use cases on the clock now.
func New(st *store.Store, s Settings, now func() time.Time) *Service {
	return &Service{store: st, s: s, now: now}
}

// Enabled tells whether surveys are on (feedback_days > 0).
func (s *Service) Enabled() bool { return s.s.Days > 0 }

// Audit actions of the survey.
const (
	auditQuoteHidden = "feedback.quote_hidden"
	auditQuoteShown  = "feedback.quote_shown"
)

// Consent is an attendee's answer to "may we ask you for feedback after the date?".
type Consent struct {
	Given bool
	At    time.Time
}

// ConsentOf tells whether the attendee holding the seat agreed to be asked.
func (s *Service) ConsentOf(ctx context.Context, a model.Attendee) (Consent, error) {
	c, ok, err := s.store.FeedbackConsentOf(ctx, a.ID)
	if err != nil || !ok || !c.ValidFor(a) {
		return Consent{}, err
	}
	return Consent{Given: true, At: c.ConsentedAt}, nil
}

// SetConsent records or withdraws the attendee's consent to the survey mail.
func (s *Service) SetConsent(ctx context.Context, a model.Attendee, agree bool, source model.ConsentSource) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if !agree {
			return tx.DeleteFeedbackConsent(ctx, a.ID)
		}
		return tx.SetFeedbackConsent(ctx, model.FeedbackConsent{AttendeeID: a.ID, Email: a.Email, ConsentedAt: s.now().UTC(), Source: source})
	})
}

// Survey is the state of one attendee's survey for their booking's date.
type Survey struct {
	// Open: the attendee may answer or edit now; Closes is until when.
	Open   bool
	Closes time.Time
	// NotYet: the date has not ended (or surveys are off); Over: the answer period ended.
	NotYet, Over bool
	// Eligible: the attendee was checked in and neither seat nor date was cancelled.
	Eligible bool
	Answer   model.Feedback // the stored answer (Answered() tells whether there is one)
}

// SurveyOf tells where an attendee's survey stands. b must have its date loaded.
func (s *Service) SurveyOf(ctx context.Context, a model.Attendee, b model.Booking) (Survey, error) {
	if b.Date == nil {
		return Survey{}, fmt.Errorf("survey of attendee %d: date not loaded", a.ID)
	}
	d := *b.Date
	now := s.now()
	opens, closes := model.SurveyWindow(d.EndsAt, s.s.Days)
	out := Survey{
		Closes:   closes,
		Eligible: a.CheckedInAt != nil && b.Status == model.BookingConfirmed && d.Status != model.DateCancelled,
		NotYet:   !s.Enabled() || now.Before(opens),
		Over:     s.Enabled() && !now.Before(closes),
	}
	out.Open = out.Eligible && !out.NotYet && !out.Over
	f, err := s.store.FeedbackOf(ctx, a.ID, d.ID)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return out, err
	}
	out.Answer = f
	return out, nil
}

// Answer stores the attendee's answer (or their edit of it) while the survey is open; a closed
// survey is model.ErrSurveyClosed and bad input a *model.ValidationError, and neither changes
// anything.
func (s *Service) Answer(ctx context.Context, a model.Attendee, b model.Booking, in model.FeedbackAnswer) error {
	in, err := model.CheckFeedbackAnswer(in)
	if err != nil {
		return err
	}
	sv, err := s.SurveyOf(ctx, a, b)
	if err != nil {
		return err
	}
	if !sv.Open {
		return fmt.Errorf("survey of attendee %d on date %d: %w", a.ID, b.DateID, model.ErrSurveyClosed)
	}
	now := s.now().UTC()
	attendee, date := a.ID, b.DateID
	f := model.Feedback{
		AttendeeID: &attendee, DateID: &date, SeminarID: b.Date.SeminarID, AnsweredAt: &now,
		ContentRating: in.Content, TrainerRating: in.Trainer, OrganisationRating: in.Organisation,
		Comment: in.Comment, QuoteConsent: in.QuoteConsent,
	}
	if in.QuoteConsent {
		f.QuoteSignature = model.QuoteSignature(a.FirstName, a.LastName, in.QuoteRole)
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveFeedbackAnswer(ctx, &f) })
}

// SetQuoteHidden takes a quote off the seminar page (hidden) or puts it back, with an audit
// entry naming who did it.
func (s *Service) SetQuoteHidden(ctx context.Context, actor string, id uint, hidden bool) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetQuoteHidden(ctx, id, hidden); err != nil {
			return err
		}
		action := auditQuoteShown
		if hidden {
			action = auditQuoteHidden
		}
		return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: s.now().UTC(), Actor: actor, Action: action, Subject: fmt.Sprintf("feedback %d", id)})
	})
}

// Quotes lists up to limit quotes the seminar's page may show.
func (s *Service) Quotes(ctx context.Context, seminarID uint, limit int) ([]model.Feedback, error) {
	return s.store.PublicQuotes(ctx, seminarID, limit)
}
