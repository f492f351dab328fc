package model

import (
	"errors"
	"testing"
	"time"
)

func TestAccountOf(t *testing.T) {
	invoice := Invoice{Kind: InvoiceKindInvoice, GrossCents: 59500}
	credit := func(cents int64) Invoice { return Invoice{Kind: InvoiceKindCreditNote, GrossCents: -cents} }
	paid := func(cents int64) Payment { return Payment{AmountCents: cents, Method: LedgerBankTransfer} }
	tests := []struct {
		name            string
		docs            []Invoice
		ledger          []Payment
		due, refundable int64
		status          PaymentStatus
	}{
		{"invoice unpaid", []Invoice{invoice}, nil, 59500, 0, PaymentUnpaid},
		{"partial payment", []Invoice{invoice}, []Payment{paid(20000)}, 39500, 0, PaymentPartiallyPaid},
		{"partial payments add up", []Invoice{invoice}, []Payment{paid(20000), paid(39500)}, 0, 0, PaymentPaid},
		{"paid", []Invoice{invoice}, []Payment{paid(59500)}, 0, 0, PaymentPaid},
		{"overpaid", []Invoice{invoice}, []Payment{paid(59500), paid(1000)}, 0, 1000, PaymentOverpaid},
		{"cancelled in the free period unpaid", []Invoice{invoice, credit(59500)}, nil, 0, 0, PaymentUnpaid},
		{"cancelled with fee unpaid", []Invoice{invoice, credit(29750)}, nil, 29750, 0, PaymentUnpaid},
		{"cancelled with fee after full payment", []Invoice{invoice, credit(29750)}, []Payment{paid(59500)}, 0, 29750, PaymentOverpaid},
		{"fee paid after cancellation", []Invoice{invoice, credit(29750)}, []Payment{paid(29750)}, 0, 0, PaymentPaid},
		{"fee kept, rest refunded", []Invoice{invoice, credit(29750)}, []Payment{paid(59500), paid(-29750)}, 0, 0, PaymentPartiallyRefunded},
		{"refunded", []Invoice{invoice, credit(59500)}, []Payment{paid(59500), paid(-59500)}, 0, 0, PaymentRefunded},
		{"paid without an invoice (late card payment)", nil, []Payment{paid(59500)}, 0, 59500, PaymentOverpaid},
		{"correction: credit note and a new invoice", []Invoice{invoice, credit(59500), {Kind: InvoiceKindInvoice, GrossCents: 71400}}, []Payment{paid(59500)}, 11900, 0, PaymentPartiallyPaid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := AccountOf(tt.docs, tt.ledger)
			if a.AmountDue != tt.due || a.AmountRefundable != tt.refundable || a.Status != tt.status {
				t.Errorf("due %d, refundable %d, status %s; want %d, %d, %s", a.AmountDue, a.AmountRefundable, a.Status, tt.due, tt.refundable, tt.status)
			}
			if a.AmountDue > 0 && a.AmountRefundable > 0 {
				t.Errorf("both due and refundable: %+v", a)
			}
		})
	}
}

func TestPaymentInputCheck(t *testing.T) {
	today := time.Date(2026, 3, 10, 23, 30, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		name  string
		in    PaymentInput
		field string // "" when accepted
	}{
		{"bank transfer", PaymentInput{29750, "2026-03-10", "bank_transfer", ""}, ""},
		{"payout", PaymentInput{-1000, "2026-03-01", "cash", "back in cash"}, ""},
		{"zero", PaymentInput{0, "2026-03-10", "cash", ""}, "amount_cents"},
		{"too much", PaymentInput{MaxPaymentCents + 1, "2026-03-10", "cash", ""}, "amount_cents"},
		{"no day", PaymentInput{100, "", "cash", ""}, "paid_on"},
		{"German day", PaymentInput{100, "10.03.2026", "cash", ""}, "paid_on"},
		{"no such day", PaymentInput{100, "2026-02-30", "cash", ""}, "paid_on"},
		{"tomorrow", PaymentInput{100, "2026-03-11", "cash", ""}, "paid_on"},
		{"stripe by hand", PaymentInput{100, "2026-03-10", "stripe", ""}, "method"},
		{"unknown method", PaymentInput{100, "2026-03-10", "bitcoin", ""}, "method"},
		{"note with a line break", PaymentInput{100, "2026-03-10", "cash", "a\nb"}, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.in.Check(today)
			var invalid *ValidationError
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.field == "" && (p.AmountCents != tt.in.AmountCents || p.PaidOn.Format(time.DateOnly) != tt.in.PaidOn):
				t.Errorf("payment %+v", p)
			case tt.field != "" && (!errors.As(err, &invalid) || invalid.Fields[tt.field] == ""):
				t.Errorf("err %v, want a message on %s", err, tt.field)
			}
		})
	}
}
