package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"seminars/internal/model"
)

// testDocument is an invoice of booking 7 with its render-like item, for IssueDocument.
func testDocument(dateID uint, seats int) (*model.Invoice, NewDocument) {
	due := fixedClockTime.AddDate(0, 0, 14)
	inv := &model.Invoice{Kind: model.InvoiceKindInvoice, BookingID: 7, BookingReference: "SEATS",
		IssuedAt: fixedClockTime, ServiceStart: fixedClockTime, ServiceEnd: fixedClockTime, ServiceLocation: "Online",
		Buyer: model.Party{Name: "Buyer"}, Seller: model.Party{Name: "Seller"},
		Lines:    []model.InvoiceLine{{Description: "Seat", Quantity: 1, UnitNetCents: 100, NetCents: 100}},
		NetCents: 100, VATCents: 19, GrossCents: 119, VATRateBP: 1900, Currency: "EUR", Language: "de",
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, DueDate: &due, PONumber: "PO"}
	return inv, NewDocument{Invoice: inv, Year: 2026, DateID: dateID, Seats: seats,
		Items: func(id uint) []JSONItem {
			return []JSONItem{
				{Topic: model.TopicMailEvent, Key: "mail:" + inv.BookingReference + ":" + string(rune('a'+seats)), Payload: map[string]uint{"n": 1}},
				{Topic: model.TopicDocumentRender, Key: model.TopicDocumentRender.Key("test:" + string(rune('a'+seats))),
					Payload: model.DocumentRenderPayload{InvoiceID: id}, Due: fixedClockTime},
			}
		}}
}

// TestIssueDocumentWithSeatsWritesWhatTheStepsWrite issues one document without seats (the
// statements one after another) and one taking seats (on PostgreSQL the one WITH statement)
// and finds the same invoice and outbox rows, numbered in turn, the seats taken and the data
// version moved.
func TestIssueDocumentWithSeatsWritesWhatTheStepsWrite(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			steps, stepsDoc := testDocument(date.ID, 0)
			seated, seatedDoc := testDocument(date.ID, 3)
			if err := st.WithTx(ctx, func(tx *Tx) error { return tx.IssueDocument(ctx, stepsDoc) }); err != nil {
				t.Fatal(err)
			}
			before := st.version.local.Load()
			if err := st.WithTx(ctx, func(tx *Tx) error { return tx.IssueDocument(ctx, seatedDoc) }); err != nil {
				t.Fatal(err)
			}
			if st.version.local.Load() == before {
				t.Error("data version stayed after seats were taken")
			}
			if steps.Number != "RE-2026-00001" || seated.Number != "RE-2026-00002" || seated.Sequence != 2 || seated.Year != 2026 || seated.ID == 0 {
				t.Errorf("numbered %q then %q (sequence %d, year %d, id %d)", steps.Number, seated.Number, seated.Sequence, seated.Year, seated.ID)
			}
			a := storedRow(t, st.read, "invoices", steps.ID, "number", "sequence")
			b := storedRow(t, st.read, "invoices", seated.ID, "number", "sequence")
			if !reflect.DeepEqual(a, b) {
				t.Errorf("invoice rows differ:\n steps %v\nseated %v", a, b)
			}
			if got := storedRow(t, st.read, "invoices", seated.ID)["number"]; got != seated.Number {
				t.Errorf("stored number %v, model %q", got, seated.Number)
			}
			var items []model.OutboxItem
			if err := st.read.Order("id").Find(&items).Error; err != nil {
				t.Fatal(err)
			}
			if len(items) != 4 {
				t.Fatalf("%d outbox items, want 4", len(items))
			}
			for i := range 2 {
				x, y := items[i], items[i+2]
				if x.Topic != y.Topic || x.Status != y.Status || !x.NextAttemptAt.Equal(y.NextAttemptAt) || !x.CreatedAt.Equal(y.CreatedAt) || x.Attempts != y.Attempts {
					t.Errorf("item %d differs: %+v and %+v", i, x, y)
				}
			}
			if want := `{"invoice_id":` + strconv.FormatUint(uint64(seated.ID), 10) + `}`; items[3].Payload != want || items[2].Payload != `{"n":1}` {
				t.Errorf("payloads %q, %q; want {\"n\":1}, %s (in the order given)", items[2].Payload, items[3].Payload, want)
			}
			d, err := st.DateByID(ctx, date.ID)
			if err != nil || d.SeatsTaken != 3 || !d.UpdatedAt.Equal(fixedClockTime) {
				t.Errorf("date after: %d seats taken, updated %v (%v); want 3", d.SeatsTaken, d.UpdatedAt, err)
			}
		})
	}
}

