package privacy

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
)

// BookingExport is everything stored about one booking, for its booker (Art. 15/20 GDPR).
type BookingExport struct {
	GeneratedAt time.Time      `json:"generated_at"`
	Booking     BookingData    `json:"booking"`
	WaitingList []WaitlistData `json:"waiting_list"`
	Mails       []MailData     `json:"mails"`
}

// PersonExport is everything stored about one e-mail address, for the trainer answering an
// access request.
type PersonExport struct {
	GeneratedAt time.Time      `json:"generated_at"`
	Email       string         `json:"email"`
	Bookings    []BookingData  `json:"bookings"` // as the billing contact
	Attendances []AttendeeData `json:"attendances"`
	WaitingList []WaitlistData `json:"waiting_list"`
	Inquiries   []InquiryData  `json:"inquiries"`
	// Offers are the in-house offers addressed to the person (business letters: kept, like
	// invoices, when the person is erased).
	Offers []OfferData `json:"offers"`
	Mails  []MailData  `json:"mails"`
	Audit  []AuditData `json:"audit"`
	// Feedback are the person's survey answers and requests as an attendee; FeedbackConsents
	// their consents to be asked.
	Feedback         []FeedbackData        `json:"feedback"`
	FeedbackConsents []FeedbackConsentData `json:"feedback_consents"`
}

// OfferData is one in-house offer as it was addressed.
type OfferData struct {
	Number       string    `json:"number"`
	IssuedAt     time.Time `json:"issued_at"`
	Company      string    `json:"company"`
	Contact      string    `json:"contact"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone"`
	SeminarTitle string    `json:"seminar_title"`
	Status       string    `json:"status"`
}

// BookingData is a booking with its billing data, attendees, payments and documents.
type BookingData struct {
	Reference     string         `json:"reference"`
	Status        string         `json:"status"`
	CreatedAt     time.Time      `json:"created_at"`
	ConfirmedAt   *time.Time     `json:"confirmed_at,omitempty"`
	CancelledAt   *time.Time     `json:"cancelled_at,omitempty"`
	Seminar       string         `json:"seminar"`
	StartsAt      *time.Time     `json:"starts_at,omitempty"`
	EndsAt        *time.Time     `json:"ends_at,omitempty"`
	Language      string         `json:"language"`
	PaymentMethod string         `json:"payment_method"`
	PaymentStatus string         `json:"payment_status"`
	Billing       BillingData    `json:"billing"`
	Seats         int            `json:"seats"`
	NetCents      int64          `json:"net_cents"`
	VATCents      int64          `json:"vat_cents"`
	GrossCents    int64          `json:"gross_cents"`
	VoucherCode   string         `json:"voucher_code,omitempty"`
	TermsVersion  string         `json:"terms_version"`
	Attendees     []AttendeeData `json:"attendees"`
	Payments      []PaymentData  `json:"payments"`
	Documents     []DocumentData `json:"documents"`
}

// BillingData is who pays.
type BillingData struct {
	Company        string `json:"company"`
	Name           string `json:"name"`
	Email          string `json:"email"`
	Street         string `json:"street"`
	PostalCode     string `json:"postal_code"`
	City           string `json:"city"`
	Country        string `json:"country"`
	VATID          string `json:"vat_id"`
	PONumber       string `json:"po_number"`
	BuyerReference string `json:"buyer_reference"`
}

// AttendeeData is one attendee; BookingReference and Seminar say where (in a person's export).
type AttendeeData struct {
	BookingReference string     `json:"booking_reference"`
	Seminar          string     `json:"seminar,omitempty"`
	StartsAt         *time.Time `json:"starts_at,omitempty"`
	FirstName        string     `json:"first_name"`
	LastName         string     `json:"last_name"`
	Email            string     `json:"email"`
	CheckedInAt      *time.Time `json:"checked_in_at,omitempty"`
}

// FeedbackData is one survey of the person as an attendee: asked for, answered, or both.
type FeedbackData struct {
	DateID             *uint      `json:"date_id"`
	SeminarID          uint       `json:"seminar_id"`
	RequestedAt        *time.Time `json:"requested_at,omitempty"`
	AnsweredAt         *time.Time `json:"answered_at,omitempty"`
	ContentRating      int        `json:"content_rating"`
	TrainerRating      int        `json:"trainer_rating"`
	OrganisationRating int        `json:"organisation_rating"`
	Comment            string     `json:"comment"`
	QuoteConsent       bool       `json:"quote_consent"`
	QuoteSignature     string     `json:"quote_signature"`
	QuoteHidden        bool       `json:"quote_hidden"`
}

