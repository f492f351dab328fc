package store_test

import (
	"context"
	"errors"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := st.Setting(ctx, "nothing"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("missing setting: %v", err)
		}
		var first, second string
		if err := st.WithTx(ctx, func(tx *store.Tx) (err error) { first, err = tx.SettingOnce(ctx, "key", "one"); return }); err != nil {
			t.Fatal(err)
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) (err error) { second, err = tx.SettingOnce(ctx, "key", "two"); return }); err != nil {
			t.Fatal(err)
		}
		if first != "one" || second != "one" {
			t.Fatalf("SettingOnce gave %q then %q: the first value must stay", first, second)
		}
		if n, err := st.CounterSetting(ctx, "counter"); err != nil || n != 0 {
			t.Fatalf("missing counter: %d, %v", n, err)
		}
		for want := int64(1); want <= 3; want++ {
			var n int64
			if err := st.WithTx(ctx, func(tx *store.Tx) (err error) { n, err = tx.IncrementCounterSetting(ctx, "counter"); return }); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Fatalf("increment gave %d, want %d", n, want)
			}
		}
		if n, err := st.CounterSetting(ctx, "counter"); err != nil || n != 3 {
			t.Fatalf("counter read back: %d, %v", n, err)
		}
	})
}
