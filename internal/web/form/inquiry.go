package form

import (
	"net/url"

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
	line(errs, "company", &f.Company, model.MaxCompanyLen, true)
	name(errs, "name", &f.Name, model.MaxFullNameLen)
	email(errs, "email", &f.Email)
	line(errs, "phone", &f.Phone, model.MaxPhoneLen, false)
	line(errs, "topic", &f.Topic, model.MaxTopicLen, true)
	line(errs, "preferred_period", &f.PreferredPeriod, model.MaxPeriodLen, false)
	paragraphs(errs, "message", &f.Message, model.MaxMessageLen)
	n, err := model.ParseCount("participants", f.Participants, 1000)
	if err != nil || n < 1 {
		errs["participants"] = "inquiry.error.participants"
	}
	return model.InhouseInquiry{
		Company: f.Company, Name: f.Name, Email: f.Email, Phone: f.Phone, Topic: f.Topic, Participants: n,
		PreferredPeriod: f.PreferredPeriod, Message: f.Message, Language: lang, Status: model.InquiryNew,
	}, errs
}

// ValidEmail tells whether s is a plain e-mail address (as the booking form accepts them).
func ValidEmail(s string) bool { return email(Errors{}, "email", &s) }
