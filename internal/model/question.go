package model

import (
	"errors"
	"strings"
	"time"
)

// QuestionKind is what kind of answer a seminar question takes.
type QuestionKind string

// The kinds of question.
const (
	QuestionText   QuestionKind = "text"   // free text, one line
	QuestionChoice QuestionKind = "choice" // one of the question's options
	QuestionYesNo  QuestionKind = "yes_no" // "yes" or "no"
)

// QuestionKinds are the kinds in the order the back office offers them.
var QuestionKinds = []QuestionKind{QuestionText, QuestionChoice, QuestionYesNo}

// Valid tells whether k is one of QuestionKinds.
func (k QuestionKind) Valid() bool {
	for _, have := range QuestionKinds {
		if have == k {
			return true
		}
	}
	return false
}

// Limits of questions and answers.
const (
	MaxQuestionsPerSeminar = 20
	MaxQuestionLabel       = 300
	MaxQuestionOptions     = 20
	MaxAnswerLength        = 500
)

// The stored values of a yes/no answer.
const (
	AnswerYes = "yes"
	AnswerNo  = "no"
)

// SeminarQuestion is a question asked of every attendee of a seminar's dates, such as the job
// title or dietary needs. A sensitive question (special categories of Art. 9 GDPR: health,
// which dietary and accessibility needs may reveal) is never asked of the booker: the attendee
// answers it on their own page with explicit consent, and the retention job deletes the answers
// once the date has ended.
type SeminarQuestion struct {
	ID        uint         `gorm:"primaryKey"`
	SeminarID uint         `gorm:"not null;index"`
	Position  int          `gorm:"not null;default:0"`
	Kind      QuestionKind `gorm:"size:20;not null"`
	LabelDE   string       `gorm:"size:300;not null"`
	LabelEN   string       `gorm:"size:300;not null;default:''"`
	// OptionsDE and OptionsEN hold a choice question's options, one a line, in the same order;
	// an answer stores the German option, so a translation can be corrected later.
	OptionsDE string `gorm:"type:text;not null;default:''"`
	OptionsEN string `gorm:"type:text;not null;default:''"`
	Required  bool   `gorm:"not null;default:false"`
	Sensitive bool   `gorm:"not null;default:false"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Label returns the question in a language, German when English is missing.
func (q SeminarQuestion) Label(lang string) string { return pick(lang, q.LabelDE, q.LabelEN) }

// Options returns a choice question's stored (German) options.
func (q SeminarQuestion) Options() []string { return lines(q.OptionsDE) }

// QuestionOption is one option of a choice question: the stored value and its label.
type QuestionOption struct {
	Value string
	Label string
}

// LabelledOptions returns a choice question's options with their labels in a language.
func (q SeminarQuestion) LabelledOptions(lang string) []QuestionOption {
	values, labels := q.Options(), lines(q.OptionsEN)
	out := make([]QuestionOption, len(values))
	for i, v := range values {
		out[i] = QuestionOption{Value: v, Label: v}
		if lang == "en" && i < len(labels) {
			out[i].Label = labels[i]
		}
	}
	return out
}

// NormalizeAnswer checks an answer given to the question and returns the value to store; empty
// means not answered. The error is an i18n message key.
func (q SeminarQuestion) NormalizeAnswer(raw string) (string, string) {
	v := strings.TrimSpace(raw)
	if v == "" {
		if q.Required {
			return "", "error.answer_required"
		}
		return "", ""
	}
	switch q.Kind {
	case QuestionYesNo:
		if v != AnswerYes && v != AnswerNo {
			return "", "error.answer_choice"
		}
	case QuestionChoice:
		for _, o := range q.Options() {
			if o == v {
				return v, ""
			}
		}
		return "", "error.answer_choice"
	default:
		if len([]rune(v)) > MaxAnswerLength {
			return "", "error.answer_too_long"
		}
		if strings.ContainsAny(v, "\r\n\x00") {
			return "", "error.answer_invalid"
		}
	}
	return v, ""
}

// AnswerText returns a stored answer as shown in a language: yes/no and choice options
// translated, text as given.
func (q SeminarQuestion) AnswerText(lang, value string) string {
	switch q.Kind {
	case QuestionYesNo:
		if value == AnswerYes {
			return pick(lang, "Ja", "Yes")
		}
		if value == AnswerNo {
			return pick(lang, "Nein", "No")
		}
	case QuestionChoice:
		for _, o := range q.LabelledOptions(lang) {
			if o.Value == value {
				return o.Label
			}
		}
	}
	return value
}

// AttendeeAnswer is one attendee's answer to one seminar question. ConsentedAt is when the
// attendee consented to the processing of a sensitive answer (nil for the others).
type AttendeeAnswer struct {
	ID          uint   `gorm:"primaryKey"`
	AttendeeID  uint   `gorm:"not null;uniqueIndex:idx_attendee_answers_attendee_question"`
	QuestionID  uint   `gorm:"not null;uniqueIndex:idx_attendee_answers_attendee_question;index"`
	Value       string `gorm:"type:text;not null"`
	ConsentedAt *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Answers maps question id → stored value of one attendee.
type Answers map[uint]string

// lines splits text into its non-empty trimmed lines.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ErrAnswersClosed says an attendee can no longer answer the sensitive questions: the date has
// ended (the answers are deleted then) or the booking or date was cancelled.
var ErrAnswersClosed = errors.New("answers closed")

// SensitiveQuestions returns the sensitive ones of qs.
func SensitiveQuestions(qs []SeminarQuestion) []SeminarQuestion {
	var out []SeminarQuestion
	for _, q := range qs {
		if q.Sensitive {
			out = append(out, q)
		}
	}
	return out
}
