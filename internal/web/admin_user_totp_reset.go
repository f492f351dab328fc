package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminUserTOTPReset takes two-step sign-in away from another account whose owner lost phone
// and recovery codes (owners only); that account's sessions end.
func (s *Server) adminUserTOTPReset(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := s.store.StaffUserByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.auth.ResetTOTP(ctx, actor(c), u.Email); err != nil && !errors.Is(err, model.ErrTOTPState) {
		return err
	}
	return redirect(c, "/admin/access?done=totp_reset")
}
