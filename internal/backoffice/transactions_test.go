package backoffice

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// txFixture is what each back-office action in TestActionsCommitTogether works on: a full date
// of three invoice bookings (two attendees each), one person waiting for a seat on it, a second
// date of the same seminar, an API token and a failed outbox item.
type txFixture struct {
	st       *store.Store
	office   *Service
	date     model.SeminarDate
	other    model.SeminarDate
	refs     []string
	tokenID  uint
	parkedID uint
	voucher  model.Voucher
}

func newTxFixture(t *testing.T, st *store.Store, clk *storetest.Clock) txFixture {
	t.Helper()
	ctx := context.Background()
	w, bookings := newTestWaitlist(st, clk)
	f := txFixture{st: st, office: New(st, bookings, w, clk.Now)}
	f.date = storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 6, Clock: clk})
	start := f.date.StartsAt.Add(7 * 24 * time.Hour)
	f.other = model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 10, Format: model.FormatInPerson, City: "Köln", Status: model.DatePublished}
	if err := f.office.CreateDate(ctx, "setup", f.date.SeminarID, &f.other); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		res, err := bookings.Reserve(ctx, request(f.date.ID, 2))
		if err != nil {
			t.Fatal(err)
		}
		f.refs = append(f.refs, res.Booking.Reference)
	}
	if err := w.Join(ctx, &model.WaitlistEntry{DateID: f.date.ID, Name: "W", Email: "w@example.com", Seats: 2, Language: "de"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.office.CreateAPIToken(ctx, "setup", "ci", model.RoleAssistant); err != nil {
		t.Fatal(err)
	}
	tokens, err := st.APITokens(ctx)
	if err != nil || len(tokens) != 1 {
		t.Fatalf("tokens %v, %v", tokens, err)
	}
	f.tokenID = tokens[0].ID
	parked := model.OutboxItem{Topic: model.TopicMailEvent, Key: "parked-for-test", Status: model.OutboxFailed, Payload: "{}"}
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.Enqueue(ctx, &parked) }); err != nil {
		t.Fatal(err)
	}
	f.parkedID = parked.ID
	f.voucher = model.Voucher{Code: "TX10", Kind: model.VoucherPercent, PercentBP: 1000, Active: true}
	if err := f.office.CreateVoucher(ctx, "setup", &f.voucher, ""); err != nil {
		t.Fatal(err)
	}
	return f
}

// invoiceOf is the number of a fixture booking's first invoice ("" when it has none, which the
// action then refuses as not found).
func (f txFixture) invoiceOf(ref string) string {
	b, err := f.st.BookingByReference(context.Background(), ref)
	if err != nil {
		return ""
	}
	docs, err := f.st.InvoicesForBooking(context.Background(), b.ID)
	if err != nil || len(docs) == 0 {
		return ""
	}
	return docs[0].Number
}

// snapshot is everything an action may change, as text: two snapshots are equal exactly when
// nothing was written.
func (f txFixture) snapshot(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for _, id := range []uint{f.date.ID, f.other.ID} {
		d, err := f.st.DateByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "date %d %s cap=%d taken=%d seq=%d\n", d.ID, d.Status, d.Capacity, d.SeatsTaken, d.Sequence)
	}
	for _, ref := range f.refs {
		bk, err := f.st.BookingByReference(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "booking %s %s/%s date=%d rotation=%d", bk.Reference, bk.Status, bk.PaymentStatus, bk.DateID, bk.ManageRotation)
		for _, a := range bk.Attendees {
			fmt.Fprintf(&b, " %s<%s>", a.FullName(), a.Email)
		}
		invoices, err := f.st.InvoicesForBooking(ctx, bk.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, " documents=%d\n", len(invoices))
	}
	entries, _ := f.st.WaitlistForDate(ctx, f.date.ID)
	for _, e := range entries {
		fmt.Fprintf(&b, "waiting %d %s\n", e.ID, e.Status)
	}
	users, _ := f.st.StaffUsers(ctx)
	tokens, _ := f.st.APITokens(ctx)
	items, _ := f.st.ListOutbox(ctx, store.OutboxFilter{Limit: 500})
	audit, _ := f.st.AuditLog(ctx, 500)
	parked, _ := f.st.OutboxItemByID(ctx, f.parkedID)
	v, _ := f.st.VoucherByID(ctx, f.voucher.ID)
	fmt.Fprintf(&b, "voucher %s active=%t percent_bp=%d max_uses=%d\n", v.Code, v.Active, v.PercentBP, v.MaxUses)
	fmt.Fprintf(&b, "users=%d tokens=%d outbox=%d audit=%d parked=%s\n", len(users), len(tokens), len(items), len(audit), parked.Status)
	return b.String()
}