// FeedbackConsentData is the person's consent to be asked for feedback, for one seat.
type FeedbackConsentData struct {
	BookingReference string    `json:"booking_reference"`
	Email            string    `json:"email"`
	ConsentedAt      time.Time `json:"consented_at"`
	Source           string    `json:"source"`
}

// PaymentData is one row of a booking's payments ledger.
type PaymentData struct {
	AmountCents int64  `json:"amount_cents"`
	Method      string `json:"method"`
	PaidOn      string `json:"paid_on"` // YYYY-MM-DD
}

// DocumentData is an issued invoice or credit note, with the buyer as it stands on it.
type DocumentData struct {
	Kind       string      `json:"kind"`
	Number     string      `json:"number"`
	IssuedAt   time.Time   `json:"issued_at"`
	GrossCents int64       `json:"gross_cents"`
	Buyer      model.Party `json:"buyer"`
}

// WaitlistData is one waiting-list entry.
type WaitlistData struct {
	CreatedAt        time.Time `json:"created_at"`
	DateID           uint      `json:"date_id"`
	Name             string    `json:"name"`
	Email            string    `json:"email"`
	Company          string    `json:"company"`
	Seats            int       `json:"seats"`
	Status           string    `json:"status"`
	BookingReference string    `json:"booking_reference,omitempty"`
}

// InquiryData is one in-house inquiry.
type InquiryData struct {
	CreatedAt       time.Time `json:"created_at"`
	Company         string    `json:"company"`
	Name            string    `json:"name"`
	Email           string    `json:"email"`
	Phone           string    `json:"phone"`
	Topic           string    `json:"topic"`
	Participants    int       `json:"participants"`
	PreferredPeriod string    `json:"preferred_period"`
	Message         string    `json:"message"`
	Status          string    `json:"status"`
}

// MailData is one message sent (or waiting to be sent); Text is empty once the body was removed.
type MailData struct {
	Date    time.Time `json:"date"`
	Status  string    `json:"status"`
	Kind    string    `json:"kind"`
	ToName  string    `json:"to_name"`
	ToEmail string    `json:"to_email"`
	Subject string    `json:"subject"`
	Text    string    `json:"text"`
}

// AuditData is one audit-log entry naming the address.
type AuditData struct {
	CreatedAt time.Time `json:"created_at"`
	Actor     string    `json:"actor"`
	Action    string    `json:"action"`
	Subject   string    `json:"subject"`
	Detail    string    `json:"detail"`
}

// ExportBooking collects everything stored about b (found with its manage token by the caller).
func (s *Service) ExportBooking(ctx context.Context, b model.Booking) (BookingExport, error) {
	q := s.store.Reads
	data, err := bookingData(ctx, q, b)
	if err != nil {
		return BookingExport{}, err
	}
	out := BookingExport{GeneratedAt: s.now().UTC(), Booking: data, WaitingList: []WaitlistData{}, Mails: []MailData{}}
	entries, err := q.WaitlistEntriesForBooking(ctx, b.Reference)
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		out.WaitingList = append(out.WaitingList, waitlistData(e))
	}
	items, err := q.OutboxItemsOfTopic(ctx, model.TopicMailSend)
	if err != nil {
		return out, err
	}
	for _, item := range items {
		if m, ok := decodeMail(item); ok && mailOfBooking(item.Key, b) {
			out.Mails = append(out.Mails, mailData(item, m))
		}
	}
	return out, nil
}

// mailOfBooking tells from a mail.send key (see mail.sendKey) whether the message went to the
// booking's billing contact or to one of its attendees.
func mailOfBooking(key string, b model.Booking) bool {
	if strings.Contains(key+":", fmt.Sprintf(":booking:%d:", b.ID)) {
		return true
	}
	for _, a := range b.Attendees {
		if strings.Contains(key+":", fmt.Sprintf(":attendee:%d:", a.ID)) {
			return true
		}
	}
	return false
}

