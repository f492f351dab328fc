package form

import (
	"net/url"
	"strconv"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// AttendeeAdd is the form (and API body) that adds one person to a booking.
type AttendeeAdd struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	// Answers to the seminar's questions that are not sensitive, by question id (fields q<id>
	// on the form; "answers" in the API, optional there).
	Answers map[string]string `json:"answers,omitempty"`
}

// AttendeeAddFromValues reads the form.
func AttendeeAddFromValues(v url.Values) AttendeeAdd {
	return AttendeeAdd{FirstName: v.Get("first_name"), LastName: v.Get("last_name"), Email: v.Get("email"), Answers: answerValues(v, "")}
}

// Validate checks the text rules of every name and address field and normalises the text; the
// booking rules (deadline, free seats, duplicates) are the use case's.
func (f *AttendeeAdd) Validate() Errors {
	errs := Errors{}
	name(errs, "first_name", &f.FirstName, model.MaxPersonNameLen)
	name(errs, "last_name", &f.LastName, model.MaxPersonNameLen)
	email(errs, "email", &f.Email)
	return errs
}

// Input is the use case's input.
func (f AttendeeAdd) Input() booking.AttendeeInput {
	return booking.AttendeeInput{FirstName: f.FirstName, LastName: f.LastName, Email: f.Email, Answers: answersOf(f.Answers)}
}

// Answer returns the answer typed for a question.
func (f AttendeeAdd) Answer(questionID uint) string {
	return f.Answers[strconv.FormatUint(uint64(questionID), 10)]
}

// CheckAnswers checks the answers against the seminar's questions as the booking form does:
// requireAnswers on the HTML forms, optional (but checked when given) in the API.
func (f *AttendeeAdd) CheckAnswers(errs Errors, questions []model.SeminarQuestion, requireAnswers bool) {
	checkAnswerSet(errs, "", &f.Answers, questions, requireAnswers)
}
