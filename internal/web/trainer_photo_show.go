package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// trainerPhotoShow is GET /trainers/{id}/photo: a trainer's uploaded photo, for the seminar
// pages. The URL carries the photo's version, so it may be cached for long; the type is the one
// sniffed at upload (JPEG, PNG or WebP only), sent with nosniff.
func (s *Server) trainerPhotoShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	p, err := s.store.TrainerPhoto(c.Request().Context(), id)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	h.Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, p.ContentType, p.Data)
}
