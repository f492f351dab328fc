// Package booking holds the use cases that change bookings: reserve, confirm, cancel, expire. It
// owns capacity: seats are only taken or given back here, inside one write transaction together
// with the booking that takes or returns them.
package booking

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// Settings are the parts of the configuration the booking rules depend on.
type Settings struct {
	VATRateBP      int
	InvoicePayment bool
	HoldDuration   time.Duration
	MaxAttendees   int
	// Seller issues the invoices and states their terms.
	Seller invoice.Seller
	// SubstitutionDeadline is how long before a date starts attendees can no longer be replaced.
	SubstitutionDeadline time.Duration
	// Cancellation is what a booker's cancellation costs, for every booking whatever its payment
	// method (an unpaid invoice booking owes the fee, a paid one gets the rest back).
	Cancellation model.CancellationPolicy
	// TermsVersion is the version of the terms of participation in force; every booking keeps
	// the version it was made under.
	TermsVersion string
	// GroupDiscount is the service's group rule, for seminars that use the global one
	// (model.GroupRuleOf); the zero rule gives none.
	GroupDiscount model.GroupRule
}

// Service runs the booking use cases.
type Service struct {
	store    *store.Store
	settings Settings
	now      func() time.Time
	log      *slog.Logger
	payments Payments        // nil without Stripe keys: card payment is refused
	pay      PaymentSettings // set with payments by UsePayments
	keys     *secret.Keyring // derives manage links; set by UseSecrets
}

// New returns a booking service. now is the clock (time.Now in production).
func New(st *store.Store, settings Settings, now func() time.Time, log *slog.Logger) *Service {
	return &Service{store: st, settings: settings, now: now, log: log}
}

// Settings are the booking rules the service runs on, for pages that state them (the most
// attendees per booking, the VAT rate, the cancellation policy).
func (s *Service) Settings() Settings { return s.settings }

// AttendeeInput is one person to book.
type AttendeeInput struct {
	FirstName string
	LastName  string
	Email     string
	// Answers to the seminar's questions that are not sensitive (checked by the form layer).
	Answers model.Answers
}

// Request is a company's booking, already checked for shape by the form layer.
type Request struct {
	DateID        uint
	Attendees     []AttendeeInput
	Billing       model.Billing
	PaymentMethod string
	Voucher       string
	Language      string
	// Prepare, if set, runs first inside the booking's transaction: a waiting-list offer hands
	// the seats it holds to this booking there, so no other booking can take them in between.
	Prepare func(ctx context.Context, tx *store.Tx) error
	// Private says the booker came through the private link of an unlisted (in-house) date;
	// without it such a date does not exist for the booker.
	Private bool
	// Finish, if set, runs inside the booking's transaction with the stored booking, before its
	// seats are taken (see reserveOnce): the waiting-list offer records which booking it became.
	Finish func(ctx context.Context, tx *store.Tx, b model.Booking) error
}

// Result is a stored booking and the secret of its manage link, which exists only here: the
// database keeps its hash. CheckoutURL is where a card booking pays.
type Result struct {
	Booking     model.Booking
	ManageToken string
	CheckoutURL string
}

// Reserve books seats on a date. Invoice bookings are confirmed at once; card bookings hold the
// seats as pending_payment until HoldDuration has passed. When too few seats are left it returns a
// *model.SoldOutError and stores nothing.
func (s *Service) Reserve(ctx context.Context, req Request) (Result, error) {
	if err := s.checkPaymentMethod(req.PaymentMethod); err != nil {
		return Result{}, err
	}
	const attempts = 5 // a reference collision (1 in ~600 million per pair) is retried
	for attempt := 1; ; attempt++ {
		res, err := s.reserveOnce(ctx, req)
		if err != nil && store.IsUniqueViolation(err) && attempt < attempts {
			continue
		}
		if err == nil && res.Booking.Status == model.BookingPendingPayment {
			return s.startCheckout(ctx, res)
		}
		return res, err
	}
}

func (s *Service) checkPaymentMethod(method string) error {
	switch method {
	case model.PaymentInvoice:
		if s.settings.InvoicePayment {
			return nil
		}
	case model.PaymentCard:
		if s.payments != nil {
			return nil
		}
	}
	return fmt.Errorf("payment method %q: %w", method, model.ErrPaymentDisabled)
}

