package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"seminars/internal/model"
)

// fixedAt is the clock of these tests' stores.
var fixedAt = time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC)

func openFixed(t *testing.T, dsn string, opts ...Option) *Store {
	t.Helper()
	st, err := Open(context.Background(), dsn, append([]Option{WithClock(func() time.Time { return fixedAt })}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// fixedInserts are the store's fixed INSERTs with the model each one writes.
func fixedInserts() []struct {
	model   any
	table   string
	id      string
	columns []string
} {
	names := func(f interface{ columnNames() []string }) []string { return f.columnNames() }
	return []struct {
		model   any
		table   string
		id      string
		columns []string
	}{
		{&model.Invoice{}, invoiceInsert.table, invoiceInsert.id, names(invoiceInsert)},
		{&model.OutboxItem{}, outboxInsert.table, outboxInsert.id, names(outboxInsert)},
		{&model.Booking{}, bookingInsert.table, bookingInsert.id, names(bookingInsert)},
		{&model.Attendee{}, attendeeInsert.table, attendeeInsert.id, names(attendeeInsert)},
	}
}

// TestFixedInsertColumns holds each fixed INSERT's column list to its GORM model on both
// dialects: a field added to the model (and its migration) without a column in the fixed list
// would otherwise be stored as the column's default, silently.
func TestFixedInsertColumns(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixed(t, db.dsn(t))
			for _, f := range fixedInserts() {
				table, fields := modelColumns(t, st.write, f.model)
				if table != f.table {
					t.Errorf("%T: fixed insert into %s, model's table %s", f.model, f.table, table)
				}
				got := append([]string{f.id}, f.columns...)
				slices.Sort(got)
				slices.Sort(fields)
				if !slices.Equal(got, fields) {
					t.Errorf("%T: fixed insert writes %v and the generated %s; the model has %v", f.model, f.columns, f.id, fields)
				}
				if columns := tableColumns(t, st.write, table); len(columns) != len(fields) {
					t.Errorf("table %s has %d columns, the fixed insert %d", table, len(columns), len(got))
				}
			}
		})
	}
}

