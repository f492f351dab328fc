package form

import (
	"net/url"
	"strconv"

	"seminars/internal/booking"
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
	id, _ := strconv.ParseUint(v.Get("attendee_id"), 10, 64)
	return Substitute{AttendeeID: uint(id), FirstName: v.Get("first_name"), LastName: v.Get("last_name"), Email: v.Get("email")}
}

// Validate checks the form's shape; the booking rules (deadline, duplicates) are the use case's.
func (f Substitute) Validate() Errors {
	errs := Errors{}
	if f.AttendeeID == 0 {
		errs["attendee_id"] = msgRequired
	}
	text(errs, "first_name", f.FirstName, 100, true)
	text(errs, "last_name", f.LastName, 100, true)
	email(errs, "email", f.Email)
	return errs
}

// Substitution is the use case's input.
func (f Substitute) Substitution() booking.Substitution {
	return booking.Substitution{AttendeeID: f.AttendeeID, FirstName: f.FirstName, LastName: f.LastName, Email: f.Email}
}
