package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminAccountShow is the signed-in user's own account: whether two-step sign-in is on, how
// many recovery codes are left, and the forms to set it up or turn it off.
func (s *Server) adminAccountShow(c echo.Context) error {
	return s.renderAccount(c, http.StatusOK, accountData{Notice: c.QueryParam("done")})
}

func (s *Server) renderAccount(c echo.Context, status int, d accountData) error {
	ctx := c.Request().Context()
	u, err := s.store.StaffUserByID(ctx, staffSession(c).UserID)
	if err != nil {
		return err
	}
	d.Required = s.auth.Settings().RequireTOTP
	if d.TOTPOn = u.TOTPEnabled(); d.TOTPOn {
		d.TOTPSince = *u.TOTPEnabledAt
		if d.RecoveryLeft, err = s.auth.RecoveryCodesLeft(ctx, u.ID); err != nil {
			return err
		}
	}
	return s.render(c, status, pageAdminAccount, s.i18n.For(language(c)).T("account.title"), d, nil)
}
