package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the feedback survey's texts (feedback.comment varchar(2000), quote_signature
// varchar(200); the role typed for the signature is part of it).
const (
	MaxFeedbackCommentLen = 2000
	MaxQuoteRoleLen       = 100
	MaxQuoteSignatureLen  = 200
)

// Ratings run from 1 (poor) to 5 (excellent); 0 means not rated (an unanswered request).
const (
	MinRating = 1
	MaxRating = 5
)

// ConsentSource says where an attendee agreed to be asked for feedback.
type ConsentSource string

// Where consent to the survey mail can be given.
const (
	ConsentAttendeePage ConsentSource = "attendee_page"
	ConsentBooking      ConsentSource = "booking"
)

// FeedbackConsent records that an attendee agreed to receive the survey mail after their date.
// A survey by mail is advertising (§ 7 UWG), so no consent means no mail. Email is the address
// the consent was given for: when the seat goes to another person on the same row, the
// consent does not carry over (ValidFor).
type FeedbackConsent struct {
	AttendeeID  uint          `gorm:"primaryKey;autoIncrement:false"`
	Email       string        `gorm:"size:254;not null"`
	ConsentedAt time.Time     `gorm:"not null"`
	Source      ConsentSource `gorm:"size:20;not null"`
}

// ValidFor tells whether the consent was given by the attendee who now holds the seat.
func (c FeedbackConsent) ValidFor(a Attendee) bool {
	return c.AttendeeID == a.ID && strings.EqualFold(strings.TrimSpace(c.Email), strings.TrimSpace(a.Email))
}

// Feedback is one attendee's survey for one date: requested when the survey mail was recorded,
// answered once they sent it (and edited until the survey closes). Example rows (the demo's)
// have no attendee and no date and say so on every page that shows them.
type Feedback struct {
	ID                 uint  `gorm:"primaryKey"`
	AttendeeID         *uint `gorm:"uniqueIndex:idx_feedback_attendee_date"`
	DateID             *uint `gorm:"uniqueIndex:idx_feedback_attendee_date;index"`
	SeminarID          uint  `gorm:"not null"` // indexed with answered_at, id (migration 0033)
	RequestedAt        *time.Time
	AnsweredAt         *time.Time
	UpdatedAt          time.Time `gorm:"not null"`
	ContentRating      int       `gorm:"not null;default:0"`
	TrainerRating      int       `gorm:"not null;default:0"`
	OrganisationRating int       `gorm:"not null;default:0"`
	Comment            string    `gorm:"size:2000;not null;default:''"`
	// QuoteConsent: the attendee agreed that Comment may be shown on the seminar page, signed
	// QuoteSignature (the name form they were shown, e.g. "Anna M., Marketing").
	QuoteConsent   bool   `gorm:"not null;default:false"`
	QuoteSignature string `gorm:"size:200;not null;default:''"`
	// QuoteHidden: the trainer took the quote off the seminar page.
	QuoteHidden bool `gorm:"not null;default:false"`
	Example     bool `gorm:"not null;default:false"`
}

// TableName keeps the table's name singular, as the migration wrote it.
func (Feedback) TableName() string { return "feedback" }

// Answered tells whether the attendee sent the survey.
func (f Feedback) Answered() bool { return f.AnsweredAt != nil }

// Public tells whether the feedback's quote may appear on the seminar page.
func (f Feedback) Public() bool {
	return f.Answered() && f.QuoteConsent && !f.QuoteHidden && strings.TrimSpace(f.Comment) != ""
}

// FeedbackAnswer is what an attendee sends on the survey page.
type FeedbackAnswer struct {
	Content, Trainer, Organisation int
	Comment                        string
	QuoteConsent                   bool
	QuoteRole                      string // e.g. "Marketing"; optional
}

// CheckFeedbackAnswer cleans an answer with the text rule and returns every field's problem
// at once (a *ValidationError with message keys), or the cleaned answer.
func CheckFeedbackAnswer(a FeedbackAnswer) (FeedbackAnswer, error) {
	fields := map[string]string{}
	for name, r := range map[string]int{"content": a.Content, "trainer": a.Trainer, "organisation": a.Organisation} {
		if r < MinRating || r > MaxRating {
			fields[name] = "feedback.error.rating"
		}
	}
	var err error
	if a.Comment, err = Paragraphs("comment", a.Comment, MaxFeedbackCommentLen); err != nil {
		fields["comment"] = messageKey(err)
	}
	if a.QuoteRole, err = Line("quote_role", a.QuoteRole, MaxQuoteRoleLen); err != nil {
		fields["quote_role"] = messageKey(err)
	}
	if a.QuoteConsent && strings.TrimSpace(a.Comment) == "" && fields["comment"] == "" {
		fields["comment"] = "feedback.error.quote_needs_comment"
	}
	if len(fields) > 0 {
		return a, &ValidationError{Fields: fields}
	}
	return a, nil
}

// messageKey is a text rule error's message key.
func messageKey(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.MessageKey()
	}
	return "feedback.error.invalid"
}

// QuoteSignature is how a published quote is signed: the first name, the initial of the last
// name and, when given, the role — "Anna M., Marketing". Never the full name: the quote is
// public.
func QuoteSignature(firstName, lastName, role string) string {
	sig := strings.TrimSpace(firstName)
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(lastName)); r != utf8.RuneError {
		sig = strings.TrimSpace(sig + " " + string(r) + ".")
	}
	if role = strings.TrimSpace(role); role != "" {
		sig = fmt.Sprintf("%s, %s", sig, role)
	}
	if utf8.RuneCountInString(sig) > MaxQuoteSignatureLen {
		sig = string([]rune(sig)[:MaxQuoteSignatureLen])
	}
	return sig
}

// QuoteRoleOf recovers the role from a stored signature, to show it again in the form.
func QuoteRoleOf(signature string) string {
	_, role, _ := strings.Cut(signature, ", ")
	return role
}

// SurveyWindow says when an attendee may answer the survey of a date that ends at endsAt:
// from the end for days days. The survey mail goes out inside the same window.
func SurveyWindow(endsAt time.Time, days int) (opens, closes time.Time) {
	return endsAt, endsAt.AddDate(0, 0, days)
}

// FeedbackSummary is the count and the averages of a set of answers (per date or seminar).
type FeedbackSummary struct {
	Count        int
	Content      float64
	Trainer      float64
	Organisation float64
}

// SummaryOfSums is the summary of count answers whose ratings add up to content, trainer and
// organisation (sums the database adds up over every answer, not a page of them).
func SummaryOfSums(count, content, trainer, organisation int64) FeedbackSummary {
	s := FeedbackSummary{Count: int(count)}
	if count > 0 {
		n := float64(count)
		s.Content, s.Trainer, s.Organisation = float64(content)/n, float64(trainer)/n, float64(organisation)/n
	}
	return s
}

// ErrSurveyClosed says the survey of a date cannot be answered: the date has not ended yet,
// its answer period is over, the attendee was not checked in, or the seat or date was
// cancelled.
var ErrSurveyClosed = errors.New("survey not open")
