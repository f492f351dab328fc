package feedback

import (
	"context"

	"seminars/internal/model"
)

// SeminarResult is a seminar's survey results: all its answers summed up, per date, and the
// answers themselves (newest first). Examples counts the demo's example answers among them;
// they belong to no date.
type SeminarResult struct {
	Seminar  model.Seminar
	Summary  model.FeedbackSummary
	Examples int
	Dates    []DateResult
	Answers  []model.Feedback
}

// DateResult is one date's results.
type DateResult struct {
	Date    model.SeminarDate
	Summary model.FeedbackSummary
}

// Results sums up the answers of one seminar (seminarID), or of every seminar that has any
// (seminarID 0), in the seminars' order by title. A seminar that does not exist is
// model.ErrNotFound; one without answers has a zero summary.
func (s *Service) Results(ctx context.Context, seminarID uint) ([]SeminarResult, error) {
	answers, err := s.store.AnsweredFeedback(ctx, seminarID)
	if err != nil {
		return nil, err
	}
	bySeminar := map[uint][]model.Feedback{}
	for _, f := range answers {
		bySeminar[f.SeminarID] = append(bySeminar[f.SeminarID], f)
	}
	var seminars []model.Seminar
	if seminarID != 0 {
		sem, err := s.store.SeminarByID(ctx, seminarID)
		if err != nil {
			return nil, err
		}
		seminars = []model.Seminar{sem}
	} else {
		all, err := s.store.AdminSeminars(ctx)
		if err != nil {
			return nil, err
		}
		for _, sem := range all {
			if len(bySeminar[sem.ID]) == 0 {
				continue
			}
			full, err := s.store.SeminarByID(ctx, sem.ID) // with its dates
			if err != nil {
				return nil, err
			}
			seminars = append(seminars, full)
		}
	}
	out := make([]SeminarResult, 0, len(seminars))
	for _, sem := range seminars {
		out = append(out, result(sem, bySeminar[sem.ID]))
	}
	return out, nil
}

// result sums up one seminar's answers, per date in the order of the dates.
func result(sem model.Seminar, answers []model.Feedback) SeminarResult {
	r := SeminarResult{Seminar: sem, Summary: model.Summarize(answers), Answers: answers}
	byDate := map[uint][]model.Feedback{}
	for _, f := range answers {
		if f.Example {
			r.Examples++
		}
		if f.DateID != nil {
			byDate[*f.DateID] = append(byDate[*f.DateID], f)
		}
	}
	for _, d := range sem.Dates {
		if list := byDate[d.ID]; len(list) > 0 {
			r.Dates = append(r.Dates, DateResult{Date: d, Summary: model.Summarize(list)})
		}
	}
	if r.Answers == nil {
		r.Answers = []model.Feedback{}
	}
	return r
}