// TestFixedInsertStoresWhatGORMStores stores each row once through GORM's Create and once
// through the fixed INSERT and reads both back: they must agree in every field but the id and
// the unique key, and both calls must fill the row in (id, defaults, timestamps) alike. This is
// what proves the values go into the columns they are listed with.
func TestFixedInsertStoresWhatGORMStores(t *testing.T) {
	original := uint(7)
	due := time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)
	done := time.Date(2026, 3, 28, 8, 15, 0, 0, time.UTC)
	invoices := []struct {
		name string
		inv  model.Invoice
	}{
		{"every field set", model.Invoice{
			Kind: model.InvoiceKindCreditNote, Year: 2026, Sequence: 12, BookingID: 3, BookingReference: "SEM-7K3Q9X",
			OriginalID: &original, OriginalNumber: "RE-2026-00011", Reason: "Storno",
			IssuedAt: fixedAt, ServiceStart: due, ServiceEnd: due.Add(8 * time.Hour), ServiceLocation: "Saal 2, Berlin",
			Buyer:    model.Party{Name: "Acme GmbH", Contact: "Ada", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE", VATID: "DE123456789"},
			Seller:   model.Party{Name: "Trainer", Country: "DE", TaxNumber: "12/345/67890"},
			Lines:    []model.InvoiceLine{{Description: "Seminar – Ada", Quantity: 1, UnitNetCents: -50000, NetCents: -50000}},
			NetCents: -50000, VATCents: -9500, GrossCents: -59500, VATRateBP: 1900, TaxTreatment: model.TaxReverseCharge,
			Currency: "EUR", Language: "en", PaymentMethod: "invoice", PaymentStatus: model.PaymentPaid, DueDate: &due,
			PONumber: "PO-1", BuyerReference: "04011000-12345-67", CreatedAt: done,
		}},
		{"zero values and defaults", model.Invoice{Kind: model.InvoiceKindInvoice, Year: 2026, Sequence: 1, BookingID: 1,
			BookingReference: "SEM-AAAAAA", Currency: "EUR", Language: "de", PaymentMethod: "card", PaymentStatus: model.PaymentUnpaid}},
	}
	outbox := []struct {
		name string
		item model.OutboxItem
	}{
		{"every field set", model.OutboxItem{Topic: model.TopicMailEvent, Payload: `{"event":"x"}`, Status: model.OutboxDone,
			Attempts: 3, NextAttemptAt: due, LastError: "refused", DoneAt: &done, CreatedAt: done, UpdatedAt: fixedAt}},
		{"a fresh item", model.OutboxItem{Topic: model.TopicDocumentRender, Payload: "{}", Status: model.OutboxPending,
			NextAttemptAt: fixedAt, CreatedAt: fixedAt, UpdatedAt: fixedAt}},
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixed(t, db.dsn(t))
			ctx := context.Background()
			for i, tc := range invoices {
				t.Run("invoice "+tc.name, func(t *testing.T) {
					viaGORM, viaFixed := tc.inv, tc.inv
					viaGORM.Number, viaFixed.Number = model.InvoiceNumber(tc.inv.Kind, 2026, 100+2*i), model.InvoiceNumber(tc.inv.Kind, 2026, 101+2*i)
					err := st.WithTx(ctx, func(tx *Tx) error {
						if err := tx.db.Create(&viaGORM).Error; err != nil {
							return err
						}
						return tx.CreateInvoice(ctx, &viaFixed)
					})
					if err != nil {
						t.Fatal(err)
					}
					if viaFixed.ID == 0 || viaFixed.ID == viaGORM.ID {
						t.Fatalf("fixed insert's id %d (GORM's %d)", viaFixed.ID, viaGORM.ID)
					}
					var backGORM, backFixed model.Invoice
					if err := st.read.First(&backGORM, viaGORM.ID).Error; err != nil {
						t.Fatal(err)
					}
					if err := st.read.First(&backFixed, viaFixed.ID).Error; err != nil {
						t.Fatal(err)
					}
					sameBut(t, "filled in", viaGORM, viaFixed, "ID", "Number")
					sameBut(t, "read back", backGORM, backFixed, "ID", "Number")
				})
			}
			for i, tc := range outbox {
				t.Run("outbox "+tc.name, func(t *testing.T) {
					viaGORM, viaFixed := tc.item, tc.item
					viaGORM.Key, viaFixed.Key = "gorm:"+tc.name, "fixed:"+tc.name
					err := st.WithTx(ctx, func(tx *Tx) error {
						if err := tx.db.Create(&viaGORM).Error; err != nil {
							return err
						}
						return outboxInsert.insert(ctx, tx, []model.OutboxItem{viaFixed})
					})
					if err != nil {
						t.Fatal(err)
					}
					var backGORM, backFixed model.OutboxItem
					if err := st.read.Where(`"key" = ?`, viaGORM.Key).First(&backGORM).Error; err != nil {
						t.Fatal(err)
					}
					if err := st.read.Where(`"key" = ?`, viaFixed.Key).First(&backFixed).Error; err != nil {
						t.Fatalf("case %d: %v", i, err)
					}
					sameBut(t, "read back", backGORM, backFixed, "ID", "Key")
				})
			}
		})
	}
}

// sameBut fails unless a and b agree in every field but those named.
func sameBut[T any](t *testing.T, what string, a, b T, except ...string) {
	t.Helper()
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		name := va.Type().Field(i).Name
		if slices.Contains(except, name) {
			continue
		}
		fa, fb := va.Field(i).Interface(), vb.Field(i).Interface()
		if ta, ok := fa.(time.Time); ok {
			if !ta.Equal(fb.(time.Time)) {
				t.Errorf("%s: %s = %v through GORM, %v through the fixed insert", what, name, fa, fb)
			}
			continue
		}
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("%s: %s = %#v through GORM, %#v through the fixed insert", what, name, fa, fb)
		}
	}
}

