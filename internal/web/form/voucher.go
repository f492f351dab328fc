package form

import (
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// Voucher is the form that creates a discount code, as typed: in the back office
// (/admin/vouchers) and, translated from flags, by `seminars voucher create`. Both go through
// Validate, so the rules exist once.
type Voucher struct {
	Code       string
	Percent    string // percent off the net total, e.g. "10" or "12,5"
	Amount     string // euros off the net total, e.g. "50" or "49,90"
	Seminar    string // slug of the only seminar it applies to; "" = every seminar
	ValidUntil string // last day it is valid, YYYY-MM-DD in the display time zone; "" = no end
	MaxUses    string // how often it can be redeemed; "" or "0" = unlimited
}

var voucherCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{0,49}$`)

// VoucherFromValues reads the HTML voucher form.
func VoucherFromValues(v url.Values) Voucher {
	return Voucher{
		Code: v.Get("code"), Percent: v.Get("percent"), Amount: v.Get("amount"), Seminar: strings.TrimSpace(v.Get("seminar")),
		ValidUntil: strings.TrimSpace(v.Get("valid_until")), MaxUses: v.Get("max_uses"),
	}
}

// Validate checks the form and returns the voucher it describes (without its seminar, which
// the caller looks up by slug). Errors name the form's fields: code, percent, amount,
// valid_until, max_uses.
func (f Voucher) Validate(loc *time.Location) (model.Voucher, Errors) {
	errs := Errors{}
	for field, value := range map[string]*string{"code": &f.Code, "percent": &f.Percent, "amount": &f.Amount,
		"valid_until": &f.ValidUntil, "max_uses": &f.MaxUses} {
		line(errs, field, value, model.MaxVoucherCodeLen, false)
	}
	line(errs, "seminar", &f.Seminar, model.MaxSlugLen, false)
	v := model.Voucher{Code: strings.ToUpper(f.Code), Active: true}
	if _, bad := errs["code"]; !bad && !voucherCode.MatchString(v.Code) {
		errs.add("code", "admin.error.voucher_code")
	}
	percent, amount := strings.TrimSpace(f.Percent), strings.TrimSpace(f.Amount)
	switch {
	case (percent == "") == (amount == ""):
		errs.add("percent", "admin.error.voucher_one_discount")
	case percent != "":
		p, err := strconv.ParseFloat(strings.Replace(strings.TrimSuffix(percent, "%"), ",", ".", 1), 64)
		if err != nil || math.IsNaN(p) || p <= 0 || p > 100 {
			errs.add("percent", "admin.error.voucher_percent")
		}
		v.Kind, v.PercentBP = model.VoucherPercent, int(math.Round(p*100))
	default:
		cents, ok := ParseEuros(amount)
		if !ok || cents <= 0 {
			errs.add("amount", "admin.error.voucher_amount")
		}
		v.Kind, v.AmountCents = model.VoucherFixed, cents
	}
	if f.ValidUntil != "" {
		day, err := time.ParseInLocation(time.DateOnly, f.ValidUntil, loc)
		if err != nil {
			errs.add("valid_until", "admin.error.voucher_until")
		}
		end := day.AddDate(0, 0, 1).UTC() // valid through the whole last day
		v.ValidUntil = &end
	}
	if uses := strings.TrimSpace(f.MaxUses); uses != "" {
		if v.MaxUses = atoi(uses); v.MaxUses < 0 {
			errs.add("max_uses", "admin.error.voucher_max_uses")
		}
	}
	return v, errs
}

// VoucherLastDay is the last day a voucher is valid, in loc (ValidUntil is the end of that day).
func VoucherLastDay(v model.Voucher, loc *time.Location) string {
	if v.ValidUntil == nil {
		return ""
	}
	return v.ValidUntil.Add(-time.Second).In(loc).Format(time.DateOnly)
}

// VoucherForm is the form of a stored voucher, for editing it: its values as the owner typed
// them (percent with a decimal comma, euros, the last day). seminarSlug is the slug of its
// seminar, "" for every seminar.
func VoucherForm(v model.Voucher, seminarSlug string, loc *time.Location) Voucher {
	f := Voucher{Code: v.Code, Seminar: seminarSlug, ValidUntil: VoucherLastDay(v, loc)}
	if v.MaxUses > 0 {
		f.MaxUses = strconv.Itoa(v.MaxUses)
	}
	if v.Kind == model.VoucherPercent {
		f.Percent = strings.Replace(strconv.FormatFloat(float64(v.PercentBP)/100, 'f', -1, 64), ".", ",", 1)
	} else {
		f.Amount = Euros(v.AmountCents)
	}
	return f
}
