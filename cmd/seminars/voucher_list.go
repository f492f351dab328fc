package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"seminars/internal/config"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/web/form"
)

// voucherBatch is how many vouchers voucher list holds in memory at a time.
const voucherBatch = 500

// voucherHeader is the list's header row.
var voucherHeader = []string{"CODE", "DISCOUNT", "USES", "VALID UNTIL"}

// voucherList prints every voucher, newest first, in aligned columns, reading them in batches so
// that its memory does not grow with the number of codes. The columns look as text/tabwriter
// laid them out when the whole list was held (each as wide as its widest cell plus two spaces):
// a first pass over the batches measures the widths, a second writes the rows. Both passes end
// at the newest voucher of the first, so a code created meanwhile is in neither.
func voucherList(ctx context.Context, cfg config.Config, st *store.Store, stdout io.Writer) error {
	widths := make([]int, len(voucherHeader))
	measure := func(cells []string) {
		for i, c := range cells {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	measure(voucherHeader)
	var newest uint
	err := eachVoucherBatch(ctx, st, 0, func(vs []model.Voucher) error {
		if newest == 0 {
			newest = vs[0].ID
		}
		for _, v := range vs {
			measure(voucherCells(v, cfg))
		}
		return nil
	})
	if err != nil {
		return err
	}
	var line strings.Builder
	write := func(cells []string) error {
		line.Reset()
		for i, c := range cells {
			line.WriteString(c)
			if i < len(cells)-1 { // the last column is not padded
				line.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		line.WriteByte('\n')
		_, err := io.WriteString(stdout, line.String())
		return err
	}
	if err := write(voucherHeader); err != nil || newest == 0 {
		return err
	}
	return eachVoucherBatch(ctx, st, newest+1, func(vs []model.Voucher) error {
		for _, v := range vs {
			if err := write(voucherCells(v, cfg)); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachVoucherBatch calls fn with the vouchers below before (0: all), newest first, a batch at a
// time.
func eachVoucherBatch(ctx context.Context, st *store.Store, before uint, fn func([]model.Voucher) error) error {
	for {
		vs, err := st.VouchersBefore(ctx, before, voucherBatch)
		if err != nil || len(vs) == 0 {
			return err
		}
		if err := fn(vs); err != nil {
			return err
		}
		before = vs[len(vs)-1].ID
	}
}

// voucherCells is one voucher's row of the list.
func voucherCells(v model.Voucher, cfg config.Config) []string {
	discount := fmt.Sprintf("%.2f %%", float64(v.PercentBP)/100)
	if v.Kind == model.VoucherFixed {
		discount = fmt.Sprintf("%.2f EUR", float64(v.AmountCents)/100)
	}
	limit, until := "∞", "–"
	if v.MaxUses > 0 {
		limit = fmt.Sprint(v.MaxUses)
	}
	if v.ValidUntil != nil {
		until = form.VoucherLastDay(v, cfg.Location) // the last valid day, as it was given
	}
	return []string{v.Code, discount, fmt.Sprintf("%d/%s", v.Uses, limit), until}
}
