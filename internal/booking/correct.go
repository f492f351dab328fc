package booking

import (
	"context"
	"fmt"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
)

// Correction is the change a caller made to a booking before asking for its invoice to be
// corrected: what changed, and for a move the date it left.
type Correction struct {
	What       model.Correction
	FromDateID uint
	// Name is the attendee added or cancelled, and FeeCents the gross fee kept for a cancelled
	// one; the mail states both.
	Name     string
	FeeCents int64
}

// Corrected is what CorrectInTx did: the booking repriced and saved, and the documents it
// issued (zero when the booking had no invoice to correct).
type Corrected struct {
	Booking    model.Booking
	CreditNote model.Invoice
	Invoice    model.Invoice
}

// CorrectInTx is the one correction of an issued invoice, run inside the transaction that
// changed the booking (its date, attendees, billing data or price; b carries the new facts with
// Date.Seminar and Attendees loaded). It decides the tax again (a move between online and in
// person, or a new billing country, can change it), prices the booking by model.PriceQuote's rule at its
// booked unit price, saves the terms and, when the booking has a standing invoice, issues a
// credit note cancelling that invoice in full and a new invoice with the new facts — gap-free
// numbers from the same counters, both rendered after commit — and records the
// booking_corrected event, whose mail carries both documents. Issued documents never change.
func (s *Service) CorrectInTx(ctx context.Context, tx *store.Tx, b model.Booking, c Correction) (Corrected, error) {
	if b.Date == nil || b.Date.Seminar == nil {
		return Corrected{}, fmt.Errorf("correct %s: date and seminar not loaded", b.Reference)
	}
	tax, err := s.taxOf(*b.Date, b.Billing)
	if err != nil {
		return Corrected{}, err
	}
	b.TaxTreatment, b.VATRateBP = tax.Treatment, tax.RateBP
	// The seats less the group and voucher discounts (model.PriceQuote's order), plus the fees kept for cancelled attendees.
	totals := tax.Totals(b.ChargedNetCents())
	b.NetCents, b.VATCents, b.GrossCents = totals.NetCents, totals.VATCents, totals.GrossCents
	if err := tx.SaveBookingTerms(ctx, &b); err != nil {
		return Corrected{}, err
	}
	out := Corrected{Booking: b}
	docs, err := tx.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return out, err
	}
	old, credited, ok := model.CurrentInvoice(docs)
	if !ok || credited >= old.NetCents || b.Status != model.BookingConfirmed {
		return out, nil // nothing issued yet (a card hold) or nothing standing: no correction
	}
	before, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return out, err
	}
	now := s.now()
	local := now.In(s.settings.Seller.Zone())
	if out.CreditNote, err = invoice.IssueCreditNote(ctx, tx, old, old.NetCents-credited, correctionReason(b.Language, c.What), local); err != nil {
		return out, err
	}
	if out.Invoice, err = invoice.Issue(ctx, tx, b, s.settings.Seller, now); err != nil {
		return out, err
	}
	// A correction that lowers the price leaves money the seller holds beyond the new invoice:
	// sent back by card through Stripe, or flagged for the trainer as a manual refund. What is
	// owed instead stays an open item.
	if _, err := s.SettleDocumentsChangeInTx(ctx, tx, &b, before, fmt.Sprintf("correct-%d", out.Invoice.ID)); err != nil {
		return out, err
	}
	out.Booking = b
	err = Notify(ctx, tx, fmt.Sprintf("%s:%d", b.Reference, out.Invoice.ID), model.EventPayload{
		Event: model.EventBookingCorrected, BookingID: b.ID, DateID: b.DateID,
		Extra: model.EventExtra{Reason: string(c.What), FromDateID: c.FromDateID, CreditNoteID: out.CreditNote.ID, InvoiceID: out.Invoice.ID,
			Name: c.Name, AmountCents: c.FeeCents},
	})
	return out, err
}

// correctionReason is the credit note's stated reason, in the booking's language.
func correctionReason(lang string, what model.Correction) string {
	de := map[model.Correction]string{
		model.CorrectionDate: "Korrektur: neuer Termin", model.CorrectionAttendees: "Korrektur: Teilnehmerzahl geändert",
		model.CorrectionBilling: "Korrektur: Rechnungsdaten geändert", model.CorrectionPrice: "Korrektur: Preis geändert",
		model.CorrectionAttendeeAdded: "Korrektur: Teilnahme hinzugefügt", model.CorrectionAttendeeCancelled: "Korrektur: Teilnahme storniert",
	}
	en := map[model.Correction]string{
		model.CorrectionDate: "Correction: new date", model.CorrectionAttendees: "Correction: number of attendees changed",
		model.CorrectionBilling: "Correction: billing details changed", model.CorrectionPrice: "Correction: price changed",
		model.CorrectionAttendeeAdded: "Correction: attendee added", model.CorrectionAttendeeCancelled: "Correction: attendee cancelled",
	}
	if lang == "en" {
		return en[what]
	}
	return de[what]
}
