package model

import "time"

// Statuses of an in-house inquiry in the admin inbox.
const (
	InquiryNew  = "new"
	InquiryDone = "done"
)

// InhouseInquiry is a company's request for a seminar at their place, for their people only.
type InhouseInquiry struct {
	ID              uint   `gorm:"primaryKey"`
	Company         string `gorm:"size:200;not null"`
	Name            string `gorm:"size:200;not null"`
	Email           string `gorm:"size:254;not null"`
	Phone           string `gorm:"size:50"`
	Topic           string `gorm:"size:300;not null"`
	Participants    int    `gorm:"not null"`
	PreferredPeriod string `gorm:"size:200"`
	Message         string `gorm:"size:4000"`
	Language        string `gorm:"size:5;not null"`
	Status          string `gorm:"size:20;not null;index"`
	CreatedAt       time.Time
	UpdatedAt       time.Time
}
