package booking

import (
	"context"
	"errors"

	"seminars/internal/model"
)

// QuoteRequest is what the booking form knows before the booking: the date (with its seminar),
// how many attendees, the voucher code and the billing data as typed.
type QuoteRequest struct {
	Date    model.SeminarDate
	Seats   int
	Voucher string
	Billing model.Billing
}

// Quoted is the form's total: the quote by the rule the booking will use (model.PriceQuote), and
// the reasons, by form field as message keys, why part of what was typed does not count yet (a
// voucher that cannot be used is left out; a malformed VAT ID is read as none). Refused is set
// when the tax rules refuse the booking (model.TaxRefusedError): there is no total to show.
type Quoted struct {
	Quote    model.Quote
	Problems map[string]string
	Refused  bool
}

// Quote prices a booking that has not been made, with what Reserve would charge at this moment:
// nothing is stored and no voucher redeemed, so it may be asked as often as the form changes.
func (s *Service) Quote(ctx context.Context, req QuoteRequest) (Quoted, error) {
	out := Quoted{Problems: map[string]string{}}
	if req.Date.Seminar == nil {
		return out, errors.New("quote: date without its seminar")
	}
	now := s.now().UTC()
	billing := req.Billing
	if billing.Country == "" {
		billing.Country = "DE"
	}
	normalised, err := normaliseBilling(billing)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		for field, key := range invalid.Fields {
			out.Problems[field] = key
		}
		billing.VATID = ""
		normalised, err = normaliseBilling(billing)
	}
	if err != nil {
		return out, err
	}
	tax, err := s.taxOf(req.Date, normalised)
	if errors.As(err, &invalid) {
		for field, key := range invalid.Fields {
			out.Problems[field] = key
		}
		out.Refused = true
		return out, nil
	}
	if err != nil {
		return out, err
	}
	voucher, err := usableVoucher(ctx, s.store.Reads, req.Voucher, req.Date.SeminarID, now)
	if errors.As(err, &invalid) {
		for field, key := range invalid.Fields {
			out.Problems[field] = key
		}
	} else if err != nil {
		return out, err
	}
	group := model.GroupRuleOf(*req.Date.Seminar, s.settings.GroupDiscount)
	out.Quote = model.PriceQuote(req.Date, max(req.Seats, 1), group, voucher, tax, now)
	return out, nil
}
