package mail

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// inquiryReceived confirms an in-house inquiry to the requester, in the language of the page
// they wrote it on, and tells every owner what was asked (or, while there is no owner account
// yet, the seller's address), with a link to the inbox. The owners' notice is in German, the
// language of the back office's default.
func (x expander) inquiryReceived(ctx context.Context) ([]outgoing, error) {
	i, err := x.q.InquiryByID(ctx, x.ev.Extra.InquiryID)
	if err != nil {
		return nil, err
	}
	id := strconv.FormatUint(uint64(i.ID), 10)
	facts := map[string]string{
		"Company": i.Company, "Contact": i.Name, "Email": i.Email, "Phone": orDash(i.Phone), "Topic": i.Topic,
		"Participants": strconv.Itoa(i.Participants), "Period": orDash(i.PreferredPeriod), "Message": orDash(i.Message),
	}
	confirm, err := x.c.build(letter{
		kind: "inquiry_confirmation", lang: i.Language, to: Address{Name: i.Name, Email: i.Email}, now: x.now,
		extra: facts, key: sendKey(x.key, "inquiry", id, "requester"),
	})
	if err != nil {
		return nil, err
	}
	notice := letter{kind: "owner_inquiry_received", action: x.c.s.BaseURL + "/admin/inquiries", extra: facts}
	owners, err := x.toOwners(ctx, notice)
	if err != nil {
		return nil, err
	}
	if len(owners) == 0 && x.c.s.Seller.Email != "" {
		notice.lang, notice.to, notice.now = x.ev.Lang, Address{Name: x.c.s.Seller.Name, Email: x.c.s.Seller.Email}, x.now
		notice.key = sendKey(x.key, "inquiry", id, "seller")
		o, err := x.c.build(notice)
		if err != nil {
			return nil, err
		}
		owners = append(owners, o)
	}
	return append([]outgoing{confirm}, owners...), nil
}

// orDash shows an empty optional answer as a dash rather than as nothing.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// waitlistJoined confirms a place on a date's waiting list, with the link to leave it.
func (x expander) waitlistJoined(ctx context.Context) ([]outgoing, error) {
	d, err := x.q.DateByID(ctx, x.ev.DateID)
	if err != nil {
		return nil, err
	}
	lang := x.ev.Lang
	o, err := x.c.build(letter{
		kind: "waitlist_joined", lang: lang, to: Address{Name: x.ev.Extra.Name, Email: x.ev.Extra.Email},
		date: &d, action: x.c.s.inLanguage(x.ev.Extra.URL, lang), now: x.now,
		extra: map[string]string{"Seats": strconv.Itoa(x.ev.Extra.Seats)},
		key:   sendKey(x.key, "waitlist", x.ev.Extra.Email),
	})
	return []outgoing{o}, err
}

// paymentReminder reminds the billing contact of an invoice past its due date: what is still
// owed, the invoice it is owed on (the stored PDF and XML attached) and where to pay. Decided by
// the reminder job; if the money arrived or the booking was cancelled before the worker got to
// the event, nothing is sent.
func (x expander) paymentReminder(ctx context.Context) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	account, err := x.q.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return nil, err
	}
	if b.Status == model.BookingCancelled || account.AmountDue <= 0 {
		return nil, nil
	}
	inv, err := x.q.InvoiceByID(ctx, x.ev.Extra.InvoiceID)
	if err != nil {
		return nil, err
	}
	t := x.c.i18n.For(b.Language)
	due := x.ev.Extra.InvoiceDue
	if at, err := time.Parse(time.DateOnly, due); err == nil {
		due = t.Date(at)
	}
	payment := strings.Join([]string{
		t.T("mail.payment_reminder.owed", "Amount", t.Money(account.AmountDue), "Invoice", inv.Number, "Due", due),
		x.c.bankText(t, &inv),
	}, " ")
	o, err := x.c.build(letter{
		kind: billingKind(x.ev.Event), lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: b.Date, withBill: true, now: x.now, payment: payment,
		extra: map[string]string{"Invoice": inv.Number, "Due": due, "Step": strconv.Itoa(x.ev.Extra.Step),
			"Amount": t.Money(account.AmountDue)},
		key:       sendKey(x.key, "booking", fmt.Sprint(b.ID), "billing"),
		documents: documentRefs(inv),
	})
	return []outgoing{o}, err
}
