package form

import (
	"net/url"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// Inquiry is the public form "Inhouse-Seminar anfragen".
type Inquiry struct {
	Company         string
	Name            string
	Email           string
	Phone           string
	SeminarID       string // a seminar id, or "" for a topic of their own
	Topic           string
	Participants    string
	PreferredPeriod string
	Format          string
	Message         string
	AcceptPrivacy   bool
}

const (
	msgParticipants = "error.participants"
	msgSeminar      = "error.seminar_unknown"
	msgFormat       = "error.format"
)

// InquiryFromValues reads the form.
func InquiryFromValues(v url.Values) Inquiry {
	return Inquiry{
		Company: v.Get("company"), Name: v.Get("name"), Email: v.Get("email"), Phone: v.Get("phone"),
		SeminarID: v.Get("seminar_id"), Topic: v.Get("topic"), Participants: v.Get("participants"),
		PreferredPeriod: v.Get("preferred_period"), Format: v.Get("format"), Message: v.Get("message"),
		AcceptPrivacy: v.Get("accept_privacy") != "",
	}
}

// Validate checks the inquiry; knownSeminar tells whether a seminar id exists.
func (f Inquiry) Validate(knownSeminar func(id uint) bool) Errors {
	errs := Errors{}
	text(errs, "company", f.Company, 200, true)
	text(errs, "name", f.Name, 200, true)
	email(errs, "email", f.Email)
	text(errs, "phone", f.Phone, 50, false)
	text(errs, "preferred_period", f.PreferredPeriod, 200, false)
	if f.SeminarID == "" {
		text(errs, "topic", f.Topic, 300, true)
	} else if id, err := strconv.ParseUint(f.SeminarID, 10, 32); err != nil || !knownSeminar(uint(id)) {
		errs["seminar_id"] = msgSeminar
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.Participants)); err != nil || n < 1 || n > 500 {
		errs["participants"] = msgParticipants
	}
	if f.Format != "" && f.Format != model.FormatInPerson && f.Format != model.FormatOnline {
		errs["format"] = msgFormat
	}
	if len(f.Message) > 5000 {
		errs["message"] = msgTooLong
	}
	if !f.AcceptPrivacy {
		errs["accept_privacy"] = msgTerms
	}
	return errs
}

// Model turns a valid form into the record to store.
func (f Inquiry) Model(lang string) model.Inquiry {
	n, _ := strconv.Atoi(strings.TrimSpace(f.Participants))
	in := model.Inquiry{
		Company: strings.TrimSpace(f.Company), Name: strings.TrimSpace(f.Name),
		Email: strings.ToLower(strings.TrimSpace(f.Email)), Phone: strings.TrimSpace(f.Phone),
		Topic: strings.TrimSpace(f.Topic), Participants: n, PreferredPeriod: strings.TrimSpace(f.PreferredPeriod),
		Format: f.Format, Message: strings.TrimSpace(f.Message), Language: lang, Status: model.InquiryNew,
	}
	if id, err := strconv.ParseUint(f.SeminarID, 10, 32); err == nil {
		seminar := uint(id)
		in.SeminarID = &seminar
	}
	return in
}
