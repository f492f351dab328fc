package model

import (
	"testing"
	"time"
)

func TestVATRounding(t *testing.T) {
	cases := []struct {
		name   string
		net    int64
		rateBP int
		want   int64
	}{
		{"whole euros", 49000, 1900, 9310},
		{"half cent rounds up", 50, 1900, 10},  // 9.5 → 10
		{"below half rounds down", 2, 1900, 0}, // 0.38 → 0
		{"exactly half a cent", 5000, 1, 1},    // 0.5 → 1
		{"negative mirrors positive", -50, 1900, -10},
		{"zero rate", 12345, 0, 0},
		{"reduced rate", 10001, 700, 700}, // 700.07 → 700
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := VAT(c.net, c.rateBP); got != c.want {
				t.Fatalf("VAT(%d, %d) = %d, want %d", c.net, c.rateBP, got, c.want)
			}
		})
	}
}

func TestComputeTotalsAddsUp(t *testing.T) {
	tot := ComputeTotals(3*49000, 1900)
	if tot.GrossCents != tot.NetCents+tot.VATCents || tot.VATCents != 27930 {
		t.Fatalf("totals %+v", tot)
	}
}

func TestBookingTransitions(t *testing.T) {
	cases := []struct {
		name     string
		from, to BookingStatus
		ok       bool
	}{
		{"hold is paid", BookingPendingPayment, BookingConfirmed, true},
		{"hold expires", BookingPendingPayment, BookingExpired, true},
		{"late payment after expiry", BookingExpired, BookingConfirmed, true},
		{"expired after paid does nothing", BookingConfirmed, BookingExpired, false},
		{"confirmed is cancelled", BookingConfirmed, BookingCancelled, true},
		{"cancelled is final", BookingCancelled, BookingConfirmed, false},
		{"no pending after confirmed", BookingConfirmed, BookingPendingPayment, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := Booking{Status: c.from}
			err := b.Transition(c.to, time.Date(2026, time.November, 28, 9, 0, 0, 0, time.UTC))
			if (err == nil) != c.ok {
				t.Fatalf("%s → %s: err = %v, want ok=%v", c.from, c.to, err, c.ok)
			}
			if c.ok && b.Status != c.to {
				t.Fatalf("status = %s", b.Status)
			}
		})
	}
}

func TestUnitPriceEarlyBird(t *testing.T) {
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	until := now.Add(24 * time.Hour)
	d := SeminarDate{PriceNetCents: 59000, EarlyBirdNetCents: 49000, EarlyBirdUntil: &until}
	cases := []struct {
		name string
		at   time.Time
		want int64
	}{
		{"before the early-bird deadline", now, 49000},
		{"after the deadline", until.Add(time.Second), 59000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := d.UnitPriceNetCents(c.at); got != c.want {
				t.Fatalf("price = %d, want %d", got, c.want)
			}
		})
	}
}

func TestSeatsLeftNeverNegative(t *testing.T) {
	if got := (SeminarDate{Capacity: 3, SeatsTaken: 5}).SeatsLeft(); got != 0 {
		t.Fatalf("SeatsLeft = %d", got)
	}
}
