package form

import (
	"net/url"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// Feedback is the survey form on the attendee's page: three ratings (radio buttons 1–5), a
// comment, and the consent to publish it as a quote with an optional role in the signature.
type Feedback struct {
	Content, Trainer, Organisation string
	Comment                        string
	QuoteConsent                   bool
	QuoteRole                      string
}

// FeedbackFromValues reads the form.
func FeedbackFromValues(v url.Values) Feedback {
	return Feedback{
		Content: v.Get("content"), Trainer: v.Get("trainer"), Organisation: v.Get("organisation"),
		Comment: v.Get("comment"), QuoteConsent: v.Get("quote_consent") != "", QuoteRole: v.Get("quote_role"),
	}
}

// FeedbackFromAnswer fills the form with a stored answer, to edit it.
func FeedbackFromAnswer(f model.Feedback) Feedback {
	return Feedback{
		Content: strconv.Itoa(f.ContentRating), Trainer: strconv.Itoa(f.TrainerRating), Organisation: strconv.Itoa(f.OrganisationRating),
		Comment: f.Comment, QuoteConsent: f.QuoteConsent, QuoteRole: model.QuoteRoleOf(f.QuoteSignature),
	}
}

// Answer is what the form asks to store; the survey (model.CheckFeedbackAnswer) checks it. A
// rating that is no number counts as none given.
func (f Feedback) Answer() model.FeedbackAnswer {
	return model.FeedbackAnswer{
		Content: rating(f.Content), Trainer: rating(f.Trainer), Organisation: rating(f.Organisation),
		Comment: f.Comment, QuoteConsent: f.QuoteConsent, QuoteRole: f.QuoteRole,
	}
}

func rating(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}
