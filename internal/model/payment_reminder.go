package model

import "time"

// PaymentReminder records that the billing contact of an invoice past its due date was
// reminded: one row per invoice and step (unique), written with its mail and audit entry.
type PaymentReminder struct {
	ID             uint      `gorm:"primaryKey"`
	BookingID      uint      `gorm:"not null;index"`
	InvoiceID      uint      `gorm:"not null"`
	Step           int       `gorm:"not null"`
	AmountDueCents int64     `gorm:"not null"`
	SentOn         time.Time `gorm:"type:date;not null"`
	CreatedAt      time.Time
}

// ReminderSchedule is when payment reminders go out: Days after the due date, one step each,
// at most Max steps (0: no reminders).
type ReminderSchedule struct {
	Days []int
	Max  int
}

// StepDue is the reminder step due on day today for an invoice due on due (both calendar days
// in the service's zone), or 0 when none is: the highest step whose day has come, never above
// Max. A step whose day passed while no reminder went out (the service was down) is not sent
// late; the next due step is.
func (r ReminderSchedule) StepDue(due, today time.Time) int {
	step := 0
	for i, d := range r.Days {
		if i >= r.Max {
			break
		}
		if !today.Before(due.AddDate(0, 0, d)) {
			step = i + 1
		}
	}
	return step
}
