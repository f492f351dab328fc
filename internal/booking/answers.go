package booking

import (
	"context"

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