// TestIssueDocumentSoldOutWritesNothing: a date without the seats refuses with the seats left,
// and neither the counter, the invoice nor an item is written, in the transaction itself.
func TestIssueDocumentSoldOutWritesNothing(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			_, doc := testDocument(date.ID, date.Capacity+1)
			err := st.WithTx(ctx, func(tx *Tx) error {
				err := tx.IssueDocument(ctx, doc)
				for _, table := range []string{"invoice_counters", "invoices", "outbox_items"} {
					var n int64
					if err := tx.db.Table(table).Count(&n).Error; err != nil || n != 0 {
						t.Errorf("%s holds %d rows (%v) after the refusal", table, n, err)
					}
				}
				return err
			})
			var soldOut *model.SoldOutError
			if !errors.As(err, &soldOut) || soldOut.SeatsLeft != date.Capacity {
				t.Errorf("IssueDocument on a full date: %v, want sold out with %d left", err, date.Capacity)
			}
		})
	}
}

// TestIssueDocumentNumbersPastFiveDigits: the WITH statement writes the number as
// model.InvoiceNumber does, also where the sequence outgrows its five digits (IssueDocument
// refuses a number that differs, so success proves it).
func TestIssueDocumentNumbersPastFiveDigits(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			if err := st.write.Exec("INSERT INTO invoice_counters (kind, year, last) VALUES (?, 2026, 99998)", model.InvoiceKindInvoice).Error; err != nil {
				t.Fatal(err)
			}
			var numbers []string
			for seats := 1; seats <= 2; seats++ {
				inv, doc := testDocument(date.ID, seats)
				if err := st.WithTx(ctx, func(tx *Tx) error { return tx.IssueDocument(ctx, doc) }); err != nil {
					t.Fatal(err)
				}
				numbers = append(numbers, inv.Number)
			}
			if want := []string{"RE-2026-99999", "RE-2026-100000"}; !slices.Equal(numbers, want) {
				t.Errorf("numbers %v, want %v", numbers, want)
			}
		})
	}
}

// TestIssueDocumentAsksTheInsertFault: the WITH statement writes three tables without GORM;
// a test breaking any of them still fails the issue.
func TestIssueDocumentAsksTheInsertFault(t *testing.T) {
	broken := errors.New("broken on purpose")
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			var table string
			st := openFixedTestStore(t, db.dsn(t), WithInsertFault(func(t string) error {
				if t == table {
					return broken
				}
				return nil
			}))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			for _, table = range []string{"invoice_counters", "invoices", "outbox_items"} {
				_, doc := testDocument(date.ID, 1)
				if err := st.WithTx(ctx, func(tx *Tx) error { return tx.IssueDocument(ctx, doc) }); !errors.Is(err, broken) {
					t.Errorf("issue with %s broken: %v, want the injected error", table, err)
				}
			}
		})
	}
}

// TestOutboxColumnTypesCoverTheInsert: the casts of the WITH statement's item rows name every
// column the outbox insert writes.
func TestOutboxColumnTypesCoverTheInsert(t *testing.T) {
	var typed []string
	for name := range outboxColumnTypes {
		typed = append(typed, name)
	}
	written := outboxInsert.columnNames()
	slices.Sort(typed)
	slices.Sort(written)
	if !slices.Equal(typed, written) {
		t.Errorf("outboxColumnTypes %v, outbox insert writes %v", typed, written)
	}
}

// TestItemsOfNewInvoiceRefusesOtherIDUse: an item that uses the invoice id other than by its
// digits (here: doubled) cannot be written by replacing a stand-in, and is refused.
func TestItemsOfNewInvoiceRefusesOtherIDUse(t *testing.T) {
	st := openFixedTestStore(t, testDSNs[0].dsn(t))
	err := st.WithTx(context.Background(), func(tx *Tx) error {
		_, _, err := itemsOfNewInvoice(tx, func(id uint) []JSONItem {
			return []JSONItem{{Topic: model.TopicDocumentRender, Key: "k", Payload: map[string]uint{"twice": id * 2}}}
		})
		return err
	})
	if err == nil {
		t.Error("an item with twice the id was taken")
	}
}

// TestIssueDocumentSoldOutKeepsItemsItDidNotWrite: on PostgreSQL the items go in before the
// seats are asked for and come out again on a refusal; an item whose key was there before
// (so the issue inserted nothing for it) stays.
func TestIssueDocumentSoldOutKeepsItemsItDidNotWrite(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			_, doc := testDocument(date.ID, date.Capacity+1)
			first := doc.Items(1)[0]
			if err := st.WithTx(ctx, func(tx *Tx) error { return EnqueueJSONItems(ctx, tx, first) }); err != nil {
				t.Fatal(err)
			}
			err := st.WithTx(ctx, func(tx *Tx) error {
				err := tx.IssueDocument(ctx, doc)
				var keys []string
				if err := tx.db.Table("outbox_items").Pluck("key", &keys).Error; err != nil || !slices.Equal(keys, []string{first.Key}) {
					t.Errorf("outbox keys after the refusal %v (%v), want only %q", keys, err, first.Key)
				}
				return err
			})
			var soldOut *model.SoldOutError
			if !errors.As(err, &soldOut) {
				t.Errorf("IssueDocument on a full date: %v, want sold out", err)
			}
		})
	}
}
