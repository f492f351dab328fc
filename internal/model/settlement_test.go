package model_test

import (
	"fmt"
	"testing"

	"seminars/internal/model"
)

func TestSettle(t *testing.T) {
	invoice := model.Invoice{ID: 1, Kind: model.InvoiceKindInvoice, Number: "RE-2026-00001", GrossCents: 119000}
	credit := func(id uint, gross int64) model.Invoice {
		return model.Invoice{ID: id, Kind: model.InvoiceKindCreditNote, Number: fmt.Sprintf("GS-2026-%05d", id), GrossCents: -gross}
	}
	cases := []struct {
		name string
		b    model.Booking
		docs []model.Invoice
		paid []model.Payment
		want model.Settlement
	}{
		{"unpaid card hold: nothing issued", model.Booking{PaymentMethod: model.PaymentCard, PaymentStatus: model.PaymentUnpaid}, nil, nil,
			model.Settlement{}},
		{"unpaid invoice, free cancellation", model.Booking{PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid},
			[]model.Invoice{invoice, credit(2, 119000)}, nil,
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 119000}},
		{"unpaid invoice, half kept: the fee is owed", model.Booking{PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid},
			[]model.Invoice{credit(2, 59500), invoice}, nil,
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 59500, FeeCents: 59500, OwedCents: 59500}},
		{"card paid, half kept, refund on its way", model.Booking{PaymentMethod: model.PaymentCard, PaymentStatus: model.PaymentPaid},
			[]model.Invoice{invoice, credit(2, 59500)}, []model.Payment{{AmountCents: 119000, Method: model.LedgerStripe}},
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 59500, FeeCents: 59500, RefundCents: 59500, Paid: true}},
		{"card paid, half kept, refunded", model.Booking{PaymentMethod: model.PaymentCard, PaymentStatus: model.PaymentPartiallyRefunded, Stripe: model.StripeRef{RefundedCents: 59500}},
			[]model.Invoice{invoice, credit(2, 59500)}, []model.Payment{{AmountCents: 119000, Method: model.LedgerStripe}, {AmountCents: -59500, Method: model.LedgerStripe}},
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 59500, FeeCents: 59500, RefundCents: 59500, RefundDone: true, Paid: true}},
		{"bank transfer paid, manual refund waiting", model.Booking{PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentPaid,
			NeedsAttention: true, AttentionReason: model.AttentionRefundManual},
			[]model.Invoice{invoice, credit(2, 119000)}, []model.Payment{{AmountCents: 119000, Method: model.LedgerBankTransfer}},
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 119000, RefundCents: 119000, Paid: true}},
		{"fee paid after the cancellation: no refund", model.Booking{PaymentMethod: model.PaymentInvoice},
			[]model.Invoice{invoice, credit(2, 59500)}, []model.Payment{{AmountCents: 59500, Method: model.LedgerBankTransfer}},
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00002", InvoicedCents: 119000, CreditedCents: 59500, FeeCents: 59500, Paid: true}},
		{"corrected, then cancelled free: only the standing invoice and its credit note count",
			model.Booking{PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentPaid},
			[]model.Invoice{invoice, {ID: 2, Kind: model.InvoiceKindCreditNote, Number: "GS-2026-00002", GrossCents: -119000, OriginalID: &invoice.ID},
				{ID: 3, Kind: model.InvoiceKindInvoice, Number: "RE-2026-00003", GrossCents: 119000},
				{ID: 4, Kind: model.InvoiceKindCreditNote, Number: "GS-2026-00004", GrossCents: -119000, OriginalID: ptr(uint(3))}},
			[]model.Payment{{AmountCents: 119000, Method: model.LedgerBankTransfer}, {AmountCents: -119000, Method: model.LedgerBankTransfer}},
			model.Settlement{InvoiceNumber: "RE-2026-00003", CreditNoteNumber: "GS-2026-00004", InvoicedCents: 119000, CreditedCents: 119000, RefundCents: 119000, RefundDone: true, Paid: true}},
		{"newest of two credit notes named", model.Booking{PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid},
			[]model.Invoice{invoice, credit(3, 19000), credit(2, 40000)}, nil,
			model.Settlement{InvoiceNumber: "RE-2026-00001", CreditNoteNumber: "GS-2026-00003", InvoicedCents: 119000, CreditedCents: 59000, FeeCents: 60000, OwedCents: 60000}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.Settle(tc.docs, tc.paid); got != tc.want {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
