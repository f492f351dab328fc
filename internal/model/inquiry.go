package model

import "time"

// Inquiry statuses.
const (
	InquiryNew      = "new"
	InquiryAnswered = "answered"
	InquiryClosed   = "closed"
)

// Inquiry is a company's request for an in-house seminar: the trainer comes to them, for their
// people only, on a date agreed later.
type Inquiry struct {
	ID              uint   `gorm:"primaryKey"`
	Company         string `gorm:"size:200;not null"`
	Name            string `gorm:"size:200;not null"`
	Email           string `gorm:"size:254;not null"`
	Phone           string `gorm:"size:50"`
	SeminarID       *uint  // the seminar they are interested in, if one
	Topic           string `gorm:"size:300"`
	Participants    int    `gorm:"not null"`
	PreferredPeriod string `gorm:"size:200"`
	Format          string `gorm:"size:20"` // in_person, online or "" for either
	Message         string `gorm:"type:text"`
	Language        string `gorm:"size:5;not null"`
	Status          string `gorm:"size:20;not null;index"`
	CreatedAt       time.Time
	UpdatedAt       time.Time
}
