package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// attendeePageData is what an attendee's own page shows.
type attendeePageData struct {
	Attendee model.Attendee
	Booking  model.Booking
	Date     model.SeminarDate
	Token    string
	Code     string
	// Cancelled: the booking or the date was cancelled; the page says so and offers no QR
	// code or calendar entry any more.
	Cancelled bool
	// Certificate: the attendee was checked in and the date is over, so the certificate of
	// attendance can be downloaded.
	Certificate bool
	// Days are the date's days (one for most dates) and DaysCheckedIn the ones the attendee
	// was checked in on.
	Days          []model.Session
	DaysCheckedIn map[string]bool
	// Questions are the seminar's questions: the booker's answers are shown, the sensitive ones
	// asked here (Answers holds what is stored or, after an error, what was typed).
	Questions   []model.SeminarQuestion
	Answers     model.Answers
	ConsentedAt *time.Time
	// AnswersOpen: the sensitive questions can still be answered (booking.SensitiveAnswersOpen).
	AnswersOpen  bool
	AnswersSaved bool
	Consent      bool // the consent box as typed, after an error
	// Materials are the seminar's files and links for this date: released ones to open, the
	// others with the day they come; none once the booking or the date is cancelled.
	Materials []attendeeMaterial
	// Feedback: may we ask for feedback after the date, and the survey once it is open.
	Feedback feedbackBlock
}

// SensitiveQuestions are the questions this page asks.
func (d attendeePageData) SensitiveQuestions() []model.SeminarQuestion {
	return model.SensitiveQuestions(d.Questions)
}

// BookerQuestions are the questions the booker answered for the attendee.
func (d attendeePageData) BookerQuestions() []model.SeminarQuestion {
	var out []model.SeminarQuestion
	for _, q := range d.Questions {
		if !q.Sensitive {
			out = append(out, q)
		}
	}
	return out
}

// attendeePageShow is GET /a/{token}: the attendee's own page — joining link or venue, the
// calendar entry, the check-in QR code, later the certificate, and the seminar's materials as
// they are released. The token in the path is the proof; a wrong or rotated one is a 404.
func (s *Server) attendeePageShow(c echo.Context) error {
	return s.renderAttendeePage(c, http.StatusOK, nil, nil)
}

// renderAttendeePage renders the attendee's page; typed (with errs) is the answers form as sent
// when it had errors, nil to show the stored answers.
func (s *Server) renderAttendeePage(c echo.Context, status int, typed *answersTyped, errs map[string]string) error {
	ctx := c.Request().Context()
	token := c.Param("token")
	a, b, err := s.attendeeByToken(ctx, token)
	if err != nil {
		return err
	}
	checkIns, err := s.store.CheckInsOfAttendee(ctx, b.DateID, a.ID)
	if err != nil {
		return err
	}
	d := *b.Date
	data := attendeePageData{
		Attendee: a, Booking: b, Date: d, Token: token, Code: s.secrets.AttendeeCode(a.ID, a.SecretRotation),
		Cancelled: b.Status == model.BookingCancelled || d.Status == model.DateCancelled,
		Days:      d.Sessions(s.cfg.Location), DaysCheckedIn: map[string]bool{},
	}
	for _, ci := range checkIns {
		data.DaysCheckedIn[ci.Day] = true
	}
	data.Certificate = !data.Cancelled && a.CheckedInAt != nil && !s.now().Before(d.EndsAt)
	if err := s.fillAttendeeAnswers(ctx, &data, typed); err != nil {
		return err
	}
	data.AnswersSaved = c.QueryParam("saved") != ""
	if data.Feedback, err = s.feedbackBlock(ctx, a, b, c.QueryParam("consent") != ""); err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	if materialsOpen(b) {
		items, err := s.store.MaterialsForDate(ctx, d)
		if err != nil {
			return err
		}
		data.Materials = s.attendeeMaterials(items, d, token, t.Lang)
	}
	privateHeaders(c)
	return s.render(c, status, pageAttendee, t.T("attendee.title"), data, errs)
}

// answersTyped is the attendee's answers form as sent.
type answersTyped struct {
	Answers model.Answers
	Consent bool
}

// fillAttendeeAnswers adds the seminar's questions and the attendee's answers to the page.
func (s *Server) fillAttendeeAnswers(ctx context.Context, data *attendeePageData, typed *answersTyped) error {
	questions, err := s.store.QuestionsForSeminar(ctx, data.Date.SeminarID)
	if err != nil || len(questions) == 0 {
		return err
	}
	rows, err := s.store.AnswerRowsOf(ctx, data.Attendee.ID)
	if err != nil {
		return err
	}
	data.Questions, data.Answers = questions, model.Answers{}
	for _, r := range rows {
		data.Answers[r.QuestionID] = r.Value
		if r.ConsentedAt != nil {
			data.ConsentedAt = r.ConsentedAt
		}
	}
	data.AnswersOpen = booking.SensitiveAnswersOpen(data.Booking, s.now())
	if typed != nil {
		for _, q := range data.SensitiveQuestions() {
			data.Answers[q.ID] = typed.Answers[q.ID]
		}
		data.Consent = typed.Consent
	}
	return nil
}

// privateHeaders keep a response whose URL carries a secret out of caches and referrers.
func privateHeaders(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
}