// TestActionsCommitTogether proves that each back-office action writes its change, its audit
// entry and its outbox items (mail, waiting-list offers) in one transaction: with one of those
// inserts failing, the action reports the failure and nothing at all is written; once inserts
// work again, the same call makes the change and records it.
func TestActionsCommitTogether(t *testing.T) {
	const actor = "owner@example.com"
	sub := func(f txFixture) booking.Substitution {
		b, _ := f.st.BookingByReference(context.Background(), f.refs[0])
		return booking.Substitution{AttendeeID: b.Attendees[0].ID, FirstName: "Neu", LastName: "Person", Email: "neu@example.com"}
	}
	cases := []struct {
		name      string
		action    string // the audit entry the action writes
		fail      string // the table whose inserts fail
		failAfter int    // inserts into it that still pass
		act       func(ctx context.Context, f txFixture) error
	}{
		{"cancel booking, audit fails", model.AuditBookingCancelled, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelBooking(ctx, actor, f.refs[0])
			return err
		}},
		{"cancel booking, cancellation mail fails", model.AuditBookingCancelled, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelBooking(ctx, actor, f.refs[0])
			return err
		}},
		{"cancel date, audit fails", model.AuditDateCancelled, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			return f.office.CancelDate(ctx, actor, f.date.ID)
		}},
		{"cancel date, date-cancelled event fails", model.AuditDateCancelled, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			return f.office.CancelDate(ctx, actor, f.date.ID)
		}},
		{"cancel date, the third booking's credit note fails", model.AuditDateCancelled, "invoices", 2, func(ctx context.Context, f txFixture) error {
			return f.office.CancelDate(ctx, actor, f.date.ID)
		}},
		{"move booking, audit fails", model.AuditBookingMoved, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.MoveBooking(ctx, actor, f.refs[0], f.other.ID)
			return err
		}},
		{"move booking, attendee mail fails", model.AuditBookingMoved, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.MoveBooking(ctx, actor, f.refs[0], f.other.ID)
			return err
		}},
		{"raise capacity, audit fails", model.AuditDateUpdated, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			d := f.date
			d.Capacity = 8
			return f.office.UpdateDate(ctx, actor, d)
		}},
		{"raise capacity, waiting-list offer mail fails", model.AuditDateUpdated, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			d := f.date
			d.Capacity = 8
			return f.office.UpdateDate(ctx, actor, d)
		}},
		{"substitute attendee, audit fails", model.AuditAttendeeSubstituted, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.SubstituteAttendee(ctx, actor, f.refs[0], sub(f))
			return err
		}},
		{"substitute attendee, mail fails", model.AuditAttendeeSubstituted, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.SubstituteAttendee(ctx, actor, f.refs[0], sub(f))
			return err
		}},
		{"cancel one attendee, audit fails", model.AuditAttendeeCancelled, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelAttendee(ctx, actor, f.refs[0], sub(f).AttendeeID, false)
			return err
		}},
		{"cancel one attendee, mail fails", model.AuditAttendeeCancelled, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelAttendee(ctx, actor, f.refs[0], sub(f).AttendeeID, false)
			return err
		}},
		{"mark paid, audit fails", model.AuditBookingPaid, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			return f.office.MarkPaid(ctx, actor, f.refs[1])
		}},
		{"add staff user, audit fails", model.AuditUserAdded, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.AddStaffUser(ctx, actor, "assistant@example.com", model.RoleAssistant, "correct horse battery")
			return err
		}},
		{"create API token, audit fails", model.AuditTokenCreated, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CreateAPIToken(ctx, actor, "export", model.RoleOwner)
			return err
		}},
		{"revoke API token, audit fails", model.AuditTokenRevoked, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			return f.office.RevokeAPIToken(ctx, actor, f.tokenID)
		}},
		{"resend confirmation, audit fails", model.AuditConfirmationResent, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.ResendConfirmation(ctx, actor, f.refs[0])
			return err
		}},
		{"resend confirmation, mail fails", model.AuditConfirmationResent, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.ResendConfirmation(ctx, actor, f.refs[0])
			return err
		}},
		{"send document again, mail fails", model.AuditDocumentResent, "outbox_items", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.SendDocumentAgain(ctx, actor, f.refs[0], f.invoiceOf(f.refs[0]))
			return err
		}},
		{"send document again, audit fails", model.AuditDocumentResent, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.SendDocumentAgain(ctx, actor, f.refs[0], f.invoiceOf(f.refs[0]))
			return err
		}},
		{"cancel under the policy, audit fails", model.AuditBookingCancelled, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelBookingUnderPolicy(ctx, actor, f.refs[0])
			return err
		}},
		{"edit voucher, audit fails", model.AuditVoucherUpdated, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.UpdateVoucher(ctx, actor, f.voucher.ID, model.Voucher{Kind: model.VoucherPercent, PercentBP: 2000, MaxUses: 3}, "")
			return err
		}},
		{"switch voucher off, audit fails", model.AuditVoucherSwitched, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.SwitchVoucher(ctx, actor, f.voucher.ID, false)
			return err
		}},
		{"resend outbox item, audit fails", model.AuditOutboxResent, "audit_entries", 0, func(ctx context.Context, f txFixture) error {
			_, err := f.office.ResendOutboxItem(ctx, actor, f.parkedID)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachWithFaults(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock, faults *storetest.Faults) {
				ctx := context.Background()
				f := newTxFixture(t, st, clk)
				before := f.snapshot(t)

				faults.FailInsertsAfter(tc.fail, tc.failAfter)
				if err := tc.act(ctx, f); !errors.Is(err, storetest.ErrInjected) {
					t.Fatalf("with inserts into %s failing: err = %v, want the injected failure", tc.fail, err)
				}
				if after := f.snapshot(t); after != before {
					t.Fatalf("a failed action left writes behind:\nbefore:\n%s\nafter:\n%s", before, after)
				}

				faults.Heal()
				if err := tc.act(ctx, f); err != nil {
					t.Fatalf("once inserts work again: %v", err)
				}
				if f.snapshot(t) == before {
					t.Fatal("the action changed nothing")
				}
				entries, err := st.AuditLog(ctx, 1)
				if err != nil || len(entries) != 1 || entries[0].Action != tc.action || entries[0].Actor != actor {
					t.Fatalf("newest audit entry %+v (%v), want %s by %s", entries, err, tc.action, actor)
				}
			})
		})
	}
}

