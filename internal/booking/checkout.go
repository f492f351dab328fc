package booking

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
)

// Payments is the part of Stripe the booking rules call. *payment.Gateway implements it.
type Payments interface {
	CreateCheckoutSession(ctx context.Context, in payment.CheckoutInput) (payment.Session, error)
	ExpireSession(ctx context.Context, sessionID string) error
	Refund(ctx context.Context, in payment.RefundInput) (string, error)
}

// PaymentSettings are what card payment needs beyond Settings.
type PaymentSettings struct {
	BaseURL  string         // public URL for Stripe's return links
	Currency string         // EUR
	Location *time.Location // to write the seminar's date on the Checkout page
}

// UsePayments turns card payment on. Without it, Reserve refuses card bookings with
// model.ErrPaymentDisabled.
func (s *Service) UsePayments(p Payments, settings PaymentSettings) {
	if settings.Location == nil {
		settings.Location = time.UTC
	}
	s.payments, s.pay = p, settings
}

// PaymentsEnabled tells whether card payment is offered.
func (s *Service) PaymentsEnabled() bool { return s.payments != nil }

// startCheckout opens the Checkout Session for a fresh hold. It runs after the hold was committed
// and outside any transaction; if Stripe fails, the hold is released again and the caller gets
// model.ErrPaymentUnavailable.
func (s *Service) startCheckout(ctx context.Context, res Result) (Result, error) {
	// Finish what was started even if the booker's request goes away: a hold must end either
	// with its session stored or released.
	ctx = context.WithoutCancel(ctx)
	b := res.Booking
	if b.GrossCents == 0 {
		return s.confirmFree(ctx, res)
	}
	now := s.now().UTC()
	// Stripe refuses sessions that expire in under 30 minutes; the hold lasts as long as the session.
	expires := *b.HoldExpiresAt
	if earliest := now.Add(payment.MinSessionLifetime + time.Minute); expires.Before(earliest) {
		expires = earliest
	}
	session, err := s.payments.CreateCheckoutSession(ctx, s.checkoutInput(b, res.ManageToken, expires))
	if err != nil {
		s.log.ErrorContext(ctx, "checkout session failed; releasing hold", "reference", b.Reference, "error", err)
		if relErr := s.releaseUnstarted(ctx, b.Reference); relErr != nil {
			return Result{}, errors.Join(err, relErr)
		}
		return Result{}, fmt.Errorf("booking %s: %w: %w", b.Reference, model.ErrPaymentUnavailable, err)
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		locked, err := tx.LockBooking(ctx, b.Reference)
		if err != nil {
			return err
		}
		locked.Stripe.SessionID, locked.Stripe.CheckoutURL = session.ID, session.URL
		if locked.Status == model.BookingPendingPayment {
			locked.HoldExpiresAt = &expires
		}
		if err := tx.SaveBookingPayment(ctx, &locked); err != nil {
			return err
		}
		b = locked
		return Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingReceived, BookingID: b.ID,
			Extra: model.EventExtra{ManageToken: res.ManageToken}})
	})
	if err != nil {
		return Result{}, err
	}
	res.Booking, res.CheckoutURL = b, session.URL
	return res, nil
}

// confirmFree confirms a card booking that costs nothing (a full voucher): Stripe Checkout cannot
// take a payment of zero, and there is nothing to wait for.
func (s *Service) confirmFree(ctx context.Context, res Result) (Result, error) {
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, res.Booking.Reference)
		if err != nil {
			return err
		}
		if err := b.Transition(model.BookingConfirmed, s.now().UTC()); err != nil {
			return err
		}
		b.PaymentStatus = model.PaymentPaid
		if err := tx.SaveBookingPayment(ctx, &b); err != nil {
			return err
		}
		if err := s.IssueInvoice(ctx, tx, b.Reference, s.now().UTC()); err != nil {
			return err
		}
		res.Booking = b
		// No "received" mail went out before, so this one carries the manage link.
		return Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingConfirmed, BookingID: b.ID,
			Extra: model.EventExtra{ManageToken: res.ManageToken}})
	})
	return res, err
}

