package form

import (
	"net/url"

	"seminars/internal/model"
)

// Login is the back office's sign-in form.
type Login struct {
	Email, Password string
}

// LoginFromValues reads the form.
func LoginFromValues(v url.Values) Login {
	return Login{Email: v.Get("email"), Password: v.Get("password")}
}

// Validate checks the form's shape before any password is checked: an address that cannot be
// any account's, or a password no account can have, is refused without touching the database.
func (f *Login) Validate() Errors {
	errs := Errors{}
	if clean, err := model.Mailbox("email", f.Email); err != nil {
		record(errs, err)
	} else {
		f.Email = clean
	}
	if _, err := model.Line("password", f.Password, model.MaxPasswordLen); err != nil || f.Password == "" {
		errs["password"] = msgRequired
	}
	return errs
}
