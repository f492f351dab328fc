package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminDateUpdate is PATCH /api/v1/admin/dates/{id}: the fields in the body replace the
// date's, the others stay. The same rules and use case as the back office's date page
// (form.Date, backoffice.UpdateDate: capacity not below the seats taken, everyone told of a new
// time or place, invoices corrected for a new service date); a price change is owners' only.
func (s *Server) apiAdminDateUpdate(c echo.Context) error {
	old, err := s.adminDate(c)
	if err != nil {
		return err
	}
	if old.Status == model.DateCancelled {
		return fmt.Errorf("date %d is cancelled: %w", old.ID, model.ErrInvalidTransition)
	}
	f := dateFormForJSON(old, s.cfg.Location)
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	f.MaxCapacity = s.cfg.MaxCapacity
	d, errs := f.Validate(s.cfg.Location)
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	if err := requireOwnerFor(c, pricesDiffer(old, d)); err != nil {
		return err
	}
	d.ID = old.ID
	err = s.office.UpdateDate(c.Request().Context(), actor(c), d)
	var below *model.CapacityBelowTakenError
	if errors.As(err, &below) {
		msg := s.i18n.For(language(c)).T("admin.error.capacity_below_taken", "Count", below.SeatsTaken)
		return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": map[string]string{"capacity": msg}})
	}
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	updated, err := s.store.DateByID(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.adminDateView(updated))
}

// dateFormForJSON is the stored date as the API's date body (RFC 3339 times, prices in cents),
// for a PATCH body to be decoded over.
func dateFormForJSON(d model.SeminarDate, loc *time.Location) form.Date {
	f := form.DateOf(d, loc)
	f.StartsAt, f.EndsAt = d.StartsAt.UTC().Format(time.RFC3339), d.EndsAt.UTC().Format(time.RFC3339)
	f.PriceText, f.EarlyBirdText = "", "" // the HTML form's euro texts would override the cents
	return f
}
