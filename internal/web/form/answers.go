package form

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// Message keys of answers that do not fit their question.
const (
	msgAnswerUnknown   = "error.answer_unknown"
	msgAnswerSensitive = "error.answer_sensitive"
)

// CheckAnswers checks each attendee's answers against the seminar's questions and keeps them
// normalised (model.SeminarQuestion.NormalizeAnswer). Sensitive questions are not the booker's
// to answer: the attendee answers them on their own page with consent, so the API refuses an
// answer to one. requireAnswers is true on the HTML form, which asks every required question and
// drops answers to questions it no longer shows (removed or made sensitive while the booker
// typed); an API client that does not know the questions may leave them out.
func (b *Booking) CheckAnswers(errs Errors, questions []model.SeminarQuestion, requireAnswers bool) {
	for i := range b.Attendees {
		checkAnswerSet(errs, fmt.Sprintf("attendees[%d].", i), &b.Attendees[i].Answers, questions, requireAnswers)
	}
}

// checkAnswerSet is CheckAnswers for one person's answers, with errors keyed by prefix + "q<id>"
// (or prefix + "answers.<id>" for a question the seminar does not have); the forms that add or
// substitute one attendee use it with an empty prefix.
func checkAnswerSet(errs Errors, prefix string, answers *map[string]string, questions []model.SeminarQuestion, requireAnswers bool) {
	byID := map[string]model.SeminarQuestion{}
	for _, q := range questions {
		byID[strconv.FormatUint(uint64(q.ID), 10)] = q
	}
	for key, raw := range *answers {
		q, ok := byID[key]
		switch {
		case !ok:
			// On the HTML form a question the trainer removed while the booker typed is
			// dropped without a word; an API client is told.
			if !requireAnswers {
				errs[prefix+"answers."+key] = msgAnswerUnknown
			}
			delete(*answers, key)
		case q.Sensitive:
			if !requireAnswers && strings.TrimSpace(raw) != "" {
				errs[prefix+"q"+key] = msgAnswerSensitive
			}
			delete(*answers, key)
		}
	}
	for key, q := range byID {
		if q.Sensitive {
			continue
		}
		raw, given := (*answers)[key]
		if !given && !requireAnswers {
			continue
		}
		v, msg := q.NormalizeAnswer(raw)
		if msg != "" {
			errs[prefix+"q"+key] = msg
			continue
		}
		if v == "" {
			delete(*answers, key)
		} else {
			if *answers == nil {
				*answers = map[string]string{}
			}
			(*answers)[key] = v
		}
	}
}

// answerValues reads one attendee row's answers (fields <prefix>q<question id>) of an HTML form.
func answerValues(v url.Values, prefix string) map[string]string {
	var out map[string]string
	for name, values := range v {
		key, ok := strings.CutPrefix(name, prefix+"q")
		if !ok || len(values) == 0 {
			continue
		}
		if _, err := strconv.ParseUint(key, 10, 32); err != nil {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[key] = values[0]
	}
	return out
}

// answersOf turns checked answers into the use case's: question id → value.
func answersOf(in map[string]string) model.Answers {
	if len(in) == 0 {
		return nil
	}
	out := model.Answers{}
	for key, v := range in {
		if id, err := strconv.ParseUint(key, 10, 32); err == nil && v != "" {
			out[uint(id)] = v
		}
	}
	return out
}
