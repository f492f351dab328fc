package invoice

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrAmount says a credit note's amount is not positive or exceeds what is left to credit.
var ErrAmount = errors.New("credit amount out of range")

// Issue issues the invoice of a confirmed booking inside tx, with the next number of the year.
// booking must have Date.Seminar and Attendees loaded. A booking has one standing invoice: if it
// already has one (a duplicate webhook, a retried request) that one is returned and nothing is
// issued. A correction credits the standing invoice in full first, so Issue then issues its
// replacement.
func Issue(ctx context.Context, tx *store.Tx, booking model.Booking, seller Seller, now time.Time) (model.Invoice, error) {
	if existing, ok, err := invoiceOf(ctx, tx, booking.ID); err != nil || ok {
		return existing, err
	}
	return IssueNew(ctx, tx, booking, seller, now)
}

// IssueNew is Issue for a booking stored in this same transaction, which cannot have an invoice
// yet: it builds the invoice from booking as given (Date.Seminar, Date.VenueRecord when the date
// has a venue, and Attendees loaded) and asks the database nothing but the number, so the
// booking's write transaction neither reads its booking back nor looks for documents. The
// outbox items in with (the booking's confirmation mail) go into the outbox in one INSERT with
// the invoice's render job, ahead of it.
func IssueNew(ctx context.Context, tx *store.Tx, booking model.Booking, seller Seller, now time.Time, with ...store.JSONItem) (model.Invoice, error) {
	return issueNew(ctx, tx, booking, seller, now, 0, with)
}

// IssueNewTakingSeats is IssueNew for a booking whose seats are not taken yet: it takes
// booking.Seats of its date together with the invoice's number, the last thing the booking's
// transaction does (store.Tx.IssueDocument says why). Too few seats left is a
// *model.SoldOutError, and nothing of the invoice is written.
func IssueNewTakingSeats(ctx context.Context, tx *store.Tx, booking model.Booking, seller Seller, now time.Time, with ...store.JSONItem) (model.Invoice, error) {
	return issueNew(ctx, tx, booking, seller, now, booking.Seats, with)
}

func issueNew(ctx context.Context, tx *store.Tx, booking model.Booking, seller Seller, now time.Time, seats int, with []store.JSONItem) (model.Invoice, error) {
	if booking.Date == nil || booking.Date.Seminar == nil {
		return model.Invoice{}, fmt.Errorf("invoice for %s: date and seminar not loaded", booking.Reference)
	}
	now = now.UTC()
	totals := booking.Tax().Totals(booking.NetCents)
	inv := model.Invoice{
		Kind: model.InvoiceKindInvoice, BookingID: booking.ID, BookingReference: booking.Reference,
		IssuedAt: now, ServiceStart: booking.Date.StartsAt.UTC(), ServiceEnd: booking.Date.EndsAt.UTC(),
		ServiceLocation: booking.Date.Place(),
		Buyer:           buyerParty(booking.Billing), Seller: seller.party(), Lines: bookingLines(booking, seller.Zone()),
		NetCents: totals.NetCents, VATCents: totals.VATCents, GrossCents: totals.GrossCents, VATRateBP: booking.VATRateBP,
		TaxTreatment: treatment(booking.TaxTreatment), Currency: currency(seller), Language: booking.Language, PaymentMethod: booking.PaymentMethod,
		PaymentStatus: booking.PaymentStatus, PONumber: booking.Billing.PONumber, BuyerReference: booking.Billing.BuyerReference,
	}
	if booking.PaymentStatus != model.PaymentPaid {
		// Days on the seller's calendar: in UTC, an invoice issued late in the evening before the
		// spring DST change would fall due a day late in Berlin.
		due := now.In(seller.Zone()).AddDate(0, 0, seller.DueDays).UTC()
		inv.DueDate = &due
	}
	return inv, tx.IssueDocument(ctx, document(&inv, now.In(seller.Zone()).Year(), with, booking.DateID, seats))
}

