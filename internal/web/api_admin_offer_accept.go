package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// offerAcceptBody is the body of POST /api/v1/admin/offers/{id}/accept: the proposed date the
// company chose, 1-based.
type offerAcceptBody struct {
	Choice int `json:"choice"`
}

// apiAdminOfferAccept is POST /api/v1/admin/offers/{id}/accept: the company accepted by phone or
// mail; 200 with the offer and its unlisted date's booking link, 409 when it is no longer open,
// 422 for a choice that names no proposed date.
func (s *Server) apiAdminOfferAccept(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body offerAcceptBody
	if err := json.NewDecoder(c.Request().Body).Decode(&body); err != nil {
		return s.badJSON(c, err)
	}
	o, err := s.office.AcceptOffer(c.Request().Context(), actor(c), id, body.Choice-1)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.adminOfferView(o))
}
