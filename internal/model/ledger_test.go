package model

import "testing"

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
