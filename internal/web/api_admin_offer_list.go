package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminOfferList is GET /api/v1/admin/offers: the in-house offers, newest first
// (?inquiry={id} keeps those answering one inquiry).
func (s *Server) apiAdminOfferList(c echo.Context) error {
	var inquiry uint
	if raw := c.QueryParam("inquiry"); raw != "" {
		id, err := model.ParseID("inquiry", raw)
		if err != nil {
			return err
		}
		inquiry = id
	}
	offers, err := s.store.Offers(c.Request().Context(), inquiry, 300)
	if err != nil {
		return err
	}
	out := make([]adminOfferJSON, len(offers))
	for i, o := range offers {
		out[i] = s.adminOfferView(o)
	}
	return c.JSON(http.StatusOK, map[string]any{"offers": out})
}