// TestEnqueueJSONItems checks one multi-row enqueue on both dialects: items go in in order,
// a key already in the outbox or twice in the list is stored once (its first payload), and
// more items than one statement carries all arrive.
func TestEnqueueJSONItems(t *testing.T) {
	item := func(key string, n int) JSONItem {
		return JSONItem{Topic: model.TopicMailEvent, Key: key, Payload: map[string]int{"n": n}}
	}
	many := make([]JSONItem, fixedRowsPerInsert*2+3)
	for i := range many {
		many[i] = item("many:"+string(rune('a'+i)), i)
	}
	cases := []struct {
		name  string
		items []JSONItem
		want  []string // keys and payloads of the outbox afterwards, by id
	}{
		{"one", []JSONItem{item("k1", 1)}, []string{`k1 {"n":1}`}},
		{"existing and repeated keys", []JSONItem{item("k2", 2), item("k1", 9), item("k2", 9), item("k3", 3)},
			[]string{`k1 {"n":1}`, `k2 {"n":2}`, `k3 {"n":3}`}},
		{"nothing", nil, []string{`k1 {"n":1}`, `k2 {"n":2}`, `k3 {"n":3}`}},
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixed(t, db.dsn(t))
			ctx := context.Background()
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					if err := st.WithTx(ctx, func(tx *Tx) error { return EnqueueJSONItems(ctx, tx, tc.items...) }); err != nil {
						t.Fatal(err)
					}
					var rows []model.OutboxItem
					if err := st.read.Where(`"key" LIKE 'k%'`).Order("id").Find(&rows).Error; err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, r := range rows {
						got = append(got, r.Key+" "+r.Payload)
						if r.Status != model.OutboxPending || !r.NextAttemptAt.Equal(fixedAt) || !r.CreatedAt.Equal(fixedAt) {
							t.Errorf("%s: status %s, due %v, created %v; want pending, due and created at %v", r.Key, r.Status, r.NextAttemptAt, r.CreatedAt, fixedAt)
						}
					}
					if !slices.Equal(got, tc.want) {
						t.Errorf("outbox %v, want %v", got, tc.want)
					}
				})
			}
			t.Run("more than one statement carries", func(t *testing.T) {
				if err := st.WithTx(ctx, func(tx *Tx) error { return EnqueueJSONItems(ctx, tx, many...) }); err != nil {
					t.Fatal(err)
				}
				var n int64
				if err := st.read.Model(&model.OutboxItem{}).Where(`"key" LIKE 'many:%'`).Count(&n).Error; err != nil || n != int64(len(many)) {
					t.Errorf("%d items stored (%v), want %d", n, err, len(many))
				}
			})
		})
	}
}

// TestFixedInsertsAskTheInsertFault checks that the fixed statements, which bypass GORM's
// callbacks, still fail where a test breaks their table (WithInsertFault), and roll back.
func TestFixedInsertsAskTheInsertFault(t *testing.T) {
	broken := errors.New("broken on purpose")
	cases := []struct {
		table string
		write func(ctx context.Context, tx *Tx) error
	}{
		{"invoices", func(ctx context.Context, tx *Tx) error {
			return tx.CreateInvoice(ctx, &model.Invoice{Kind: model.InvoiceKindInvoice, Number: "RE-2026-00001", Year: 2026, Sequence: 1})
		}},
		{"invoice_counters", func(ctx context.Context, tx *Tx) error {
			_, err := tx.NextInvoiceSequence(ctx, model.InvoiceKindInvoice, 2026)
			return err
		}},
		{"outbox_items", func(ctx context.Context, tx *Tx) error {
			return EnqueueJSON(ctx, tx, model.TopicMailEvent, "k", map[string]string{})
		}},
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			var table string
			st := openFixed(t, db.dsn(t), WithInsertFault(func(t string) error {
				if t == table {
					return broken
				}
				return nil
			}))
			ctx := context.Background()
			for _, tc := range cases {
				t.Run(tc.table, func(t *testing.T) {
					table = tc.table
					if err := st.WithTx(ctx, func(tx *Tx) error { return tc.write(ctx, tx) }); !errors.Is(err, broken) {
						t.Errorf("write into broken %s: %v, want the injected error", tc.table, err)
					}
					var n int64
					if err := st.read.Table(tc.table).Count(&n).Error; err != nil || n != 0 {
						t.Errorf("%s holds %d rows (%v) after the failed write", tc.table, n, err)
					}
				})
			}
		})
	}
}

// TestCreateInvoiceRefusesATakenNumber checks that a duplicate number comes back as the unique
// violation GORM's Create reported (IsUniqueViolation), on both dialects.
func TestCreateInvoiceRefusesATakenNumber(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixed(t, db.dsn(t))
			ctx := context.Background()
			create := func() error {
				return st.WithTx(ctx, func(tx *Tx) error {
					return tx.CreateInvoice(ctx, &model.Invoice{Kind: model.InvoiceKindInvoice, Number: "RE-2026-00001", Year: 2026, Sequence: 1})
				})
			}
			if err := create(); err != nil {
				t.Fatal(err)
			}
			if err := create(); !IsUniqueViolation(err) {
				t.Errorf("second invoice with the same number: %v, want a unique violation", err)
			}
		})
	}
}
