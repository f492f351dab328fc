package model

import "time"

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
	ID       uint   `gorm:"primaryKey"`
	DateID   uint   `gorm:"not null;index"`
	Name     string `gorm:"size:200;not null"`
	Email    string `gorm:"size:254;not null"`
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