// releaseUnstarted gives back the seats of a hold whose Checkout Session could not be opened.
// The booking ends cancelled: nobody could ever pay for it.
func (s *Service) releaseUnstarted(ctx context.Context, reference string) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		if b.Status != model.BookingPendingPayment {
			return nil
		}
		return s.releaseSeats(ctx, tx, &b, model.BookingCancelled)
	})
}

// releaseSeats moves a seat-holding booking to a status that holds none and gives its seats back.
// A hold that was never paid also gives back its voucher use: the booking never came to be.
func (s *Service) releaseSeats(ctx context.Context, tx *store.Tx, b *model.Booking, to model.BookingStatus) error {
	held := model.HoldsSeats(b.Status)
	unpaidHold := b.Status == model.BookingPendingPayment
	if err := b.Transition(to, s.now().UTC()); err != nil {
		return err
	}
	b.Stripe.AsyncPending = false
	if held {
		if err := tx.ReleaseSeats(ctx, b.DateID, b.Seats); err != nil {
			return err
		}
	}
	if unpaidHold && b.VoucherCode != "" {
		if err := tx.ReturnVoucherUse(ctx, b.VoucherCode); err != nil {
			return err
		}
	}
	return tx.SaveBookingPayment(ctx, b)
}

// checkoutInput describes a booking for Stripe: one line per attendee, gross, VAT named.
func (s *Service) checkoutInput(b model.Booking, token string, expires time.Time) payment.CheckoutInput {
	lang := b.Language
	title, when := "", ""
	if b.Date != nil {
		when = i18n.Day(lang, b.Date.StartsAt.In(s.pay.Location))
		if b.Date.Seminar != nil {
			title = b.Date.Seminar.Title(lang)
		}
	}
	vat := vatLabel(b.VATRateBP, lang)
	amounts := splitCents(b.GrossCents, len(b.Attendees))
	items := make([]payment.LineItem, len(b.Attendees))
	for i, a := range b.Attendees {
		desc := fmt.Sprintf("Teilnahme: %s · inkl. %s MwSt.", a.FullName(), vat)
		if lang == "en" {
			desc = fmt.Sprintf("Attendee: %s · incl. %s VAT", a.FullName(), vat)
		}
		if !b.TaxTreatment.ChargesVAT() { // the invoice states why (reverse charge, §19, exemption)
			desc = fmt.Sprintf("Teilnahme: %s · ohne deutsche USt.", a.FullName())
			if lang == "en" {
				desc = fmt.Sprintf("Attendee: %s · no German VAT", a.FullName())
			}
		}
		items[i] = payment.LineItem{Name: title + " — " + when, Description: desc, AmountCents: amounts[i]}
	}
	manage := s.pay.BaseURL + "/b/" + b.Reference
	if lang == "en" { // English pages live under /en/: the booker comes back in their language
		manage = s.pay.BaseURL + "/en/b/" + b.Reference
	}
	return payment.CheckoutInput{
		Reference: b.Reference, CustomerEmail: b.Billing.Email, Currency: s.pay.Currency, Locale: lang,
		Items: items, ExpiresAt: expires,
		SuccessURL: manage + "/return?t=" + url.QueryEscape(token),
		CancelURL:  manage + "?t=" + url.QueryEscape(token),
	}
}

// vatLabel writes a VAT rate in basis points as people read it: "19 %" (de), "19%" (en), "7,5 %".
func vatLabel(bp int, lang string) string {
	rate := fmt.Sprintf("%d", bp/100)
	if frac := bp % 100; frac != 0 {
		rate += strings.TrimRight(fmt.Sprintf(".%02d", frac), "0")
	}
	if lang == "en" {
		return rate + "%"
	}
	return strings.ReplaceAll(rate, ".", ",") + " %"
}

// splitCents divides a total into n amounts that add up to it exactly; the first ones carry the
// remainder cents.
func splitCents(total int64, n int) []int64 {
	if n <= 0 {
		return nil
	}
	out := make([]int64, n)
	base, rest := total/int64(n), total%int64(n)
	for i := range out {
		out[i] = base
		if int64(i) < rest {
			out[i]++
		}
	}
	return out
}
