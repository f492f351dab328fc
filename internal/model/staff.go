package model

import (
	"errors"
	"fmt"
	"time"
)

// Staff roles. An owner may do everything; an assistant runs the day (seminars, dates,
// attendees, check-in) but no money operations (marking paid, refunds, prices of bookings).
const (
	RoleOwner     = "owner"
	RoleAssistant = "assistant"
)

// IsRole tells whether s names a staff role.
func IsRole(s string) bool { return s == RoleOwner || s == RoleAssistant }

// Errors of the back office's sign-in and permissions.
var (
	ErrBadCredentials = errors.New("wrong e-mail or password")
	ErrThrottled      = errors.New("too many failed sign-ins")
	// ErrSignInBusy says the password checks are all taken and this one waited too long: the
	// client should try again in a moment (nothing was checked, nothing counted).
	ErrSignInBusy      = errors.New("too many sign-ins at once")
	ErrUnauthenticated = errors.New("not signed in")
	// ErrCodeDue and ErrTOTPSetupDue are a half-signed-in session: the password was right, and
	// the TOTP code, or the setup of TOTP the owner requires, is still due.
	ErrCodeDue       = errors.New("sign-in code due")
	ErrTOTPSetupDue  = errors.New("two-factor setup due")
	ErrForbiddenRole = errors.New("not allowed for this role")
)

// StaffUser is a person who signs in to the back office.
type StaffUser struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:254;uniqueIndex;not null"`
	Role  string `gorm:"size:20;not null"`
	// PasswordHash is an argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
	PasswordHash string `gorm:"size:200;not null"`
	// TOTPSecret is the TOTP secret sealed with a key derived from secret_key (package secret),
	// empty when none was set up. It is set when setup starts; TOTPEnabledAt is set once the
	// user confirmed it with a code, and only then does sign-in ask for one.
	TOTPSecret    string     `gorm:"column:totp_secret;size:200;not null;default:''"`
	TOTPEnabledAt *time.Time `gorm:"column:totp_enabled_at"`
	// TOTPLastStep is the time step (Unix time / 30 s) of the last code accepted: a code of that
	// step or an earlier one is refused, so an overheard code cannot be used again.
	TOTPLastStep int64 `gorm:"column:totp_last_step;not null;default:0"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TOTPEnabled tells whether sign-in asks this user for a code after the password.
func (u StaffUser) TOTPEnabled() bool { return u.TOTPEnabledAt != nil }

// IsOwner tells whether the user may do money operations.
func (u StaffUser) IsOwner() bool { return u.Role == RoleOwner }

// StaffSession is a signed-in browser. Only the SHA-256 of the cookie's secret is stored, so a
// copy of the database does not let anyone sign in.
type StaffSession struct {
	ID         uint       `gorm:"primaryKey"`
	TokenHash  string     `gorm:"size:64;uniqueIndex;not null"`
	UserID     uint       `gorm:"not null;index"`
	User       *StaffUser `gorm:"foreignKey:UserID"`
	CreatedAt  time.Time
	LastSeenAt time.Time `gorm:"not null"`
	ExpiresAt  time.Time `gorm:"not null;index"` // absolute end, whatever the activity
	// Stage is how far the sign-in got: SessionSignedIn opens the back office; the others only
	// the page of the step still due.
	Stage SessionStage `gorm:"size:20;not null;default:''"`
}

// SessionStage is how far a sign-in got.
type SessionStage string

// Session stages. A session of another stage than SessionSignedIn grants nothing but its step.
const (
	SessionSignedIn  SessionStage = ""           // password (and code, if due) given
	SessionNeedsCode SessionStage = "totp"       // password right; the TOTP or a recovery code is due
	SessionNeedsTOTP SessionStage = "totp_setup" // password right; TOTP is required and not set up yet
)

// LoginFailure is one failed sign-in, counted per subject ("ip:…" or "account:…") over a window so
// that every instance of the service sees the same count.
type LoginFailure struct {
	ID        uint      `gorm:"primaryKey"`
	Subject   string    `gorm:"size:300;not null;index:idx_login_failures_subject_at"`
	CreatedAt time.Time `gorm:"not null;index:idx_login_failures_subject_at"`
}

// APIToken grants access to the admin JSON API. Only the SHA-256 of the token is stored.
type APIToken struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100;not null"`
	TokenHash string `gorm:"size:64;uniqueIndex;not null"`
	// Role is what the token may do, chosen when it is made (RoleOwner or RoleAssistant): like a
	// signed-in assistant, an assistant's token sets no prices.
	Role       string `gorm:"size:20;not null;default:owner"`
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

// IsOwner tells whether the token acts with the owner's rights.
func (t APIToken) IsOwner() bool { return t.Role == RoleOwner }

// CapacityBelowTakenError says a date's capacity cannot go below the seats already taken.
type CapacityBelowTakenError struct {
	SeatsTaken int
}

func (e *CapacityBelowTakenError) Error() string {
	return fmt.Sprintf("capacity below the %d seats taken", e.SeatsTaken)
}
