package privacy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/privacy"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestExportBookingHoldsAttendeesBillingDocumentsAndMails(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		res := e.book(maxBooker, erika, otto)
		e.book(otto, otto) // someone else's booking stays out
		e.deliver()
		b, err := st.BookingByReference(e.ctx, res.Booking.Reference)
		if err != nil {
			t.Fatal(err)
		}
		x, err := e.a.Privacy.ExportBooking(e.ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		if x.Booking.Reference != b.Reference || x.Booking.Billing.Email != maxBooker.email || x.Booking.Billing.Street != "Hauptstraße 1" ||
			x.Booking.Billing.PONumber != "PO-7" || len(x.Booking.Attendees) != 2 || x.Booking.Attendees[0].Email != erika.email {
			t.Fatalf("booking in the export: %+v", x.Booking)
		}
		if len(x.Booking.Documents) != 1 || x.Booking.Documents[0].Kind != model.InvoiceKindInvoice || x.Booking.Documents[0].Buyer.Name != "Muster GmbH" {
			t.Fatalf("documents: %+v", x.Booking.Documents)
		}
		to := map[string]int{}
		for _, m := range x.Mails {
			to[m.ToEmail]++
		}
		if to[maxBooker.email] != 1 || to[erika.email] != 1 || to[otto.email] != 1 || len(x.Mails) != 3 {
			t.Fatalf("mails of the booking: %v", to)
		}
	})
}

func TestExportPersonHoldsEverythingAboutTheAddress(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		e.book(maxBooker, otto)
		e.book(otto, erika)
		e.deliver()
		e.waitFor(erika)
		e.inquire(erika)
		// The address in another case is the same person.
		x, err := e.a.Privacy.ExportPerson(e.ctx, "Erika.Teil@EXAMPLE.com")
		if err != nil {
			t.Fatal(err)
		}
		if len(x.Bookings) != 0 || len(x.Attendances) != 1 || x.Attendances[0].FirstName != "Erika" ||
			len(x.WaitingList) != 1 || len(x.Inquiries) != 1 || x.Inquiries[0].Phone == "" {
			t.Fatalf("export of erika: %+v", x)
		}
		if len(x.Mails) != 1 || x.Mails[0].ToEmail != erika.email {
			t.Fatalf("mails to erika: %+v", x.Mails)
		}
		y, err := e.a.Privacy.ExportPerson(e.ctx, otto.email)
		if err != nil {
			t.Fatal(err)
		}
		if len(y.Bookings) != 1 || len(y.Bookings[0].Attendees) != 1 || len(y.Attendances) != 1 || len(y.Mails) != 2 {
			t.Fatalf("export of otto: bookings %d, attendances %d, mails %d", len(y.Bookings), len(y.Attendances), len(y.Mails))
		}
		if _, err := e.a.Privacy.ExportPerson(e.ctx, "no address"); err == nil {
			t.Fatal("a malformed address was exported")
		}
		raw, _ := json.Marshal(y)
		if !bytes.Contains(raw, []byte(`"waiting_list":[]`)) {
			t.Fatalf("empty lists are not [] in JSON: %s", raw)
		}
	})
}

