package web

import (
	"html/template"
	"time"
)

// Back-office account pages: password reset, the sign-in code, the account and TOTP setup.
const (
	pageAdminPasswordForgot = "admin/password_forgot.html"
	pageAdminPasswordReset  = "admin/password_reset.html"
	pageAdminLoginCode      = "admin/login_code.html"
	pageAdminAccount        = "admin/account.html"
	pageAdminTOTPSetup      = "admin/totp_setup.html"
)

// passwordForgotData is the form asking for the e-mail of the account to reset.
type passwordForgotData struct {
	Email   string
	Minutes int
	Sent    bool   // the answer, the same whether or not the address has an account
	Problem string // e.g. throttled
}

// passwordResetData is the form setting a new password with a mailed link.
type passwordResetData struct {
	Token   string
	Email   string
	Problem string // why the link does not work; then no form is shown
}

// loginCodeData is the second step of sign-in.
type loginCodeData struct {
	Problem string
}

// accountData is the signed-in user's own account page.
type accountData struct {
	TOTPOn       bool
	TOTPSince    time.Time
	RecoveryLeft int64
	Required     bool
	Notice       string
	Problem      string
}

// totpSetupData is the setup of TOTP: start, then QR code and key, then the recovery codes.
type totpSetupData struct {
	Forced  bool // the owner requires TOTP: this session opens nothing else until it is set up
	Pending bool // a key was made and waits for its first code
	QR      template.URL
	Secret  string
	Codes   []string // shown once, right after TOTP was turned on
	Problem string
}
