package main

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"text/tabwriter"
	"time"

	"seminars/internal/config"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestVoucherListInBatches: voucher list reads the codes a batch at a time and still prints
// exactly what text/tabwriter printed over the whole list (same columns, newest first), whether
// the list is empty, fits one batch, or spans several with a wide code in the last one.
func TestVoucherListInBatches(t *testing.T) {
	cases := []struct {
		name string
		n    int
	}{
		{"no vouchers", 0},
		{"one", 1},
		{"one batch exactly", voucherBatch},
		{"three batches, the widest code in the oldest", 2*voucherBatch + 7},
	}
	for _, db := range storetest.Databases {
		t.Run(db.Name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					clk := storetest.NewClock(t)
					st := db.OpenAt(t, clk)
					cfg := config.Config{Location: storetest.Berlin()}
					seedVouchers(t, st, tc.n, clk.Now())
					var got bytes.Buffer
					if err := voucherList(context.Background(), cfg, st, &got); err != nil {
						t.Fatal(err)
					}
					if want := wholeVoucherList(t, st, cfg); got.String() != want {
						t.Errorf("got\n%s\nwant\n%s", got.String(), want)
					}
				})
			}
		})
	}
}

func seedVouchers(t *testing.T, st *store.Store, n int, now time.Time) {
	t.Helper()
	until := now.AddDate(0, 3, 0)
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			v := model.Voucher{Code: fmt.Sprintf("CODE%d", i), Kind: model.VoucherPercent, PercentBP: 50 * (i%40 + 1), Uses: i % 13}
			if i == 0 {
				v.Code = "AVERYLONGCODEFROMTHEFIRSTDAYS"
			}
			if i%3 == 0 {
				v.Kind, v.PercentBP, v.AmountCents = model.VoucherFixed, 0, int64(100*i+5)
			}
			if i%4 == 0 {
				v.MaxUses, v.ValidUntil = 20+i, &until
			}
			if err := tx.CreateVoucher(context.Background(), &v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// wholeVoucherList is the list as it was printed before: every voucher read at once and laid
// out by text/tabwriter.
func wholeVoucherList(t *testing.T, st *store.Store, cfg config.Config) string {
	t.Helper()
	vs, err := st.VouchersBefore(context.Background(), 0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := tabwriter.NewWriter(&out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tDISCOUNT\tUSES\tVALID UNTIL")
	for _, v := range vs {
		c := voucherCells(v, cfg)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", c[0], c[1], c[2], c[3])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
