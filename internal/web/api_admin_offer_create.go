package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminOfferCreate is POST /api/v1/admin/inquiries/{id}/offers: 201 with the offer (numbered,
// mailed to the company, its PDF rendered by the document worker), 422 with per-field errors,
// 404 for an unknown inquiry.
func (s *Server) apiAdminOfferCreate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := s.store.InquiryByID(ctx, id); err != nil {
		return err // an unknown inquiry is 404 whatever the body says
	}
	var f form.Offer
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	o, errs := f.Validate(s.cfg.Location, s.now())
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	err = s.office.CreateOffer(ctx, actor(c), id, &o)
	if errors.Is(err, model.ErrNotFound) {
		return s.validationFailed(c, form.Errors{"seminar_id": "offer.error.seminar"})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, s.adminOfferView(o))
}