// ExportPerson collects everything stored about email. An address nothing is stored about
// gives an export with empty lists.
func (s *Service) ExportPerson(ctx context.Context, email string) (PersonExport, error) {
	email = strings.TrimSpace(email)
	email, err := checkEmail(email)
	if err != nil {
		return PersonExport{}, err
	}
	q := s.store.Reads
	out := PersonExport{GeneratedAt: s.now().UTC(), Email: email, Bookings: []BookingData{}, Attendances: []AttendeeData{},
		WaitingList: []WaitlistData{}, Inquiries: []InquiryData{}, Offers: []OfferData{}, Mails: []MailData{}, Audit: []AuditData{},
		Feedback: []FeedbackData{}, FeedbackConsents: []FeedbackConsentData{}}
	booked, err := q.BookingsByBillingEmail(ctx, email)
	if err != nil {
		return out, err
	}
	for _, b := range booked {
		data, err := bookingData(ctx, q, b)
		if err != nil {
			return out, err
		}
		out.Bookings = append(out.Bookings, data)
	}
	attended, err := q.BookingsWithAttendeeEmail(ctx, email)
	if err != nil {
		return out, err
	}
	var attendeeIDs []uint
	reference := map[uint]string{}
	for _, b := range attended {
		for _, a := range b.Attendees {
			if strings.EqualFold(a.Email, email) {
				out.Attendances = append(out.Attendances, attendeeData(b, a))
				attendeeIDs = append(attendeeIDs, a.ID)
				reference[a.ID] = b.Reference
			}
		}
	}
	if err := feedbackData(ctx, q, email, attendeeIDs, reference, &out); err != nil {
		return out, err
	}
	entries, err := q.WaitlistEntriesByEmail(ctx, email)
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		out.WaitingList = append(out.WaitingList, waitlistData(e))
	}
	inquiries, err := q.InquiriesByEmail(ctx, email)
	if err != nil {
		return out, err
	}
	for _, i := range inquiries {
		out.Inquiries = append(out.Inquiries, InquiryData{
			CreatedAt: i.CreatedAt.UTC(), Company: i.Company, Name: i.Name, Email: i.Email, Phone: i.Phone, Topic: i.Topic,
			Participants: i.Participants, PreferredPeriod: i.PreferredPeriod, Message: i.Message, Status: i.Status,
		})
	}
	if out.Offers, err = offersTo(ctx, q, email); err != nil {
		return out, err
	}
	items, err := q.OutboxItemsOfTopic(ctx, model.TopicMailSend)
	if err != nil {
		return out, err
	}
	for _, item := range items {
		if m, ok := decodeMail(item); ok && strings.EqualFold(m.To.Email, email) {
			out.Mails = append(out.Mails, mailData(item, m))
		}
	}
	audit, err := q.AuditEntriesMentioning(ctx, email)
	if err != nil {
		return out, err
	}
	for _, e := range audit {
		out.Audit = append(out.Audit, AuditData{CreatedAt: e.CreatedAt.UTC(), Actor: e.Actor, Action: e.Action, Subject: e.Subject, Detail: e.Detail})
	}
	return out, nil
}

// checkEmail refuses what cannot be an address (a *model.FieldError on "email"), so an empty
// field never matches everything.
func checkEmail(email string) (string, error) {
	return model.Mailbox("email", email)
}

func bookingData(ctx context.Context, q store.Reads, b model.Booking) (BookingData, error) {
	d := BookingData{
		Reference: b.Reference, Status: string(b.Status), CreatedAt: b.CreatedAt.UTC(), ConfirmedAt: utc(b.ConfirmedAt),
		CancelledAt: utc(b.CancelledAt), Language: b.Language, PaymentMethod: b.PaymentMethod, PaymentStatus: string(b.PaymentStatus),
		Billing: BillingData{
			Company: b.Billing.Company, Name: b.Billing.Name, Email: b.Billing.Email, Street: b.Billing.Street,
			PostalCode: b.Billing.PostalCode, City: b.Billing.City, Country: b.Billing.Country, VATID: b.Billing.VATID,
			PONumber: b.Billing.PONumber, BuyerReference: b.Billing.BuyerReference,
		},
		Seats: b.Seats, NetCents: b.NetCents, VATCents: b.VATCents, GrossCents: b.GrossCents, VoucherCode: b.VoucherCode,
		TermsVersion: b.TermsVersion, Attendees: []AttendeeData{}, Payments: []PaymentData{}, Documents: []DocumentData{},
	}
	if b.Date != nil {
		d.StartsAt, d.EndsAt = utc(&b.Date.StartsAt), utc(&b.Date.EndsAt)
		if b.Date.Seminar != nil {
			d.Seminar = b.Date.Seminar.Title(b.Language)
		}
	}
	for _, a := range b.Attendees {
		d.Attendees = append(d.Attendees, attendeeData(b, a))
	}
	payments, err := q.PaymentsForBooking(ctx, b.ID)
	if err != nil {
		return d, err
	}
	for _, p := range payments {
		d.Payments = append(d.Payments, PaymentData{AmountCents: p.AmountCents, Method: string(p.Method), PaidOn: p.PaidOn.Format("2006-01-02")})
	}
	invoices, err := q.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return d, err
	}
	for _, inv := range invoices {
		d.Documents = append(d.Documents, DocumentData{Kind: inv.Kind, Number: inv.Number, IssuedAt: inv.IssuedAt.UTC(), GrossCents: inv.GrossCents, Buyer: inv.Buyer})
	}
	return d, nil
}