// TestFreedSeatsAreOfferedInTheSameTransaction: a cancellation, a move and more capacity offer
// the freed seats to the first in line at once (the offer is written with the change), not at
// the waiting list's next round.
func TestFreedSeatsAreOfferedInTheSameTransaction(t *testing.T) {
	cases := []struct {
		name      string
		wantTaken int // on the date afterwards: bookings plus the offer's two
		act       func(ctx context.Context, f txFixture) error
	}{
		{"cancel booking", 6, func(ctx context.Context, f txFixture) error {
			_, err := f.office.CancelBooking(ctx, "owner@example.com", f.refs[0])
			return err
		}},
		{"move booking", 6, func(ctx context.Context, f txFixture) error {
			_, err := f.office.MoveBooking(ctx, "owner@example.com", f.refs[0], f.other.ID)
			return err
		}},
		{"raise capacity", 8, func(ctx context.Context, f txFixture) error {
			d := f.date
			d.Capacity = 8
			return f.office.UpdateDate(ctx, "owner@example.com", d)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				f := newTxFixture(t, st, clk)
				if err := tc.act(ctx, f); err != nil {
					t.Fatal(err)
				}
				entries, err := st.WaitlistForDate(ctx, f.date.ID)
				if err != nil || len(entries) != 1 || entries[0].Status != model.WaitlistOffered {
					t.Fatalf("waiting list %+v (%v), want the one entry offered", entries, err)
				}
				if d, _ := st.DateByID(ctx, f.date.ID); d.SeatsTaken != tc.wantTaken {
					t.Fatalf("seats taken %d, want %d (the offer holds two)", d.SeatsTaken, tc.wantTaken)
				}
			})
		})
	}
}

// TestCancelDateCancelsEveryBooking: a date cancel with N bookings cancels all N in its one
// transaction, gives every seat back and issues one credit note per booking.
func TestCancelDateCancelsEveryBooking(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		f := newTxFixture(t, st, clk)
		if err := f.office.CancelDate(ctx, "owner@example.com", f.date.ID); err != nil {
			t.Fatal(err)
		}
		for _, ref := range f.refs {
			b, err := st.BookingByReference(ctx, ref)
			if err != nil || b.Status != model.BookingCancelled {
				t.Fatalf("booking %s: %s (%v)", ref, b.Status, err)
			}
			docs, _ := st.InvoicesForBooking(ctx, b.ID)
			if len(docs) != 2 {
				t.Fatalf("booking %s has %d documents, want invoice and credit note", ref, len(docs))
			}
		}
		if d, _ := st.DateByID(ctx, f.date.ID); d.Status != model.DateCancelled || d.SeatsTaken != 0 {
			t.Fatalf("date %s with %d seats taken", d.Status, d.SeatsTaken)
		}
	})
}
