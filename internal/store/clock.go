package store

import "time"

// Option changes how Open and Connect set up the store.
type Option func(*openOptions)

type openOptions struct {
	now         func() time.Time
	insertFault func(table string) error // WithInsertFault; nil in production
}

// WithClock sets the clock that stamps created_at, updated_at and the default due time of an
// outbox item. Production passes time.Now from cmd (the default when no clock is given); tests
// pass a fixed clock (storetest.Clock) so nothing they store depends on the hour they run at.
func WithClock(now func() time.Time) Option {
	return func(o *openOptions) {
		if now != nil {
			o.now = now
		}
	}
}

// stamp is the store clock's current time in UTC, for updated_at and similar bookkeeping.
func (q Reads) stamp() time.Time { return q.now().UTC() }

// Now is the time on the store's clock, for callers (test helpers) that must agree with the
// timestamps the store writes.
func (s *Store) Now() time.Time { return s.now() }