func TestErase(t *testing.T) {
	type counts struct{ bookings, attendees, waiting, inquiries int }
	cases := []struct {
		name  string
		email string
		setup func(e *env) []model.Booking
		want  counts
		twice bool
	}{
		{"booker", maxBooker.email, func(e *env) []model.Booking { return []model.Booking{e.ended(maxBooker, erika)} }, counts{1, 0, 0, 0}, false},
		{"booker who also attended", maxBooker.email, func(e *env) []model.Booking {
			return []model.Booking{e.ended(maxBooker, maxBooker, erika)}
		}, counts{1, 1, 0, 0}, false},
		{"attendee only", erika.email, func(e *env) []model.Booking { return []model.Booking{e.ended(maxBooker, erika, otto)} }, counts{0, 1, 0, 0}, false},
		{"waiting list and inquiry only", erika.email, func(e *env) []model.Booking {
			e.waitFor(erika)
			e.inquire(erika)
			return nil
		}, counts{0, 0, 1, 1}, false},
		{"unknown address", "nobody@example.com", func(e *env) []model.Booking { return []model.Booking{e.ended(maxBooker, erika)} }, counts{}, false},
		{"twice", maxBooker.email, func(e *env) []model.Booking { return []model.Booking{e.ended(maxBooker, erika)} }, counts{1, 0, 0, 0}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				e := newEnv(t, st, clk)
				bookings := tc.setup(e)
				before := map[string]string{}
				var invoicesBefore []model.Invoice
				for _, b := range bookings {
					files, invs := e.issued(b)
					for k, v := range files {
						before[k] = string(v)
					}
					invoicesBefore = append(invoicesBefore, invs...)
				}
				// A mail to the person that has not gone out yet (an SMTP outage).
				pending := mail.Message{To: mail.Address{Name: "Pending", Email: tc.email}, Subject: "wartet", Kind: "attendee_reminder"}
				if err := st.WithTx(e.ctx, func(tx *store.Tx) error {
					return store.EnqueueJSONAt(e.ctx, tx, model.TopicMailSend, "mail.send:test:pending", pending, clk.Now().Add(time.Hour))
				}); err != nil {
					t.Fatal(err)
				}
				exported, _ := e.a.Privacy.ExportPerson(e.ctx, tc.email)
				got, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", tc.email)
				if err != nil {
					t.Fatal(err)
				}
				if tc.twice {
					if got, err = e.a.Privacy.Erase(e.ctx, "owner@example.com", tc.email); err != nil {
						t.Fatal(err)
					}
					if got.Total() != 0 {
						t.Fatalf("second erasure changed %+v", got)
					}
				} else if (counts{got.Bookings, got.Attendees, got.WaitingList, got.Inquiries}) != tc.want || got.MailsDropped < 1 {
					// At least the pending message; the waiting-list and inquiry confirmations
					// still waiting as events may be dropped with it.
					t.Fatalf("erasure counted %+v, want %+v and the pending mail dropped", got, tc.want)
				}
				after, err := e.a.Privacy.ExportPerson(e.ctx, tc.email)
				if err != nil {
					t.Fatal(err)
				}
				if n := len(after.Bookings) + len(after.Attendances) + len(after.WaitingList) + len(after.Inquiries) + len(after.Mails); n != 0 {
					t.Fatalf("still stored about %s after erasure: %+v", tc.email, after)
				}
				// Delivered mails keep their bodies (business letters) — but none names the person,
				// not even one to someone else (the billing contact's confirmation lists the attendees).
				items, err := st.ListOutbox(e.ctx, store.OutboxFilter{Limit: 500})
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range items {
					if it.Topic == model.TopicMailSend && strings.Contains(strings.ToLower(it.Payload), strings.ToLower(tc.email)) {
						t.Fatalf("mail %s still names %s: %.400s", it.Key, tc.email, it.Payload)
					}
				}
				if _, err := st.OutboxItemByKey(e.ctx, "mail.send:test:pending"); !errors.Is(err, model.ErrNotFound) {
					t.Fatalf("the pending mail is still in the outbox: %v", err)
				}
				// Issued invoices and credit notes: rows and stored bytes unchanged.
				var invoicesAfter []model.Invoice
				for _, b := range bookings {
					files, invs := e.issued(b)
					for k, v := range files {
						if before[k] != string(v) {
							t.Fatalf("%s changed by the erasure", k)
						}
					}
					invoicesAfter = append(invoicesAfter, invs...)
				}
				if fmt.Sprint(invoicesBefore) != fmt.Sprint(invoicesAfter) {
					t.Fatalf("invoice rows changed:\n%v\n%v", invoicesBefore, invoicesAfter)
				}
				// The audit log: the erasure by a hash and counts, no erased data.
				log, err := st.AuditLog(e.ctx, 100)
				if err != nil {
					t.Fatal(err)
				}
				var texts []string
				erasures := 0
				for _, a := range log {
					texts = append(texts, a.Subject, a.Detail)
					if a.Action == model.AuditPersonErased {
						erasures++
						if a.Subject != privacy.Subject(tc.email) {
							t.Fatalf("erasure audited as %q", a.Subject)
						}
					}
				}
				if erasures != map[bool]int{false: 1, true: 2}[tc.twice] {
					t.Fatalf("%d erasure entries", erasures)
				}
				needles := []string{tc.email}
				for _, b := range exported.Bookings {
					needles = append(needles, b.Billing.Name, b.Billing.Street)
				}
				if n := mentions(texts, needles...); n != "" {
					t.Fatalf("the audit log still says %q", n)
				}
			})
		})
	}
}

