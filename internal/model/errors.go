// Package model holds the service's records and the pure rules about them: statuses and their
// transitions, prices and VAT. It does no I/O.
package model

import (
	"errors"
	"fmt"
)

// Domain errors. Packages wrap them with %w; the web layer maps them to status codes in one place.
var (
	ErrNotFound          = errors.New("not found")
	ErrInvalidTransition = errors.New("invalid status transition")
	ErrNotBookable       = errors.New("date cannot be booked")
	// ErrFlatDateBooked: a flat-price in-house date takes one booking, and it has it.
	ErrFlatDateBooked  = errors.New("the in-house date is booked already")
	ErrPaymentDisabled = errors.New("payment method not available")
	// ErrPaymentUnavailable says the payment provider could not be reached; nothing was kept.
	ErrPaymentUnavailable = errors.New("payment provider unavailable")
	// ErrNotConfirmed says an attendee's booking is not confirmed (pending, cancelled or
	// expired), so they cannot be checked in.
	ErrNotConfirmed = errors.New("booking not confirmed")
	// ErrNotCheckInDay says it is not one of the date's days, so nobody can be checked in.
	ErrNotCheckInDay = errors.New("not a day of the date")
	// ErrNoCheckIn says there is no check-in to undo.
	ErrNoCheckIn = errors.New("no check-in to undo")
)

// SoldOutError says a date has fewer free seats than a booking asked for.
type SoldOutError struct {
	DateID    uint
	SeatsLeft int
	Requested int
}

func (e *SoldOutError) Error() string {
	return fmt.Sprintf("date %d: %d seats requested, %d left", e.DateID, e.Requested, e.SeatsLeft)
}

// ValidationError carries per-field message keys (translated by the caller into the user's
// language) for input that breaks a domain rule.
type ValidationError struct {
	Fields map[string]string
}

func (e *ValidationError) Error() string { return fmt.Sprintf("invalid input: %v", e.Fields) }