// IssueCreditNote issues a credit note (Stornorechnung) against original for amountNetCents of
// its net amount — all of it or a part — with negative amounts and the reason given. Credits
// against one invoice can never add up to more than the invoice. now is taken in its own zone for
// the number's year, so pass the seller's local time (Seller.Zone).
func IssueCreditNote(ctx context.Context, tx *store.Tx, original model.Invoice, amountNetCents int64, reason string, now time.Time) (model.Invoice, error) {
	if original.IsCreditNote() {
		return model.Invoice{}, fmt.Errorf("credit note against credit note %s: %w", original.Number, ErrAmount)
	}
	credited, err := tx.CreditedNetCents(ctx, original.ID)
	if err != nil {
		return model.Invoice{}, err
	}
	if amountNetCents <= 0 || amountNetCents > original.NetCents+credited {
		return model.Invoice{}, fmt.Errorf("credit %d of %s (net %d, credited %d): %w", amountNetCents, original.Number, original.NetCents, -credited, ErrAmount)
	}
	year := now.Year() // in the caller's zone: pass the seller's local time
	now = now.UTC()
	totals := original.Tax().Totals(-amountNetCents) // a credit is taxed as what it corrects
	cn := original
	cn.ID, cn.Number, cn.Year, cn.Sequence, cn.CreatedAt = 0, "", 0, 0, time.Time{}
	cn.Kind = model.InvoiceKindCreditNote
	cn.OriginalID, cn.OriginalNumber, cn.Reason = &original.ID, original.Number, strings.TrimSpace(reason)
	cn.IssuedAt, cn.DueDate = now, nil
	cn.NetCents, cn.VATCents, cn.GrossCents = totals.NetCents, totals.VATCents, totals.GrossCents
	cn.Lines = creditLines(original, amountNetCents, credited == 0)
	return cn, tx.IssueDocument(ctx, document(&cn, year, nil, 0, 0))
}

// creditLines mirrors the invoice's lines for a first, full credit and otherwise states one line.
func creditLines(original model.Invoice, amount int64, firstCredit bool) []model.InvoiceLine {
	if firstCredit && amount == original.NetCents {
		lines := make([]model.InvoiceLine, len(original.Lines))
		for i, l := range original.Lines {
			lines[i] = model.InvoiceLine{Description: l.Description, Quantity: l.Quantity, UnitNetCents: -l.UnitNetCents, NetCents: -l.NetCents}
		}
		return lines
	}
	return []model.InvoiceLine{{Description: original.Number, Quantity: 1, UnitNetCents: -amount, NetCents: -amount}}
}

// document is inv to be numbered with the next sequence of its kind and year and stored, with
// the items in with and then its render job (see Documents) in one outbox INSERT, after seats
// seats of the date are taken (none: 0). The year is the seller's calendar year
// (Europe/Berlin), the one printed on the document: an invoice of 1 January 00:30 in Berlin
// belongs to the new year's series although it is still 31 December in UTC.
func document(inv *model.Invoice, year int, with []store.JSONItem, dateID uint, seats int) store.NewDocument {
	return store.NewDocument{Invoice: inv, Year: year, DateID: dateID, Seats: seats,
		Items: func(id uint) []store.JSONItem {
			rendered := *inv
			rendered.ID = id
			return append(with[:len(with):len(with)], renderItem(rendered)) // a copy: with stays the caller's
		}}
}

// invoiceOf is the booking's standing invoice, unless a credit note took all of it (a
// correction replaced it, or a cancellation credited it in full). An invoice of nothing (a
// voucher for the whole price) can never be credited, so it always stands.
func invoiceOf(ctx context.Context, tx *store.Tx, bookingID uint) (model.Invoice, bool, error) {
	docs, err := tx.InvoicesForBooking(ctx, bookingID)
	if err != nil {
		return model.Invoice{}, false, err
	}
	cur, credited, ok := model.CurrentInvoice(docs)
	return cur, ok && (cur.NetCents <= 0 || credited < cur.NetCents), nil
}

