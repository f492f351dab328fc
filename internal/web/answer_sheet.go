package web

import (
	"context"

	"seminars/internal/model"
)

// answerSheet is a seminar's questions with the answers of some of its attendees, for the
// back office's attendee list, booking page and CSV export.
type answerSheet struct {
	Questions []model.SeminarQuestion
	answers   map[uint]model.Answers
}

// answerSheetFor loads the seminar's questions and, if it has any, the attendees' answers.
func (s *Server) answerSheetFor(ctx context.Context, seminarID uint, attendees ...model.Attendee) (answerSheet, error) {
	questions, err := s.store.QuestionsForSeminar(ctx, seminarID)
	if err != nil || len(questions) == 0 {
		return answerSheet{}, err
	}
	ids := make([]uint, len(attendees))
	for i, a := range attendees {
		ids[i] = a.ID
	}
	answers, err := s.store.AnswersOf(ctx, ids...)
	return answerSheet{Questions: questions, answers: answers}, err
}

// Of returns one attendee's answers (question id → value).
func (a answerSheet) Of(attendeeID uint) model.Answers { return a.answers[attendeeID] }

// Cells returns one attendee's answers in question order as shown in a language, "" where not
// answered.
func (a answerSheet) Cells(lang string, attendeeID uint) []string {
	cells := make([]string, len(a.Questions))
	for i, q := range a.Questions {
		if v := a.answers[attendeeID][q.ID]; v != "" {
			cells[i] = q.AnswerText(lang, v)
		}
	}
	return cells
}
