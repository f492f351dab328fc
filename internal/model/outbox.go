package model

import "time"

// Outbox statuses.
const (
	OutboxPending = "pending" // waiting to be delivered (again)
	OutboxDone    = "done"    // delivered; kept for the record
	OutboxFailed  = "failed"  // parked: a panic or permanent error, worker_max_attempts times; an admin may resend
)

// OutboxItem is a side effect — a mail to send, a Stripe call to make — written in the same
// transaction as the state change that causes it and carried out after commit by a worker, so
// that a crash or an outage never loses it and never runs it for a change that was rolled back.
type OutboxItem struct {
	ID uint `gorm:"primaryKey"`
	// Topic names the worker and the action, e.g. "mail.booking_confirmed" or "stripe.refund".
	Topic Topic `gorm:"size:60;not null;index:idx_outbox_due,priority:2"`
	// Key makes an item unique per cause (e.g. "booking:SEM-7K3Q9X:confirmed:attendee:12"), so the
	// same event enqueued twice (a duplicate webhook) is stored once.
	Key           string    `gorm:"size:200;not null;uniqueIndex"`
	Payload       string    `gorm:"type:text;not null;default:'{}'"` // JSON, read by the topic's worker
	Status        string    `gorm:"size:20;not null;index:idx_outbox_due,priority:1"`
	Attempts      int       `gorm:"not null;default:0"`
	NextAttemptAt time.Time `gorm:"not null;index:idx_outbox_due,priority:3"`
	LastError     string    `gorm:"size:1000"`
	DoneAt        *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// OutboxBackoff is the wait before attempt n+1 after n failed attempts: 30 s doubling up to 1 h.
func OutboxBackoff(attempts int) time.Duration {
	wait := 30 * time.Second
	for i := 1; i < attempts && wait < time.Hour; i++ {
		wait *= 2
	}
	return min(wait, time.Hour)
}
