package model

import (
	"errors"
	"fmt"
	"strings"
)

// Erasure (Art. 17 GDPR) replaces a person's names, addresses and e-mail addresses with these
// markers everywhere but on issued invoices and credit notes, which the law makes us keep as
// issued (§ 147 AO, § 14b UStG) until the retention job purges them.
const (
	ErasedText = "[erased]"
	// ErasedEmail is the address an erased person's records carry: the .invalid top-level domain
	// (RFC 2606) can never receive mail, and the mail worker writes nothing to it.
	ErasedEmail = "erased@erased.invalid"
)

// IsErasedEmail tells whether an address is the marker of an erased person.
func IsErasedEmail(email string) bool {
	return strings.EqualFold(strings.TrimSpace(email), ErasedEmail)
}

// ErrErasureRefused says a person cannot be erased yet: they have an upcoming booking or an
// amount is still open. An *ErasureRefusedError names the booking and the reason.
var ErrErasureRefused = errors.New("erasure refused")

// Why an erasure is refused (ErasureRefusedError.Reason).
const (
	RefusedUpcoming   = "upcoming"    // a booking (or a seat) still takes place: cancel or substitute first
	RefusedOpenAmount = "open_amount" // the booker owes money, or is owed money: settle first
)

// ErasureRefusedError says which booking stops an erasure, and why.
type ErasureRefusedError struct {
	Reference string
	Reason    string
}

func (e *ErasureRefusedError) Error() string {
	if e.Reason == RefusedOpenAmount {
		return fmt.Sprintf("booking %s has an open amount: settle it first", e.Reference)
	}
	return fmt.Sprintf("booking %s is upcoming: cancel it or substitute the attendee first", e.Reference)
}

// Unwrap makes every ErasureRefusedError an ErrErasureRefused.
func (e *ErasureRefusedError) Unwrap() error { return ErrErasureRefused }

// AuditPersonErased: a person's data were erased; the entry names them by a hash, never by the
// erased data.
const AuditPersonErased = "person.erased"

// AuditLegalHold: a booking's legal hold was set or lifted (its documents kept past retention).
const AuditLegalHold = "booking.legal_hold"
