package web

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// materialBody is the body of POST /api/v1/admin/seminars/{id}/materials: a link, or a file
// as base64 (the API takes JSON only).
type materialBody struct {
	Title         string `json:"title"`
	Kind          string `json:"kind"`
	URL           string `json:"url"`
	FileName      string `json:"file_name"`
	ContentBase64 string `json:"content_base64"`
	Release       string `json:"release"`
	ReleaseDays   int    `json:"release_days"`
	DateID        *uint  `json:"date_id"` // a date of the seminar; null or left out: every date
}

// apiAdminMaterialCreate is POST /api/v1/admin/seminars/{id}/materials: the back office's use
// case (AddMaterial) with its rules — an empty or too large file, a bad link or a date of
// another seminar is a 422 and stores nothing.
func (s *Server) apiAdminMaterialCreate(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	var body materialBody
	if err := json.NewDecoder(c.Request().Body).Decode(&body); err != nil {
		return s.badJSON(c, err)
	}
	in := model.MaterialInput{Title: body.Title, Kind: model.MaterialKind(body.Kind), URL: body.URL, FileName: body.FileName,
		Release: model.MaterialRelease(body.Release), ReleaseDays: body.ReleaseDays}
	if in.Kind == model.MaterialFile {
		if in.Data, err = base64.StdEncoding.DecodeString(body.ContentBase64); err != nil {
			return s.materialFailed(c, map[string]string{"file": "materials.error.base64"})
		}
	}
	m, err := s.office.AddMaterial(c.Request().Context(), actor(c), sem.ID, body.DateID, in, s.cfg.MaterialMaxBytes)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.materialFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, adminMaterialView(m))
}

// materialFailed answers 422 with the messages under the API's field names (the form's "file"
// is the body's content_base64).
func (s *Server) materialFailed(c echo.Context, keys map[string]string) error {
	msgs := s.materialMessages(c, keys)
	if m, ok := msgs["file"]; ok {
		delete(msgs, "file")
		msgs["content_base64"] = m
	}
	return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": msgs})
}

// materialMessages translates a material's error keys; the one of a too large file names the
// limit.
func (s *Server) materialMessages(c echo.Context, keys map[string]string) map[string]string {
	msgs := s.translate(c, keys)
	if keys["file"] == "materials.error.file_too_large" {
		t := s.i18n.For(language(c))
		msgs["file"] = t.T("materials.error.file_too_large", "Max", byteSize(s.cfg.MaterialMaxBytes, t.Lang))
	}
	return msgs
}
