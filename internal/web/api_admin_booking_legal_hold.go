package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// legalHoldRequest is the body of PUT /api/v1/admin/bookings/{reference}/legal-hold; a pointer,
// so that a body without the field is refused rather than read as "lift the hold".
type legalHoldRequest struct {
	LegalHold *bool `json:"legal_hold"`
}

// legalHoldJSON answers it: the booking and its hold as stored now.
type legalHoldJSON struct {
	Reference string `json:"reference"`
	LegalHold bool   `json:"legal_hold"`
}

// apiAdminBookingLegalHold is PUT /api/v1/admin/bookings/{reference}/legal-hold (owners' tokens
// only): sets or lifts the booking's legal hold, audited, as the back office's button and
// `seminars gdpr hold` do. Setting it twice is harmless.
func (s *Server) apiAdminBookingLegalHold(c echo.Context) error {
	var req legalHoldRequest
	if err := json.NewDecoder(c.Request().Body).Decode(&req); err != nil {
		return s.badJSON(c, err)
	}
	if req.LegalHold == nil {
		return s.validationFailed(c, map[string]string{"legal_hold": "error.required"})
	}
	reference := strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	if err := s.privacy.SetLegalHold(c.Request().Context(), actor(c), reference, *req.LegalHold); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, legalHoldJSON{Reference: reference, LegalHold: *req.LegalHold})
}
