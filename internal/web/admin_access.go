package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAccessShow lists who can get in — staff accounts and admin API tokens — with forms to add
// them (owners only).
func (s *Server) adminAccessShow(c echo.Context) error {
	return s.renderAccess(c, http.StatusOK, accessData{Notice: c.QueryParam("done")}, nil)
}

// adminUserCreate adds a staff account with the password the owner gives it.
func (s *Server) adminUserCreate(c echo.Context) error {
	d := accessData{NewEmail: strings.TrimSpace(c.FormValue("email")), NewRole: c.FormValue("role")}
	_, err := s.office.AddStaffUser(c.Request().Context(), actor(c), d.NewEmail, d.NewRole, c.FormValue("password"))
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderAccess(c, http.StatusUnprocessableEntity, d, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/access?done=user")
}

// adminTokenCreate makes an admin API token and shows it once (the page is not cached; only
// the token's hash is stored).
func (s *Server) adminTokenCreate(c echo.Context) error {
	name := strings.TrimSpace(c.FormValue("name"))
	role := c.FormValue("role")
	if role == "" {
		role = model.RoleOwner // the form before tokens had roles
	}
	token, err := s.office.CreateAPIToken(c.Request().Context(), actor(c), name, role)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderAccess(c, http.StatusUnprocessableEntity, accessData{}, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return s.renderAccess(c, http.StatusOK, accessData{NewToken: token, NewTokenName: name}, nil)
}

// adminTokenRevoke deletes an API token.
func (s *Server) adminTokenRevoke(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.office.RevokeAPIToken(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return redirect(c, "/admin/access?done=revoked")
}

func (s *Server) renderAccess(c echo.Context, status int, d accessData, errs map[string]string) error {
	ctx := c.Request().Context()
	var err error
	if d.Users, err = s.store.StaffUsers(ctx); err != nil {
		return err
	}
	if d.Tokens, err = s.store.APITokens(ctx); err != nil {
		return err
	}
	if d.NewRole == "" {
		d.NewRole = model.RoleAssistant
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return s.render(c, status, pageAdminAccess, s.i18n.For(language(c)).T("admin.access.title"), d, errs)
}