func TestEraseRefusesUpcomingOrOpenBookings(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		upcoming := e.book(maxBooker, erika)
		for _, email := range []string{maxBooker.email, erika.email} {
			_, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", email)
			var refused *model.ErasureRefusedError
			if !errors.As(err, &refused) || refused.Reason != model.RefusedUpcoming || refused.Reference != upcoming.Booking.Reference {
				t.Fatalf("%s with an upcoming booking: %v", email, err)
			}
		}
		clk.Advance(20 * 24 * time.Hour) // over, but the invoice is not paid
		_, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", maxBooker.email)
		var refused *model.ErasureRefusedError
		if !errors.As(err, &refused) || refused.Reason != model.RefusedOpenAmount {
			t.Fatalf("booker with an open invoice: %v", err)
		}
		if x, _ := e.a.Privacy.ExportPerson(e.ctx, maxBooker.email); len(x.Bookings) != 1 {
			t.Fatal("a refused erasure changed something")
		}
		if _, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", erika.email); err != nil {
			t.Fatalf("the attendee of an ended booking: %v", err)
		}
	})
}

// TestEraseDropsEveryPendingMailToThePerson, on both databases: every mail still waiting for the
// erased address goes — a waiting-list confirmation (its payload names the address, here one
// whose "&" JSON escapes), an in-house inquiry's confirmation (its payload names only the
// inquiry), a message written in another case of the address — while the pending mail of a
// person whose address merely contains the erased one stays and is sent.
func TestEraseDropsEveryPendingMailToThePerson(t *testing.T) {
	cases := []struct {
		name   string
		person person
	}{
		{"plain address", erika},
		{"address that JSON escapes", person{"Kai", "Und", "kai&co@example.com"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				e := newEnv(t, st, clk)
				lookalike := person{"Anna", "Andere", "x" + tc.person.email} // contains the erased address
				e.waitFor(tc.person)
				e.inquire(tc.person)
				e.waitFor(lookalike)
				upper := mail.Message{To: mail.Address{Name: "Pending", Email: strings.ToUpper(tc.person.email)}, Subject: "wartet", Kind: "attendee_reminder"}
				if err := st.WithTx(e.ctx, func(tx *store.Tx) error {
					return store.EnqueueJSONAt(e.ctx, tx, model.TopicMailSend, "mail.send:test:upper", upper, clk.Now())
				}); err != nil {
					t.Fatal(err)
				}
				pendingTo := func(address string) []string {
					t.Helper()
					items, err := st.ListOutbox(e.ctx, store.OutboxFilter{Limit: 500})
					if err != nil {
						t.Fatal(err)
					}
					var keys []string
					for _, it := range items {
						if it.Status == model.OutboxDone {
							continue
						}
						var fields map[string]any
						_ = json.Unmarshal([]byte(it.Payload), &fields)
						to, _ := fields["to"].(map[string]any)
						extra, _ := fields["extra"].(map[string]any)
						if inq, _ := extra["inquiry_id"].(string); inq != "" && address == tc.person.email {
							keys = append(keys, it.Key) // the inquiry's event names only the inquiry
						}
						for _, a := range []any{to["email"], extra["email"]} {
							if s, _ := a.(string); strings.EqualFold(s, address) {
								keys = append(keys, it.Key)
							}
						}
					}
					return keys
				}
				if n := len(pendingTo(tc.person.email)); n != 3 {
					t.Fatalf("%d pending mails to the person before erasure, want 3 (waiting list, inquiry, message): %v", n, pendingTo(tc.person.email))
				}

				got, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", tc.person.email)
				if err != nil {
					t.Fatal(err)
				}
				if got.MailsDropped != 3 || got.WaitingList != 1 || got.Inquiries != 1 {
					t.Errorf("erasure counted %+v, want 3 mails dropped, 1 waiting-list entry, 1 inquiry", got)
				}
				if left := pendingTo(tc.person.email); len(left) != 0 {
					t.Errorf("still pending for the erased person: %v", left)
				}
				if n := len(pendingTo(lookalike.email)); n != 1 {
					t.Fatalf("the other person's pending mail: %d, want it kept", n)
				}
				e.deliver()
				items, err := st.ListOutbox(e.ctx, store.OutboxFilter{Limit: 500})
				if err != nil {
					t.Fatal(err)
				}
				sentToLookalike := false
				for _, it := range items {
					if it.Topic != model.TopicMailSend {
						continue
					}
					var m mail.Message
					if json.Unmarshal([]byte(it.Payload), &m) != nil {
						continue
					}
					if strings.EqualFold(m.To.Email, tc.person.email) || model.IsErasedEmail(m.To.Email) {
						t.Errorf("a mail went to the erased person: %s %q", it.Key, m.Subject)
					}
					sentToLookalike = sentToLookalike || m.To.Email == lookalike.email
				}
				if !sentToLookalike {
					t.Error("the other person's waiting-list confirmation was not sent")
				}
			})
		})
	}
}
