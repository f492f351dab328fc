package form

import (
	"net/url"

	"seminars/internal/model"
)

// Waitlist is the form that puts someone in line for a full date.
type Waitlist struct {
	Name, Email, Company, Seats string
}

// WaitlistFromValues reads the form.
func WaitlistFromValues(v url.Values) Waitlist {
	return Waitlist{Name: v.Get("name"), Email: v.Get("email"), Company: v.Get("company"), Seats: v.Get("seats")}
}

// Validate checks the form and returns the entry it asks for (status and offer are the waiting
// list's). The name goes into the offer mail's header, so it must be one a header can carry.
func (f *Waitlist) Validate(dateID uint, lang string, maxSeats int) (model.WaitlistEntry, Errors) {
	errs := Errors{}
	name(errs, "name", &f.Name, model.MaxFullNameLen)
	email(errs, "email", &f.Email)
	line(errs, "company", &f.Company, model.MaxCompanyLen, false)
	seats, err := model.ParseCount("seats", f.Seats, maxSeats)
	if err != nil || seats < 1 {
		errs["seats"] = "waitlist.error.seats"
	}
	return model.WaitlistEntry{DateID: dateID, Name: f.Name, Email: f.Email, Company: f.Company, Seats: seats, Language: lang}, errs
}
