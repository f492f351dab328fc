package form

import (
	"net/url"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// Substitute is the manage page's form that gives an attendee's seat to another person.
type Substitute struct {
	AttendeeID uint
	FirstName  string
	LastName   string
	Email      string
}

// SubstituteFromValues reads the form.
func SubstituteFromValues(v url.Values) Substitute {
	id, _ := model.ParseID("attendee_id", v.Get("attendee_id")) // 0 when absent or out of range: Validate reports it
	return Substitute{AttendeeID: id, FirstName: v.Get("first_name"), LastName: v.Get("last_name"), Email: v.Get("email")}
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
	return booking.Substitution{AttendeeID: f.AttendeeID, FirstName: f.FirstName, LastName: f.LastName, Email: f.Email}
}
