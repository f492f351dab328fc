package feedback

import (
	"context"

	"seminars/internal/model"
	"seminars/internal/store"
)

// SeminarResult is a seminar's survey results: all its answers summed up, per date, and one
// page of the answers themselves (newest first). Examples counts the demo's example answers
// among them; they belong to no date. Quotes counts the answers with a quote the attendee
// agreed to publish; AnswersTotal is how many answers the page is a page of (all answers, or
// the quotes when the page asked for quotes only).
type SeminarResult struct {
	Seminar      model.Seminar
	Summary      model.FeedbackSummary
	Examples     int
	Quotes       int
	Dates        []DateResult
	Answers      []model.Feedback
	AnswersTotal int
}

// DateResult is one date's results.
type DateResult struct {
	Date    model.SeminarDate
	Summary model.FeedbackSummary
}

// Results sums up the answers of one seminar (seminarID), or of every seminar that has any
// (seminarID 0), in the seminars' order by title, with page of each seminar's answers (none
// when page.Limit is 0). The counts and averages are the database's over every answer, whatever
// the page. A seminar that does not exist is model.ErrNotFound; one without answers has a zero
// summary.
func (s *Service) Results(ctx context.Context, seminarID uint, page store.AnswerPage) ([]SeminarResult, error) {
	tallies, err := s.store.FeedbackTallies(ctx, seminarID)
	if err != nil {
		return nil, err
	}
	bySeminar := map[uint][]store.FeedbackTally{}
	for _, t := range tallies {
		bySeminar[t.SeminarID] = append(bySeminar[t.SeminarID], t)
	}
	seminars, err := s.resultSeminars(ctx, seminarID, bySeminar)
	if err != nil {
		return nil, err
	}
	out := make([]SeminarResult, 0, len(seminars))
	for _, sem := range seminars {
		r := result(sem, bySeminar[sem.ID])
		r.Answers, r.AnswersTotal = []model.Feedback{}, r.Summary.Count
		if page.QuotesOnly {
			r.AnswersTotal = r.Quotes
		}
		if page.Limit > 0 && page.Offset < r.AnswersTotal {
			if r.Answers, err = s.store.AnsweredFeedbackPage(ctx, sem.ID, page); err != nil {
				return nil, err
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// resultSeminars are the seminars Results lists, with their dates: the one asked for, or every
// seminar with answers by title.
func (s *Service) resultSeminars(ctx context.Context, seminarID uint, bySeminar map[uint][]store.FeedbackTally) ([]model.Seminar, error) {
	if seminarID != 0 {
		sem, err := s.store.SeminarByID(ctx, seminarID)
		if err != nil {
			return nil, err
		}
		return []model.Seminar{sem}, nil
	}
	all, err := s.store.AdminSeminars(ctx)
	if err != nil {
		return nil, err
	}
	var seminars []model.Seminar
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
	return seminars, nil
}

// result sums up one seminar's tallies (one per date, and one for the examples), per date in
// the order of the dates.
func result(sem model.Seminar, tallies []store.FeedbackTally) SeminarResult {
	r := SeminarResult{Seminar: sem}
	var count, content, trainer, organisation int64
	byDate := map[uint]store.FeedbackTally{}
	for _, t := range tallies {
		count, content, trainer, organisation = count+t.Count, content+t.ContentSum, trainer+t.TrainerSum, organisation+t.OrganisationSum
		r.Examples += int(t.Examples)
		r.Quotes += int(t.Quotes)
		if t.DateID != nil {
			byDate[*t.DateID] = t
		}
	}
	r.Summary = model.SummaryOfSums(count, content, trainer, organisation)
	for _, d := range sem.Dates {
		if t, ok := byDate[d.ID]; ok {
			r.Dates = append(r.Dates, DateResult{Date: d, Summary: model.SummaryOfSums(t.Count, t.ContentSum, t.TrainerSum, t.OrganisationSum)})
		}
	}
	return r
}
