package mail

import (
	"context"
	"strconv"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// corrected is the one mail of a correction: to the billing contact, with the credit note that
// cancels the old invoice and the new invoice attached (PDF and e-invoice XML each), saying what
// changed and what is now owed.
func (x expander) corrected(ctx context.Context) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	credit, err := x.q.InvoiceByID(ctx, x.ev.Extra.CreditNoteID)
	if err != nil {
		return nil, err
	}
	inv, err := x.q.InvoiceByID(ctx, x.ev.Extra.InvoiceID)
	if err != nil {
		return nil, err
	}
	ledger, err := x.q.PaymentsForBooking(ctx, b.ID)
	if err != nil {
		return nil, err
	}
	// What the seller holds of the booker's money, from the payments ledger.
	received := model.AccountOf(nil, ledger).NetReceivedCents()
	t := x.c.i18n.For(b.Language)
	l := letter{
		kind: billingKind(x.ev.Event), lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: b.Date, withBill: true, now: x.now,
		extra:     map[string]string{"Change": changeText(t, x.ev.Extra)},
		key:       sendKey(x.key, "booking", strconv.FormatUint(uint64(b.ID), 10), "billing"),
		documents: append(documentRefs(credit), documentRefs(inv)...),
		payment:   x.c.correctionText(t, credit, inv, received),
	}
	o, err := x.c.build(l)
	return []outgoing{o}, err
}

// correctionText names both documents and says what is owed now: the new invoice's gross amount
// less what the ledger holds as received (net of what was paid back).
func (c composer) correctionText(t *i18n.Translator, credit, inv model.Invoice, received int64) string {
	parts := []string{
		t.T("mail.correct.documents", "CreditNote", credit.Number, "Old", credit.OriginalNumber, "Invoice", inv.Number),
		t.T("mail.correct.total", "Gross", t.Money(inv.GrossCents)),
	}
	switch due := inv.GrossCents - received; {
	case received == 0:
		parts = append(parts, t.T("mail.correct.pay", "Amount", t.Money(inv.GrossCents), "Invoice", inv.Number), c.bankText(t, &inv))
	case due > 0:
		parts = append(parts, t.T("mail.correct.pay_rest", "Received", t.Money(received), "Amount", t.Money(due), "Invoice", inv.Number), c.bankText(t, &inv))
	case due < 0:
		parts = append(parts, t.T("mail.correct.refund", "Received", t.Money(received), "Amount", t.Money(-due)))
	default:
		parts = append(parts, t.T("mail.correct.settled"))
	}
	return strings.Join(parts, " ")
}

// changeText names the change in the correction mail: the attendee added or cancelled by name,
// and the fee kept for a cancelled seat.
func changeText(t *i18n.Translator, e model.EventExtra) string {
	key := "mail.correct.change." + e.Reason
	if e.Reason == string(model.CorrectionAttendeeCancelled) && e.AmountCents > 0 {
		key += "_fee"
	}
	return t.T(key, "Name", e.Name, "Fee", t.Money(e.AmountCents))
}
