package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminOfferCreate takes the offer form: the offer is numbered, its PDF rendered and stored by
// the document worker, and it is mailed to the company with its private link.
func (s *Server) adminOfferCreate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	inq, err := s.store.InquiryByID(ctx, id)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.OfferFromValues(values)
	o, errs := f.Validate(s.cfg.Location, s.now())
	if len(errs) == 0 {
		err = s.office.CreateOffer(ctx, actor(c), inq.ID, &o)
		if errors.Is(err, model.ErrNotFound) {
			errs = form.Errors{"seminar_id": "offer.error.seminar"}
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return s.renderOfferForm(c, http.StatusUnprocessableEntity, inq, f, s.translate(c, errs))
	}
	return redirect(c, offerAdminPath(o.ID)+"?done=sent")
}
