package model_test

import (
	"testing"

	"seminars/internal/model"
)

func TestInvoiceNumberAndNetOfGross(t *testing.T) {
	numbers := []struct {
		kind      string
		year, seq int
		want      string
	}{
		{model.InvoiceKindInvoice, 2026, 42, "RE-2026-00042"},
		{model.InvoiceKindCreditNote, 2026, 7, "GS-2026-00007"},
	}
	for _, c := range numbers {
		if got := model.InvoiceNumber(c.kind, c.year, c.seq); got != c.want {
			t.Errorf("%s %d/%d: %s, want %s", c.kind, c.year, c.seq, got, c.want)
		}
	}
	nets := []struct {
		name  string
		gross int64
		rate  int
		want  int64
	}{
		{"exact", 119000, 1900, 100000},
		{"rounds half up", 119, 1900, 100},
		{"one cent", 1, 1900, 1},
		{"negative mirrors", -119000, 1900, -100000},
		{"no VAT", 5000, 0, 5000},
	}
	for _, c := range nets {
		if got := model.NetOfGross(c.gross, c.rate); got != c.want {
			t.Errorf("%s: NetOfGross(%d, %d) = %d, want %d", c.name, c.gross, c.rate, got, c.want)
		}
	}
}
