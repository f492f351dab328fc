package web

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIFile documents the admin API; it is embedded with static/.
const openAPIFile = "static/api/openapi.yaml"

// apiOpenAPIShow is GET /api/v1/openapi.yaml.
func (s *Server) apiOpenAPIShow(c echo.Context) error {
	doc, err := fs.ReadFile(s.files, openAPIFile)
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/yaml; charset=utf-8", doc)
}