func (s *Service) reserveOnce(ctx context.Context, req Request) (Result, error) {
	reference, err := newReference()
	if err != nil {
		return Result{}, err
	}
	billing, err := normaliseBilling(req.Billing)
	if err != nil {
		return Result{}, err
	}
	now := s.now().UTC()
	b := model.Booking{
		Reference:     reference,
		DateID:        req.DateID,
		PaymentMethod: req.PaymentMethod,
		PaymentStatus: model.PaymentUnpaid,
		Billing:       billing,
		Language:      req.Language,
		Seats:         len(req.Attendees),
		TermsVersion:  s.settings.TermsVersion,
	}
	random, err := s.firstManageLink(&b)
	if err != nil {
		return Result{}, err
	}
	var token string
	for _, a := range req.Attendees {
		b.Attendees = append(b.Attendees, model.Attendee{
			FirstName: strings.TrimSpace(a.FirstName), LastName: strings.TrimSpace(a.LastName),
			Email: strings.ToLower(strings.TrimSpace(a.Email)),
		})
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		date, err := tx.DateToBook(ctx, req.DateID)
		if err != nil {
			return err
		}
		if date.Unlisted && !req.Private {
			return fmt.Errorf("unlisted date %d: %w", date.ID, model.ErrNotFound)
		}
		if !date.Bookable(now) || date.Seminar == nil || (!date.Seminar.Published && !date.Unlisted) {
			return fmt.Errorf("date %d (%s): %w", date.ID, date.Status, model.ErrNotBookable)
		}
		if date.FlatPrice() && date.SeatsTaken > 0 {
			return fmt.Errorf("flat-price date %d: %w", date.ID, model.ErrFlatDateBooked)
		}
		if req.Prepare != nil {
			if err := req.Prepare(ctx, tx); err != nil {
				return err
			}
		}
		if err := s.priceAndStore(ctx, tx, req, date, &b, now); err != nil {
			return err
		}
		token = s.manageToken(b, random)
		if err := saveBookerAnswers(ctx, tx, date.SeminarID, b.Attendees, req.Attendees); err != nil {
			return err
		}
		if req.Finish != nil {
			if err := req.Finish(ctx, tx, b); err != nil {
				return err
			}
		}
		// The hot rows come last, so that on PostgreSQL their locks are held for one statement
		// and the commit only: the date's row (the conditional seat take locks it until commit)
		// and the invoice counter. Everything above is validated, priced and written without them; a refusal
		// here rolls all of it back, so a sold-out booking still stores nothing.
		// A confirmed booking's mail goes into the outbox in one INSERT with its invoice's
		// render job; a card hold's "received" is recorded once the Checkout Session exists
		// (startCheckout).
		return s.takeSeatsAndInvoice(ctx, tx, b, date, now, notice(b.Reference, model.EventPayload{
			Event: model.EventBookingConfirmed, BookingID: b.ID, Extra: model.EventExtra{ManageToken: token}}))
	})
	if err != nil {
		return Result{}, err
	}
	s.log.InfoContext(ctx, "booking reserved", "reference", b.Reference, "date_id", b.DateID, "seats", b.Seats, "status", b.Status)
	return Result{Booking: b, ManageToken: token}, nil
}

// taxOf decides a booking's tax (model.DecideTax); a case the rules refuse (a private person
// abroad booking an online date) is a validation error at the VAT ID field, so the form says why.
func (s *Service) taxOf(date model.SeminarDate, billing model.Billing) (model.Tax, error) {
	tax, err := model.DecideTax(s.settings.Seller.TaxCase(date.Format, billing, s.settings.VATRateBP))
	var refused *model.TaxRefusedError
	if errors.As(err, &refused) {
		return model.Tax{}, &model.ValidationError{Fields: refused.Fields()}
	}
	return tax, err
}

// normaliseBilling trims what was typed and writes the VAT ID as documents print it. The form
// layer has checked the VAT ID's syntax; one that still fails is a validation error.
func normaliseBilling(in model.Billing) (model.Billing, error) {
	trim := strings.TrimSpace
	country := strings.ToUpper(trim(in.Country))
	vatID, err := model.NormalizeVATID(country, in.VATID)
	if err != nil {
		return model.Billing{}, &model.ValidationError{Fields: map[string]string{"billing.vat_id": VATIDMessage(err)}}
	}
	return model.Billing{
		Company: trim(in.Company), Name: trim(in.Name), Email: strings.ToLower(trim(in.Email)),
		Street: trim(in.Street), PostalCode: trim(in.PostalCode), City: trim(in.City),
		Country: country, VATID: vatID, PONumber: trim(in.PONumber), BuyerReference: trim(in.BuyerReference),
	}, nil
}

// VATIDMessage is the message key for an error of model.NormalizeVATID.
func VATIDMessage(err error) string {
	if errors.Is(err, model.ErrVATIDCountry) {
		return "error.vat_id_country"
	}
	return "error.vat_id"
}

// ErrWrongToken is returned when a manage token does not belong to the booking; callers answer it
// exactly like a missing booking so that references cannot be probed.
var ErrWrongToken = fmt.Errorf("wrong manage token: %w", model.ErrNotFound)

// Lookup returns a booking if token is its manage token.
func (s *Service) Lookup(ctx context.Context, reference, token string) (model.Booking, error) {
	b, err := s.store.BookingByReference(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return model.Booking{}, err
	}
	if !s.manageTokenMatches(b, token) {
		return model.Booking{}, ErrWrongToken
	}
	return b, nil
}

// IsSoldOut reports whether err says that too few seats were left, and how many were.
func IsSoldOut(err error) (seatsLeft int, ok bool) {
	var soldOut *model.SoldOutError
	if errors.As(err, &soldOut) {
		return soldOut.SeatsLeft, true
	}
	return 0, false
}

// Location is the service's time zone (the cancellation policy counts days in it); the back
// office dates payments in it.
func (s *Service) Location() *time.Location {
	if s.settings.Cancellation.Location == nil {
		return time.UTC
	}
	return s.settings.Cancellation.Location
}
