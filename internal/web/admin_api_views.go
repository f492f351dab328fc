package web

import (
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// JSON shapes of the admin API's booking detail, date-cancel preview and vouchers (documented in
// static/api/openapi.yaml; add fields, never rename).

// adminBookingDetailJSON is one booking with everything the back office knows about it.
type adminBookingDetailJSON struct {
	adminBookingJSON
	StartsAt      time.Time         `json:"starts_at"`
	EndsAt        time.Time         `json:"ends_at"`
	Billing       billingJSON       `json:"billing"`
	Attendees     []adminPersonJSON `json:"attendees"`
	NetCents      int64             `json:"net_cents"`
	VATCents      int64             `json:"vat_cents"`
	DiscountCents int64             `json:"discount_cents"`
	// GroupDiscountCents is the group discount, taken before the voucher's (docs/pricing.md).
	GroupDiscountCents int64              `json:"group_discount_cents"`
	VoucherCode        string             `json:"voucher_code"`
	TaxTreatment       model.TaxTreatment `json:"tax_treatment"`
	InvoicedCents      int64              `json:"invoiced_cents"`
	CreditedCents      int64              `json:"credited_cents"`
	ReceivedCents      int64              `json:"received_cents"`
	PaidBackCents      int64              `json:"paid_back_cents"`
	Payments           []adminPaymentJSON `json:"payments"`
	Documents          []documentJSON     `json:"documents"`
	Cancellation       cancellationJSON   `json:"cancellation"`
	NeedsAttention     bool               `json:"needs_attention"`
	ConfirmedAt        *time.Time         `json:"confirmed_at"`
	CancelledAt        *time.Time         `json:"cancelled_at"`
	// LegalHold keeps the booking's invoices and credit notes past their retention period.
	LegalHold bool `json:"legal_hold"`
}

// adminPersonJSON is an attendee inside a booking.
type adminPersonJSON struct {
	ID          uint       `json:"id"`
	FirstName   string     `json:"first_name"`
	LastName    string     `json:"last_name"`
	Email       string     `json:"email"`
	CheckedInAt *time.Time `json:"checked_in_at"`
}

type adminPaymentJSON struct {
	ID          uint               `json:"id"`
	AmountCents int64              `json:"amount_cents"`
	Method      model.LedgerMethod `json:"method"`
	PaidOn      string             `json:"paid_on"` // YYYY-MM-DD
	RecordedBy  string             `json:"recorded_by"`
	Note        string             `json:"note"`
	CreatedAt   time.Time          `json:"created_at"`
}

// cancellationJSON is what cancelling now would mean under the booker's policy; without a fee
// (an owner's choice) everything paid goes back.
type cancellationJSON struct {
	Possible          bool  `json:"possible"`            // the booking can still be cancelled at all
	PolicyPossible    bool  `json:"policy_possible"`     // …under the policy (before the start)
	PolicyFeeCents    int64 `json:"policy_fee_cents"`    // the fee the policy keeps now
	PolicyRefundCents int64 `json:"policy_refund_cents"` // what the policy sends back now
	FullRefundCents   int64 `json:"full_refund_cents"`   // what a cancellation without fee sends back
}

func (s *Server) adminBookingDetailView(b model.Booking, a model.Account, payments []model.Payment, docs []documentJSON) adminBookingDetailJSON {
	v := adminBookingDetailJSON{
		adminBookingJSON: adminBookingView(b, a),
		Billing:          billingJSON(b.Billing),
		Attendees:        []adminPersonJSON{}, NetCents: b.NetCents, VATCents: b.VATCents, DiscountCents: b.DiscountCents, GroupDiscountCents: b.GroupDiscountCents,
		VoucherCode: b.VoucherCode, TaxTreatment: b.TaxTreatment,
		InvoicedCents: a.InvoicedCents, CreditedCents: a.CreditedCents, ReceivedCents: a.ReceivedCents, PaidBackCents: a.PaidBackCents,
		Payments: []adminPaymentJSON{}, Documents: docs, NeedsAttention: b.NeedsAttention,
		ConfirmedAt: b.ConfirmedAt, CancelledAt: b.CancelledAt, LegalHold: b.LegalHold,
	}
	if b.Date != nil {
		v.StartsAt, v.EndsAt = b.Date.StartsAt.UTC(), b.Date.EndsAt.UTC()
	}
	for _, at := range b.Attendees {
		v.Attendees = append(v.Attendees, adminPersonJSON{ID: at.ID, FirstName: at.FirstName, LastName: at.LastName, Email: at.Email, CheckedInAt: at.CheckedInAt})
	}
	for _, p := range payments {
		v.Payments = append(v.Payments, adminPaymentJSON{ID: p.ID, AmountCents: p.AmountCents, Method: p.Method,
			PaidOn: p.PaidOn.UTC().Format(time.DateOnly), RecordedBy: p.RecordedBy, Note: p.Note, CreatedAt: p.CreatedAt.UTC()})
	}
	possible := model.CanTransition(b.Status, model.BookingCancelled)
	v.Cancellation = cancellationJSON{Possible: possible, FullRefundCents: booking.FullRefund(b)}
	if possible && s.bookings.BookerMayCancel(b) {
		q := s.bookings.QuoteCancellation(b)
		v.Cancellation.PolicyPossible, v.Cancellation.PolicyFeeCents, v.Cancellation.PolicyRefundCents = true, q.FeeCents, q.RefundCents
	}
	return v
}

// adminDocuments lists a booking's invoices and credit notes with their admin API download
// links (bearer token; the booker's manage-link URLs need the booker's secret, which is not
// stored).
func (s *Server) adminDocuments(issued []model.Invoice) []documentJSON {
	out := []documentJSON{}
	for _, inv := range issued {
		kind := docInvoice
		if inv.IsCreditNote() {
			kind = docCreditNote
		}
		base := s.cfg.BaseURL + "/api/v1/admin/invoices/" + inv.Number + "/"
		out = append(out,
			documentJSON{Kind: kind, Number: inv.Number, URL: base + model.DocumentPDF},
			documentJSON{Kind: docEInvoice, Number: inv.Number, URL: base + model.DocumentXML})
	}
	return out
}

// dateCancelJSON is the preview of a date's cancellation (and, after it, what was done).
type dateCancelJSON struct {
	Date         adminDateJSON        `json:"date"`
	Possible     bool                 `json:"possible"`
	People       int                  `json:"people"`
	RefundsCents int64                `json:"refunds_cents"`
	Bookings     []dateCancelBookJSON `json:"bookings"`
}

type dateCancelBookJSON struct {
	Reference     string              `json:"reference"`
	Company       string              `json:"company"`
	Email         string              `json:"email"`
	Status        model.BookingStatus `json:"status"`
	PaymentStatus model.PaymentStatus `json:"payment_status"`
	Seats         int                 `json:"seats"`
	RefundCents   int64               `json:"refund_cents"`
}

func (s *Server) dateCancelView(p dateCancelData) dateCancelJSON {
	out := dateCancelJSON{Date: s.adminDateView(p.Date), Possible: p.Possible, People: p.People, RefundsCents: p.Refunds, Bookings: []dateCancelBookJSON{}}
	for _, b := range p.Bookings {
		out.Bookings = append(out.Bookings, dateCancelBookJSON{Reference: b.Reference, Company: b.Billing.Company, Email: b.Billing.Email,
			Status: b.Status, PaymentStatus: b.PaymentStatus, Seats: b.Seats, RefundCents: booking.FullRefund(b)})
	}
	return out
}

// adminVoucherJSON is a discount code in the admin API.
type adminVoucherJSON struct {
	ID          uint      `json:"id"`
	Code        string    `json:"code"`
	Kind        string    `json:"kind"`
	Percent     float64   `json:"percent,omitempty"`      // percent kind: e.g. 12.5
	AmountCents int64     `json:"amount_cents,omitempty"` // fixed kind: net cents off
	Seminar     string    `json:"seminar"`                // slug; "" = every seminar
	ValidUntil  string    `json:"valid_until"`            // last valid day, YYYY-MM-DD; "" = no end
	MaxUses     int       `json:"max_uses"`               // 0 = unlimited
	Uses        int       `json:"uses"`
	Active      bool      `json:"active"`
	CreatedAt   time.Time `json:"created_at"`
}
