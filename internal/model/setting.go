package model

import "time"

// Setting is a small named value the service keeps for itself (not configuration an operator
// writes): a rotation counter, or the generated server secret shared by several instances.
type Setting struct {
	Name      string `gorm:"primaryKey;size:100"`
	Value     string `gorm:"type:text;not null"`
	UpdatedAt time.Time
}

// Names of the settings rows.
const (
	// SettingSecretKey is the generated server secret on PostgreSQL (see package secret).
	SettingSecretKey = "secret_key"
	// SettingCalendarRotation counts how often the trainer renewed the calendar feed's URL.
	SettingCalendarRotation = "calendar_rotation"
)

// AuditCalendarRenewed: the trainer's calendar feed got a new URL (the old one stopped working).
const AuditCalendarRenewed = "calendar.renewed"
