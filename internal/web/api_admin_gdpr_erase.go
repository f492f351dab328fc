package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// eraseRequest is the body of POST /api/v1/admin/gdpr/erase.
type eraseRequest struct {
	Email string `json:"email"`
}

// apiAdminGDPRErase is POST /api/v1/admin/gdpr/erase: erases one person (owners' tokens only)
// and answers 200 with what was changed, counted. A person with an upcoming booking or an open
// amount gets 409 with the reason.
func (s *Server) apiAdminGDPRErase(c echo.Context) error {
	var req eraseRequest
	if err := json.NewDecoder(c.Request().Body).Decode(&req); err != nil {
		return s.badJSON(c, err)
	}
	e, err := s.privacy.Erase(c.Request().Context(), actor(c), req.Email)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, map[string]string{invalid.Field: invalid.MessageKey()})
	}
	if errors.Is(err, model.ErrErasureRefused) {
		return c.JSON(http.StatusConflict, map[string]string{"error": "erasure_refused", "message": err.Error()})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, e)
}
