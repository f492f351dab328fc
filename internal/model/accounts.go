package model

import (
	"errors"
	"time"
)

// StaffRecoveryCode is one single-use recovery code of a user with TOTP: it signs in instead of
// a code when the phone is lost. Only its SHA-256 is stored (the code has 80 random bits).
type StaffRecoveryCode struct {
	ID        uint       `gorm:"primaryKey"`
	UserID    uint       `gorm:"not null;index"`
	User      *StaffUser `gorm:"foreignKey:UserID"`
	CodeHash  string     `gorm:"size:64;uniqueIndex;not null"`
	UsedAt    *time.Time
	CreatedAt time.Time
}

// PasswordReset is a mailed link to set a new password: single use, valid until ExpiresAt. Only
// the SHA-256 of the link's secret is stored.
type PasswordReset struct {
	ID        uint       `gorm:"primaryKey"`
	UserID    uint       `gorm:"not null;index"`
	User      *StaffUser `gorm:"foreignKey:UserID"`
	TokenHash string     `gorm:"size:64;uniqueIndex;not null"`
	CreatedAt time.Time
	ExpiresAt time.Time `gorm:"not null"`
	UsedAt    *time.Time
}

// Errors of password reset and two-factor sign-in.
var (
	// ErrResetUnknown, ErrResetExpired and ErrResetUsed say why a reset link does not work.
	ErrResetUnknown = errors.New("password reset link not valid")
	ErrResetExpired = errors.New("password reset link expired")
	ErrResetUsed    = errors.New("password reset link already used")
	// ErrBadCode is a wrong TOTP or recovery code; ErrCodeReplayed a right TOTP code that was
	// already used (or one of an earlier step than one already used).
	ErrBadCode      = errors.New("wrong code")
	ErrCodeReplayed = errors.New("code already used")
	// ErrTOTPState is a TOTP action that does not fit the account's state (confirming without a
	// setup begun, disabling what is off).
	ErrTOTPState = errors.New("two-factor sign-in is not in the state this needs")
)

// Audit actions of the back-office accounts.
const (
	AuditPasswordResetRequested = "user.password_reset_requested"
	AuditPasswordReset          = "user.password_reset"
	AuditTOTPEnabled            = "user.totp_enabled"
	AuditTOTPDisabled           = "user.totp_disabled"
	AuditTOTPReset              = "user.totp_reset" // an owner or the command line took a user's TOTP away
	AuditRecoveryCodeUsed       = "user.recovery_code_used"
)
