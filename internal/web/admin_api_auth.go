package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAPIAuth lets requests with a valid admin API token ("Authorization: Bearer <token>",
// made with `seminars token create`) through to /api/v1/admin; anything else is 401.
func (s *Server) adminAPIAuth() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			token, err := s.auth.CheckAPIToken(c.Request().Context(), bearerToken(c))
			if errors.Is(err, model.ErrUnauthenticated) {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="seminars admin"`)
				return echo.NewHTTPError(http.StatusUnauthorized)
			}
			if err != nil {
				return err
			}
			c.Set(apiTokenContextKey, token)
			return next(c)
		}
	}
}
