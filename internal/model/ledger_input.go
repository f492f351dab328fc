package model

import (
	"strings"
	"time"
)

// MaxPaymentCents bounds one recorded payment (10 million euros): far above any booking, far
// below what a BIGINT or a careless extra digit could reach.
const MaxPaymentCents = 1_000_000_000

// PaymentInput is a payment as staff type it in or an API client sends it: amount in cents
// (negative for money paid back to the booker), the day it arrived as YYYY-MM-DD, the method
// and an optional note.
type PaymentInput struct {
	AmountCents int64
	PaidOn      string
	Method      string
	Note        string
}

// Check applies the rules to a payment input and returns the ledger row, or a *ValidationError
// naming each field that breaks a rule with its message key: the amount must not be zero or
// beyond MaxPaymentCents, the day must be a real calendar day not after today (in the service's
// time zone), the method one of RecordableMethods, the note a Line of at most 300 characters.
func (in PaymentInput) Check(today time.Time) (Payment, error) {
	fields := map[string]string{}
	if in.AmountCents == 0 || in.AmountCents > MaxPaymentCents || in.AmountCents < -MaxPaymentCents {
		fields["amount_cents"] = "payment.error.amount"
	}
	day, err := time.Parse(time.DateOnly, strings.TrimSpace(in.PaidOn))
	switch {
	case strings.TrimSpace(in.PaidOn) == "":
		fields["paid_on"] = "error.required"
	case err != nil:
		fields["paid_on"] = "payment.error.paid_on"
	case day.After(CalendarDay(today)):
		fields["paid_on"] = "payment.error.paid_on_future"
	}
	method := LedgerMethod(strings.TrimSpace(in.Method))
	if !method.Recordable() {
		fields["method"] = "payment.error.method"
	}
	note, err := Line("note", in.Note, 300)
	if fe, ok := err.(*FieldError); ok {
		fields["note"] = fe.MessageKey()
	}
	if len(fields) > 0 {
		return Payment{}, &ValidationError{Fields: fields}
	}
	return Payment{AmountCents: in.AmountCents, PaidOn: day, Method: method, Note: note}, nil
}
