package mail

import (
	"context"
	"fmt"
	"strconv"

	"seminars/internal/model"
)

// documentResent is the one mail of a document sent again: to the billing contact, with the
// issued document's stored files (PDF and e-invoice XML) attached, nothing else.
func (x expander) documentResent(ctx context.Context) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	inv, err := x.q.InvoiceByID(ctx, x.ev.Extra.InvoiceID)
	if err != nil {
		return nil, err
	}
	if inv.BookingID != b.ID {
		return nil, fmt.Errorf("document %s of another booking than %s: %w", inv.Number, b.Reference, model.ErrNotFound)
	}
	kind := "mail.document_kind.invoice"
	if inv.IsCreditNote() {
		kind = "mail.document_kind.credit_note"
	}
	t := x.c.i18n.For(b.Language)
	o, err := x.c.build(letter{
		kind: billingKind(x.ev.Event), lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: b.Date, now: x.now, documents: documentRefs(inv),
		extra: map[string]string{"Number": inv.Number, "Document": t.T(kind)},
		key:   sendKey(x.key, "booking", strconv.FormatUint(uint64(b.ID), 10), "billing"),
	})
	return []outgoing{o}, err
}
