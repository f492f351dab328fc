package model

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Statuses of a waiting-list entry. An entry waits in line; when seats free up the first in line
// gets an offer that holds the seats until it runs out; it ends booked or expired (or withdrawn).
const (
	WaitlistWaiting   = "waiting"
	WaitlistOffered   = "offered"
	WaitlistBooked    = "booked"
	WaitlistExpired   = "expired"
	WaitlistWithdrawn = "withdrawn"
)

// WaitlistEntry is someone waiting for seats on a full date.
type WaitlistEntry struct {
	ID     uint   `gorm:"primaryKey"`
	DateID uint   `gorm:"not null;index"`
	Name   string `gorm:"size:200;not null"`
	Email  string `gorm:"size:254;not null"`
	// EmailKey is Email as compared (EmailKey), unique among a date's entries still in line.
	EmailKey string `gorm:"size:254;not null;default:''"`
	Company  string `gorm:"size:200"`
	Seats    int    `gorm:"not null"`
	Language string `gorm:"size:5;not null"`
	Status   string `gorm:"size:20;not null;index"`
	// OfferTokenHash is the SHA-256 of the secret in the offer link; the secret is only mailed.
	OfferTokenHash   string `gorm:"size:64;index"`
	OfferedAt        *time.Time
	OfferExpiresAt   *time.Time `gorm:"index"`
	BookingReference string     `gorm:"size:20"`
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// InLine tells whether an entry still stands in line (waiting, or holding an offer).
func (e WaitlistEntry) InLine() bool {
	return e.Status == WaitlistWaiting || e.Status == WaitlistOffered
}

// EmailKey is an e-mail address as the waiting list compares it: trimmed, NFC-normalised and
// lower-cased, so "Anna@Example.com" and "anna@example.com" (or a decomposed "ü") are one person.
func EmailKey(email string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(email)))
}
