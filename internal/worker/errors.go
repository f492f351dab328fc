package worker

import (
	"encoding/json"
	"errors"
	"fmt"

	"seminars/internal/model"
)

// permanentError marks a failure that will happen again however often the item is tried: a
// malformed payload, a message no mail header can carry, a renderer that panics on the data.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as permanent: an item failing with it is parked after MaxAttempts
// attempts. Errors not marked are transient (an SMTP or Stripe outage) and retried for ever
// with capped backoff. Sentinels made with Permanent (mail.ErrPermanent, invoice.ErrRender)
// keep working with errors.Is. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent tells whether err, or an error it wraps, was marked with Permanent. A recovered
// panic is permanent (ErrPanic).
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// ErrPanic is wrapped by the error of an item whose handler panicked.
var ErrPanic = Permanent(errors.New("panic"))

// Decode reads an item's JSON payload into v. A payload that does not decode never will, so
// the error is permanent.
func Decode(item model.OutboxItem, v any) error {
	if err := json.Unmarshal([]byte(item.Payload), v); err != nil {
		return Permanent(fmt.Errorf("%s payload: %w", item.Topic, err))
	}
	return nil
}
