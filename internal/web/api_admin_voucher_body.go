package web

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// voucherBody is the body of POST /api/v1/admin/vouchers and PATCH /api/v1/admin/vouchers/{code}:
// a field left out keeps its value (on create: the form's default). It is translated into the
// back office's voucher form, so both check the same rules (form.Voucher.Validate).
type voucherBody struct {
	Code        string   `json:"code"`
	Percent     *float64 `json:"percent"`
	AmountCents *int64   `json:"amount_cents"`
	Seminar     *string  `json:"seminar"`     // slug; "" = every seminar
	ValidUntil  *string  `json:"valid_until"` // last valid day, YYYY-MM-DD; "" = no end
	MaxUses     *int     `json:"max_uses"`    // 0 = unlimited
	Active      *bool    `json:"active"`
}

// decodeVoucherBody reads the body; a malformed one has already been answered when ok is false.
func (s *Server) decodeVoucherBody(c echo.Context) (body voucherBody, answered error, ok bool) {
	if err := json.NewDecoder(c.Request().Body).Decode(&body); err != nil {
		return body, s.badJSON(c, err), false
	}
	return body, nil, true
}

// changesTerms tells whether the body changes more than the switch.
func (b voucherBody) changesTerms() bool {
	return b.Percent != nil || b.AmountCents != nil || b.Seminar != nil || b.ValidUntil != nil || b.MaxUses != nil
}

// over lays the body's fields over a voucher form.
func (b voucherBody) over(f form.Voucher) form.Voucher {
	if b.Percent != nil {
		f.Percent, f.Amount = strconv.FormatFloat(*b.Percent, 'f', -1, 64), ""
	}
	if b.AmountCents != nil {
		f.Percent, f.Amount = "", "0" // 0 and below are refused by the form
		if *b.AmountCents > 0 {
			f.Amount = form.Euros(*b.AmountCents)
		}
	}
	if b.Seminar != nil {
		f.Seminar = *b.Seminar
	}
	if b.ValidUntil != nil {
		f.ValidUntil = *b.ValidUntil
	}
	if b.MaxUses != nil {
		f.MaxUses = strconv.Itoa(*b.MaxUses)
	}
	return f
}

// validate checks the form as the back office does and names the errors by the JSON fields.
func (s *Server) validateVoucher(f form.Voucher) (model.Voucher, map[string]string) {
	v, errs := f.Validate(s.cfg.Location)
	return v, voucherFields(errs)
}

// voucherFields renames the form's error fields to the API's.
func voucherFields(errs map[string]string) map[string]string {
	if len(errs) == 0 {
		return nil
	}
	out := make(map[string]string, len(errs))
	for field, key := range errs {
		if field == "amount" {
			field = "amount_cents"
		}
		out[field] = key
	}
	return out
}

// voucherFormOf is a stored voucher as the form that would make it, for a PATCH to change.
func (s *Server) voucherFormOf(v model.Voucher, seminarSlug string) form.Voucher {
	f := form.Voucher{Code: v.Code, Seminar: seminarSlug, ValidUntil: form.VoucherLastDay(v, s.cfg.Location)}
	if v.MaxUses > 0 {
		f.MaxUses = strconv.Itoa(v.MaxUses)
	}
	if v.Kind == model.VoucherPercent {
		f.Percent = strconv.FormatFloat(float64(v.PercentBP)/100, 'f', -1, 64)
	} else {
		f.Amount = form.Euros(v.AmountCents)
	}
	return f
}

// voucherSlugs maps seminar ids to slugs, for vouchers limited to one seminar.
func (s *Server) voucherSlugs(ctx context.Context) (map[uint]string, error) {
	seminars, err := s.store.AdminSeminars(ctx)
	if err != nil {
		return nil, err
	}
	slugs := make(map[uint]string, len(seminars))
	for _, sem := range seminars {
		slugs[sem.ID] = sem.Slug
	}
	return slugs, nil
}

func (s *Server) adminVoucherView(v model.Voucher, slugs map[uint]string) adminVoucherJSON {
	out := adminVoucherJSON{ID: v.ID, Code: v.Code, Kind: v.Kind, MaxUses: v.MaxUses, Uses: v.Uses, Active: v.Active,
		ValidUntil: form.VoucherLastDay(v, s.cfg.Location), CreatedAt: v.CreatedAt.UTC()}
	if v.Kind == model.VoucherPercent {
		out.Percent = float64(v.PercentBP) / 100
	} else {
		out.AmountCents = v.AmountCents
	}
	if v.SeminarID != nil {
		out.Seminar = slugs[*v.SeminarID]
	}
	return out
}

// adminVoucher answers with the voucher stored under code, as the API shows it.
func (s *Server) adminVoucher(ctx context.Context, code string) (adminVoucherJSON, error) {
	v, err := s.store.VoucherByCode(ctx, code)
	if err != nil {
		return adminVoucherJSON{}, err
	}
	slugs, err := s.voucherSlugs(ctx)
	if err != nil {
		return adminVoucherJSON{}, err
	}
	return s.adminVoucherView(v, slugs), nil
}
