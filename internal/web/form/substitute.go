package form

import (
	"net/url"
	"strconv"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// Substitute is the manage page's form that gives an attendee's seat to another person.
type Substitute struct {
	AttendeeID uint
	FirstName  string
	LastName   string
	Email      string
	// Answers are the newcomer's answers to the seminar's questions that are not sensitive
	// (fields q<id>).
	Answers map[string]string
}

// SubstituteFromValues reads the form.
func SubstituteFromValues(v url.Values) Substitute {
	id, _ := model.ParseID("attendee_id", v.Get("attendee_id")) // 0 when absent or out of range: Validate reports it
	return Substitute{AttendeeID: id, FirstName: v.Get("first_name"), LastName: v.Get("last_name"), Email: v.Get("email"), Answers: answerValues(v, "")}
}

// Validate checks the form's shape and normalises its text; the booking rules (deadline,
// duplicates) are the use case's.
func (f *Substitute) Validate() Errors {
	errs := Errors{}
	if f.AttendeeID == 0 {
		errs["attendee_id"] = msgRequired
	}
	name(errs, "first_name", &f.FirstName, model.MaxPersonNameLen)
	name(errs, "last_name", &f.LastName, model.MaxPersonNameLen)
	email(errs, "email", &f.Email)
	return errs
}

// Substitution is the use case's input.
func (f Substitute) Substitution() booking.Substitution {
	return booking.Substitution{AttendeeID: f.AttendeeID, FirstName: f.FirstName, LastName: f.LastName, Email: f.Email, Answers: answersOf(f.Answers)}
}

// Answer returns the answer typed for a question.
func (f Substitute) Answer(questionID uint) string {
	return f.Answers[strconv.FormatUint(uint64(questionID), 10)]
}

// CheckAnswers checks the newcomer's answers against the seminar's questions; the forms insist
// on the required ones, as the booking form does.
func (f *Substitute) CheckAnswers(errs Errors, questions []model.SeminarQuestion) {
	checkAnswerSet(errs, "", &f.Answers, questions, true)
}
