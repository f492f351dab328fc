package form

import (
	"net/url"
	"strings"

	"seminars/internal/model"
)

// Inquiry is the public "ask for an in-house seminar" form.
type Inquiry struct {
	Company         string
	Name            string
	Email           string
	Phone           string
	Topic           string
	Participants    string // as typed; Validate checks it is a number
	PreferredPeriod string
	Message         string
}

// InquiryFromValues reads the form.
func InquiryFromValues(v url.Values) Inquiry {
	return Inquiry{
		Company: v.Get("company"), Name: v.Get("name"), Email: v.Get("email"), Phone: v.Get("phone"),
		Topic: v.Get("topic"), Participants: v.Get("participants"), PreferredPeriod: v.Get("preferred_period"),
		Message: v.Get("message"),
	}
}

// Validate checks the inquiry and returns it as a record (status new).
func (f Inquiry) Validate(lang string) (model.InhouseInquiry, Errors) {
	errs := Errors{}
	text(errs, "company", f.Company, 200, true)
	text(errs, "name", f.Name, 200, true)
	email(errs, "email", f.Email)
	text(errs, "phone", f.Phone, 50, false)
	text(errs, "topic", f.Topic, 300, true)
	text(errs, "preferred_period", f.PreferredPeriod, 200, false)
	if len(f.Message) > 4000 {
		errs["message"] = msgTooLong
	}
	n := atoi(f.Participants)
	if n < 1 || n > 1000 {
		errs["participants"] = "inquiry.error.participants"
	}
	return model.InhouseInquiry{
		Company: strings.TrimSpace(f.Company), Name: strings.TrimSpace(f.Name), Email: strings.TrimSpace(f.Email),
		Phone: strings.TrimSpace(f.Phone), Topic: strings.TrimSpace(f.Topic), Participants: n,
		PreferredPeriod: strings.TrimSpace(f.PreferredPeriod), Message: strings.TrimSpace(f.Message),
		Language: lang, Status: model.InquiryNew,
	}, errs
}

// ValidEmail tells whether s is a plain e-mail address (as the booking form accepts them).
func ValidEmail(s string) bool { return email(Errors{}, "email", s) }
