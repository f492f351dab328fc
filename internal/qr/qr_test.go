package qr_test

import (
	"testing"

	"seminars/internal/qr"
	"seminars/internal/qr/qrtest"
)

func TestPNGDecodesToTheText(t *testing.T) {
	cases := []struct{ name, text string }{
		{"check-in code", "42-7K3Q-9XMP"},
		{"long id", "18446744073709551615-ABCD-EFGH"},
		{"umlauts", "Müller-Lüdenscheidt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			png, err := qr.PNG(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := qrtest.Decode(t, png); got != c.text {
				t.Fatalf("decoded %q, want %q", got, c.text)
			}
		})
	}
}
