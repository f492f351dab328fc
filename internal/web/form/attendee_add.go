package form

import (
	"net/url"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// AttendeeAdd is the form (and API body) that adds one person to a booking.
type AttendeeAdd struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
}

// AttendeeAddFromValues reads the form.
func AttendeeAddFromValues(v url.Values) AttendeeAdd {
	return AttendeeAdd{FirstName: v.Get("first_name"), LastName: v.Get("last_name"), Email: v.Get("email")}
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
	return booking.AttendeeInput{FirstName: f.FirstName, LastName: f.LastName, Email: f.Email}
}
