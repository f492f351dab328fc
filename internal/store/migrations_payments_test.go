package store

import (
	"context"
	"path/filepath"
	"testing"

	"seminars/internal/model"
)

// TestPaymentsMigrationUpgradesOldDatabase rebuilds a database as it was before 0101 and 0102 (no
// Stripe columns, indexes or event table) and checks that migrating again adds them.
func TestPaymentsMigrationUpgradesOldDatabase(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := st.write.Migrator()
	for _, idx := range paymentIndexes {
		if err := m.DropIndex(&model.Booking{}, idx); err != nil {
			t.Fatalf("drop %s: %v", idx, err)
		}
	}
	if err := rollbackCheckoutURL(st.write); err != nil {
		t.Fatal(err)
	}
	if err := rollbackPayments(st.write); err != nil {
		t.Fatal(err)
	}
	if err := st.write.Exec("DELETE FROM migrations WHERE id IN ?", []string{"0101_payments", "0102_payments_checkout_url"}).Error; err != nil {
		t.Fatal(err)
	}
	if m.HasColumn(&model.Booking{}, "stripe_session_id") || m.HasTable(&model.StripeEvent{}) {
		t.Fatal("rollback left payment schema behind")
	}
	if err := Migrate(st.write); err != nil {
		t.Fatal(err)
	}
	for _, col := range append(paymentColumns, "stripe_checkout_url") {
		if !m.HasColumn(&model.Booking{}, col) {
			t.Errorf("column %s missing after upgrade", col)
		}
	}
	for _, idx := range paymentIndexes {
		if !m.HasIndex(&model.Booking{}, idx) {
			t.Errorf("index %s missing after upgrade", idx)
		}
	}
	if fresh, err := recordEventInTx(ctx, st, "evt_1"); err != nil || !fresh {
		t.Fatalf("record event after upgrade: %v %v", fresh, err)
	}
}

// recordEventInTx records an event id in its own transaction.
func recordEventInTx(ctx context.Context, s *Store, id string) (fresh bool, err error) {
	err = s.WithTx(ctx, func(tx *Tx) error {
		fresh, err = tx.RecordStripeEvent(ctx, id, "test")
		return err
	})
	return fresh, err
}

// TestRefundDueMigrationUpgradesOldDatabase drops the column 0103 adds and migrates again.
func TestRefundDueMigrationUpgradesOldDatabase(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := rollbackRefundDue(st.write); err != nil {
		t.Fatal(err)
	}
	if err := st.write.Exec("DELETE FROM migrations WHERE id = ?", "0103_refund_due").Error; err != nil {
		t.Fatal(err)
	}
	if err := Migrate(st.write); err != nil {
		t.Fatal(err)
	}
	if !st.write.Migrator().HasColumn(&model.Booking{}, "refund_due_cents") {
		t.Fatal("refund_due_cents missing after upgrade")
	}
}
