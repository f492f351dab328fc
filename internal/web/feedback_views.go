package web

import (
	"context"
	"strconv"
	"strings"

	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// feedbackBlock is the feedback part of the attendee's page: the consent to be asked, and where
// the survey stands.
type feedbackBlock struct {
	On      bool // surveys are switched on (feedback_days > 0)
	Consent feedback.Consent
	Survey  feedback.Survey
	Saved   bool // the consent was just saved
}

// feedbackPageData is what the survey page shows.
type feedbackPageData struct {
	Attendee model.Attendee
	Date     model.SeminarDate
	Token    string
	Survey   feedback.Survey
	Form     form.Feedback
	// Saved: the answer was just stored; Signature is how a quote is (or would be) signed.
	Saved     bool
	Signature string
}

// ratingQuestion is one 1–5 question of the survey with its options.
type ratingQuestion struct {
	Name    string
	Options []ratingOption
}

type ratingOption struct {
	Value   int
	Checked bool
}

// Questions are the survey's three ratings with what the form holds checked.
func (d feedbackPageData) Questions() []ratingQuestion {
	out := make([]ratingQuestion, 0, 3)
	for _, q := range []struct{ name, value string }{
		{"content", d.Form.Content}, {"trainer", d.Form.Trainer}, {"organisation", d.Form.Organisation},
	} {
		rq := ratingQuestion{Name: q.name}
		for v := model.MinRating; v <= model.MaxRating; v++ {
			rq.Options = append(rq.Options, ratingOption{Value: v, Checked: q.value == strconv.Itoa(v)})
		}
		out = append(out, rq)
	}
	return out
}

// adminFeedbackData is the back office's results page.
type adminFeedbackData struct {
	Seminars []model.Seminar // every seminar, for the filter
	Selected uint            // the seminar shown in detail, or 0 for the overview
	Results  []feedback.SeminarResult
	// DateOf names each answer's date (by id) in the detail.
	DateOf map[uint]model.SeminarDate
	Lang   string
	// Pager pages the answers of the seminar shown in detail, or the overview's seminars.
	Pager pager
}

// DateFor is an answer's date, or nil for an example answer.
func (d adminFeedbackData) DateFor(f model.Feedback) *model.SeminarDate {
	if f.DateID == nil {
		return nil
	}
	if date, ok := d.DateOf[*f.DateID]; ok {
		return &date
	}
	return nil
}

// Avg formats an average rating with one decimal the way the page's language writes it.
func (d adminFeedbackData) Avg(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if d.Lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// feedbackBlock reads the attendee page's feedback part.
func (s *Server) feedbackBlock(ctx context.Context, a model.Attendee, b model.Booking, saved bool) (feedbackBlock, error) {
	out := feedbackBlock{On: s.feedback.Enabled(), Saved: saved}
	var err error
	if out.Consent, err = s.feedback.ConsentOf(ctx, a); err != nil {
		return out, err
	}
	out.Survey, err = s.feedback.SurveyOf(ctx, a, b)
	return out, err
}
