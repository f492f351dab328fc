package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin even on a machine without zoneinfo

	"seminars/internal/store"
)

// ReferenceTime is the moment every test clock starts at unless a test picks another: Saturday,
// 28 November 2026, 10:00 in Berlin — an ordinary working hour, far from midnight and from a
// DST change, so a test that does not care about the hour never meets an awkward one.
var ReferenceTime = time.Date(2026, time.November, 28, 10, 0, 0, 0, Berlin())

// Berlin is the Europe/Berlin time zone, the one the service shows times in.
func Berlin() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(fmt.Sprintf("time zone Europe/Berlin: %v", err))
	}
	return loc
}

// InBerlin is the moment of a wall-clock time in Berlin, for tests at named hours.
func InBerlin(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, Berlin())
}

// Clock is a fixed clock for tests: it stands still until the test moves it, so nothing a test
// checks depends on the hour it runs at. Pass its Now wherever a service takes a clock. It is
// safe for concurrent use (workers read it while the test advances it).
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock standing at ReferenceTime.
func NewClock(t testing.TB) *Clock { return NewClockAt(t, ReferenceTime) }

// NewClockAt returns a clock standing at at.
func NewClockAt(t testing.TB, at time.Time) *Clock {
	t.Helper()
	if at.IsZero() {
		t.Fatal("storetest: a clock needs a time")
	}
	return &Clock{now: at.UTC()}
}

// Now is the clock's time, in UTC like every time the service stores.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d (backward when d is negative).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Set puts the clock at at.
func (c *Clock) Set(at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = at.UTC()
}

// Option is how the store stamps its bookkeeping columns: give it the clock the test's services
// use (WithClock), so created_at agrees with the services' idea of now.
func (c *Clock) Option() store.Option { return store.WithClock(c.Now) }