func attendeeData(b model.Booking, a model.Attendee) AttendeeData {
	d := AttendeeData{BookingReference: b.Reference, FirstName: a.FirstName, LastName: a.LastName, Email: a.Email, CheckedInAt: utc(a.CheckedInAt)}
	if b.Date != nil {
		d.StartsAt = utc(&b.Date.StartsAt)
		if b.Date.Seminar != nil {
			d.Seminar = b.Date.Seminar.Title(b.Language)
		}
	}
	return d
}

func waitlistData(e model.WaitlistEntry) WaitlistData {
	return WaitlistData{CreatedAt: e.CreatedAt.UTC(), DateID: e.DateID, Name: e.Name, Email: e.Email, Company: e.Company,
		Seats: e.Seats, Status: e.Status, BookingReference: e.BookingReference}
}

// decodeMail reads a mail.send payload; one that does not decode is no one's mail.
func decodeMail(item model.OutboxItem) (mail.Message, bool) {
	var m mail.Message
	return m, json.Unmarshal([]byte(item.Payload), &m) == nil
}

func mailData(item model.OutboxItem, m mail.Message) MailData {
	return MailData{Date: m.Date.UTC(), Status: item.Status, Kind: m.Kind, ToName: m.To.Name, ToEmail: m.To.Email, Subject: m.Subject, Text: m.Text}
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// offersTo are the in-house offers addressed to email. The buyer is stored as issued (a JSON
// party), so the few offers there are are read and compared here.
func offersTo(ctx context.Context, q store.Reads, email string) ([]OfferData, error) {
	offers, err := q.Offers(ctx, 0, 100000)
	if err != nil {
		return nil, err
	}
	out := []OfferData{}
	for i := len(offers) - 1; i >= 0; i-- { // oldest first, as the other lists
		o := offers[i]
		if strings.EqualFold(o.Buyer.Email, email) {
			out = append(out, OfferData{Number: o.Number, IssuedAt: o.IssuedAt.UTC(), Company: o.Buyer.Name, Contact: o.Buyer.Contact,
				Email: o.Buyer.Email, Phone: o.Buyer.Phone, SeminarTitle: o.SeminarTitle, Status: string(o.Status)})
		}
	}
	return out, nil
}

// feedbackData adds the surveys of the person's seats and the consents given for the address
// (also for a seat cancelled since).
func feedbackData(ctx context.Context, q store.Reads, email string, attendeeIDs []uint, reference map[uint]string, out *PersonExport) error {
	rows, err := q.FeedbackOfAttendees(ctx, attendeeIDs)
	if err != nil {
		return err
	}
	for _, f := range rows {
		out.Feedback = append(out.Feedback, FeedbackData{
			DateID: f.DateID, SeminarID: f.SeminarID, RequestedAt: utc(f.RequestedAt), AnsweredAt: utc(f.AnsweredAt),
			ContentRating: f.ContentRating, TrainerRating: f.TrainerRating, OrganisationRating: f.OrganisationRating,
			Comment: f.Comment, QuoteConsent: f.QuoteConsent, QuoteSignature: f.QuoteSignature, QuoteHidden: f.QuoteHidden,
		})
	}
	consents, err := q.FeedbackConsentsByEmail(ctx, email)
	if err != nil {
		return err
	}
	for _, c := range consents {
		out.FeedbackConsents = append(out.FeedbackConsents, FeedbackConsentData{
			BookingReference: reference[c.AttendeeID], Email: c.Email, ConsentedAt: c.ConsentedAt.UTC(), Source: string(c.Source),
		})
	}
	return nil
}