// bookingLines is one line per attendee (seminar, date, name), and a discount line if any.
func bookingLines(b model.Booking, loc *time.Location) []model.InvoiceLine {
	title := b.Date.Seminar.Title(b.Language)
	day := i18n.Day(b.Language, b.Date.StartsAt.In(loc))
	var lines []model.InvoiceLine
	if b.FlatPrice {
		// An in-house flat price is one line for the whole seminar, its attendees named.
		names := make([]string, len(b.Attendees))
		for i, a := range b.Attendees {
			names[i] = a.FullName()
		}
		label := "Inhouse-Seminar, Pauschalpreis"
		if b.Language == "en" {
			label = "In-house seminar, flat price"
		}
		lines = append(lines, model.InvoiceLine{
			Description: fmt.Sprintf("%s, %s – %s (%s)", title, day, label, strings.Join(names, ", ")),
			Quantity:    1, UnitNetCents: b.UnitNetCents, NetCents: b.UnitNetCents,
		})
	}
	for _, a := range b.Attendees {
		if b.FlatPrice {
			break // the flat line above names them
		}
		lines = append(lines, model.InvoiceLine{
			Description: fmt.Sprintf("%s, %s – %s", title, day, a.FullName()),
			Quantity:    1, UnitNetCents: b.UnitNetCents, NetCents: b.UnitNetCents,
		})
	}
	if b.GroupDiscountCents != 0 {
		lines = append(lines, groupLine(b))
	}
	if b.DiscountCents != 0 {
		desc := "Rabatt"
		if b.Language == "en" {
			desc = "Discount"
		}
		if b.VoucherCode != "" {
			desc += " (" + b.VoucherCode + ")"
		}
		lines = append(lines, model.InvoiceLine{Description: desc, Quantity: 1, UnitNetCents: -b.DiscountCents, NetCents: -b.DiscountCents})
	}
	if fees := b.CancellationFeesNetCents; fees != 0 {
		desc := "Stornogebühren für abgemeldete Teilnehmende"
		if b.Language == "en" {
			desc = "Cancellation fees for cancelled attendees"
		}
		lines = append(lines, model.InvoiceLine{Description: desc, Quantity: 1, UnitNetCents: fees, NetCents: fees})
	}
	return lines
}

func buyerParty(b model.Billing) model.Party {
	return model.Party{
		Name: b.Company, Contact: b.Name, Street: b.Street, PostalCode: b.PostalCode, City: b.City,
		Country: b.Country, VATID: b.VATID, Email: b.Email,
	}
}

// treatment is a stored treatment, "" (a booking from before treatments) being standard.
func treatment(t model.TaxTreatment) model.TaxTreatment {
	if t == "" {
		return model.TaxStandard
	}
	return t
}

func currency(s Seller) string {
	if s.Currency == "" {
		return "EUR"
	}
	return s.Currency
}

// groupLine is the group discount as its own negative line, naming the rule ("Gruppenrabatt ab
// der 3. Person: 10 % auf 2 Plätze"), so the invoice shows how the discount came about.
func groupLine(b model.Booking) model.InvoiceLine {
	r := b.GroupRule()
	pct := i18n.Percent(b.Language, r.PercentBP)
	desc := fmt.Sprintf("Gruppenrabatt ab der %d. Person: %s auf %d Plätze", r.FromSeat, pct, r.DiscountedSeats(b.Seats))
	if b.Language == "en" {
		desc = fmt.Sprintf("Group discount from person %d: %s off %d seats", r.FromSeat, pct, r.DiscountedSeats(b.Seats))
	}
	return model.InvoiceLine{Description: desc, Quantity: 1, UnitNetCents: -b.GroupDiscountCents, NetCents: -b.GroupDiscountCents}
}
