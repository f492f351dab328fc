package web

import (
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminTOTPSetupShow shows the setup of two-step sign-in: a button to make a key, then the key as
// QR code and as text with the form for the first code. A session the owner's require_totp sent
// here sees nothing else of the back office until it is done.
func (s *Server) adminTOTPSetupShow(c echo.Context) error {
	return s.renderTOTPSetup(c, http.StatusOK, totpSetupData{})
}

func (s *Server) renderTOTPSetup(c echo.Context, status int, d totpSetupData) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	sess := staffSession(c)
	d.Forced = sess.Stage == model.SessionNeedsTOTP
	if d.Codes == nil {
		e, err := s.auth.PendingEnrollment(c.Request().Context(), sess.UserID)
		switch {
		case err == nil:
			d.Pending, d.Secret = true, e.Secret
			// The QR code is inline: it holds the secret, so it must not be a cacheable URL.
			d.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(e.QRPNG))
		case errors.Is(err, model.ErrTOTPState):
			if !d.Forced && sess.User != nil && sess.User.TOTPEnabled() {
				return redirect(c, "/admin/account")
			}
		default:
			return err
		}
	}
	return s.render(c, status, pageAdminTOTPSetup, s.i18n.For(language(c)).T("account.setup.title"), d, nil)
}
