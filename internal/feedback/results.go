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
	Seminar  model.Seminar
	Summary  model.FeedbackSummary
	Examples int
	Quotes   int
	// Dates is one page of the dates with answers (earliest first); DatesTotal counts them all.
	Dates        []DateResult
	DatesTotal   int
	Answers      []model.Feedback
	AnswersTotal int
	// AnswerDates are the dates of the page's answers, by id.
	AnswerDates map[uint]model.SeminarDate
}

// Page is what Results reads of each seminar beyond its sums: a page of its answers and a page
// of its per-date rows (DatesLimit rows from DatesOffset; none when DatesLimit is 0).
type Page struct {
	Answers                 store.AnswerPage
	DatesOffset, DatesLimit int
}

// DateResult is one date's results.
type DateResult struct {
	Date    model.SeminarDate
	Summary model.FeedbackSummary
}

// Results sums up the answers of one seminar (seminarID), or of every seminar that has any
// (seminarID 0), in the seminars' order by title, with a page of each seminar's answers (none
// when page.Answers.Limit is 0) and of its dates with answers. The counts and averages are the database's over every answer, whatever
// the page. A seminar that does not exist is model.ErrNotFound; one without answers has a zero
// summary.
func (s *Service) Results(ctx context.Context, seminarID uint, page Page) ([]SeminarResult, error) {
	seminars, bySeminar, err := s.tallied(ctx, seminarID)
	if err != nil {
		return nil, err
	}
	return s.resultsOf(ctx, seminars, bySeminar, page)
}

// Overview is Results of every seminar with answers, limit seminars from offset (the back
// office's overview pages its seminars, so its reads stay a page's however many seminars
// collect answers over the years), and how many seminars have answers.
func (s *Service) Overview(ctx context.Context, page Page, offset, limit int) ([]SeminarResult, int, error) {
	seminars, bySeminar, err := s.tallied(ctx, 0)
	if err != nil {
		return nil, 0, err
	}
	total := len(seminars)
	seminars = seminars[min(offset, total):min(offset+limit, total)]
	out, err := s.resultsOf(ctx, seminars, bySeminar, page)
	return out, total, err
}

// tallied reads the sums of the seminars Results lists (one grouped query) and the seminars.
func (s *Service) tallied(ctx context.Context, seminarID uint) ([]model.Seminar, map[uint]store.FeedbackTally, error) {
	tallies, err := s.store.FeedbackTallies(ctx, seminarID)
	if err != nil {
		return nil, nil, err
	}
	bySeminar := map[uint]store.FeedbackTally{}
	for _, t := range tallies {
		bySeminar[t.SeminarID] = t
	}
	seminars, err := s.resultSeminars(ctx, seminarID, bySeminar)
	return seminars, bySeminar, err
}

// resultsOf reads the pages of seminars' dates and answers.
func (s *Service) resultsOf(ctx context.Context, seminars []model.Seminar, bySeminar map[uint]store.FeedbackTally, page Page) ([]SeminarResult, error) {
	// A constant number of queries, however many seminars: each step reads every seminar's
	// page at once (issue 16; it used to be a few queries per seminar).
	ids := make([]uint, len(seminars))
	for i, sem := range seminars {
		ids[i] = sem.ID
	}
	datePages, err := s.store.FeedbackDatePages(ctx, ids, page.DatesOffset, page.DatesLimit)
	if err != nil {
		return nil, err
	}
	out := make([]SeminarResult, 0, len(seminars))
	var withAnswers []uint
	for _, sem := range seminars {
		r := result(sem, bySeminar[sem.ID])
		r.DatesTotal = int(bySeminar[sem.ID].Dates)
		for _, d := range datePages[sem.ID] {
			r.Dates = append(r.Dates, DateResult{Date: d.Date, Summary: model.SummaryOfSums(d.Count, d.ContentSum, d.TrainerSum, d.OrganisationSum)})
		}
		r.Answers, r.AnswersTotal = []model.Feedback{}, r.Summary.Count
		if page.Answers.QuotesOnly {
			r.AnswersTotal = r.Quotes
		}
		if page.Answers.Limit > 0 && page.Answers.Offset < r.AnswersTotal {
			withAnswers = append(withAnswers, sem.ID)
		}
		out = append(out, r)
	}
	answers, err := s.store.AnsweredFeedbackPages(ctx, withAnswers, page.Answers)
	if err != nil {
		return nil, err
	}
	var dateIDs []uint
	for i := range out {
		if a, ok := answers[out[i].Seminar.ID]; ok {
			out[i].Answers = a
		}
		for _, f := range out[i].Answers {
			if f.DateID != nil {
				dateIDs = append(dateIDs, *f.DateID)
			}
		}
	}
	dates, err := s.store.DatesByIDsChunked(ctx, dateIDs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].AnswerDates = map[uint]model.SeminarDate{}
		for _, f := range out[i].Answers {
			if f.DateID != nil {
				if d, ok := dates[*f.DateID]; ok {
					out[i].AnswerDates[*f.DateID] = d
				}
			}
		}
	}
	return out, nil
}

// resultSeminars are the seminars Results lists, without their dates: the one asked for, or
// every seminar with answers by title.
func (s *Service) resultSeminars(ctx context.Context, seminarID uint, bySeminar map[uint]store.FeedbackTally) ([]model.Seminar, error) {
	if seminarID != 0 {
		sem, err := s.store.SeminarOnly(ctx, seminarID)
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
		if _, ok := bySeminar[sem.ID]; ok {
			seminars = append(seminars, sem)
		}
	}
	return seminars, nil
}

// result sums up one seminar's tally.
func result(sem model.Seminar, t store.FeedbackTally) SeminarResult {
	return SeminarResult{Seminar: sem, Examples: int(t.Examples), Quotes: int(t.Quotes),
		Summary: model.SummaryOfSums(t.Count, t.ContentSum, t.TrainerSum, t.OrganisationSum)}
}
