package booking

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// saveBookerAnswers stores the answers the booker gave for each attendee, to the seminar's
// questions that are not sensitive: the attendee answers those on their own page, with consent.
// A booking without answers costs no query, as it runs under the write lock.
func saveBookerAnswers(ctx context.Context, tx *store.Tx, seminarID uint, stored []model.Attendee, in []AttendeeInput) error {
	given := false
	for _, a := range in {
		given = given || len(a.Answers) > 0
	}
	if !given {
		return nil
	}
	questions, err := tx.QuestionsForSeminar(ctx, seminarID)
	if err != nil {
		return err
	}
	var asked []model.SeminarQuestion
	for _, q := range questions {
		if !q.Sensitive {
			asked = append(asked, q)
		}
	}
	for i, a := range in {
		if i < len(stored) && len(a.Answers) > 0 {
			if err := tx.SaveAnswers(ctx, stored[i].ID, asked, a.Answers, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// SaveSensitiveAnswers stores an attendee's own answers to the seminar's sensitive questions
// (Art. 9 GDPR), given on their page: consent must be ticked whenever an answer is given, and
// is stamped on each answer; empty answers delete the stored ones (which is also how consent is
// withdrawn). Once the date has ended or the booking or date was cancelled it returns
// model.ErrAnswersClosed. Invalid answers are a *model.ValidationError on "q<question id>" and
// "consent".
func (s *Service) SaveSensitiveAnswers(ctx context.Context, attendeeID uint, answers model.Answers, consent bool) error {
	now := s.now().UTC()
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		_, b, err := tx.AttendeeByID(ctx, attendeeID)
		if err != nil {
			return err
		}
		if b.Date == nil || !SensitiveAnswersOpen(b, now) {
			return fmt.Errorf("attendee %d: %w", attendeeID, model.ErrAnswersClosed)
		}
		questions, err := tx.QuestionsForSeminar(ctx, b.Date.SeminarID)
		if err != nil {
			return err
		}
		sensitive := model.SensitiveQuestions(questions)
		clean, errs := model.Answers{}, map[string]string{}
		for _, q := range sensitive {
			v, msg := q.NormalizeAnswer(answers[q.ID])
			if msg != "" {
				errs[fmt.Sprintf("q%d", q.ID)] = msg
			} else if v != "" {
				clean[q.ID] = v
			}
		}
		if len(clean) > 0 && !consent {
			errs["consent"] = "error.answer_consent"
		}
		if len(errs) > 0 {
			return &model.ValidationError{Fields: errs}
		}
		return tx.SaveAnswers(ctx, attendeeID, sensitive, clean, &now)
	})
}

// SensitiveAnswersOpen tells whether an attendee of b may still answer the sensitive questions:
// the booking is confirmed and the date has neither ended nor been cancelled.
func SensitiveAnswersOpen(b model.Booking, now time.Time) bool {
	return b.Date != nil && b.Status == model.BookingConfirmed && b.Date.Status != model.DateCancelled && now.Before(b.Date.EndsAt)
}
