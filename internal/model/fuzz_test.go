package model_test

import (
	"errors"
	"math"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"seminars/internal/model"
)

// FuzzTextRule: whatever the input, Line and Paragraphs either refuse it with a FieldError
// naming the field and a known reason, or return text that keeps the rule — valid UTF-8, NFC,
// trimmed, within the limit, no control characters (Paragraphs: only LF and TAB), and that the
// rule accepts unchanged a second time (normalising is idempotent).
func FuzzTextRule(f *testing.F) {
	for _, seed := range []string{"", "Müller", "Firma\xff\xfe", "a\x00b", "Max\r\nBcc: x", "😀 株式会社 שלום", "Zoe\u0308", "\u2028", "\ufffe", " padded\t", strings.Repeat("é", 60)} {
		f.Add(seed, uint8(50))
	}
	f.Fuzz(func(t *testing.T, value string, limit uint8) {
		maxLen := int(limit)
		line, err := model.Line("f", value, maxLen)
		checkOutcome(t, "Line", value, line, err, maxLen, false)
		para, err := model.Paragraphs("f", value, maxLen)
		checkOutcome(t, "Paragraphs", value, para, err, maxLen, true)
		if _, err := model.Line("f", value, maxLen); err == nil && !strings.ContainsAny(value, "\r\n") {
			if _, perr := model.Paragraphs("f", value, maxLen); perr != nil {
				t.Fatalf("%+q: a valid line is not valid paragraphs: %v", value, perr)
			}
		}
	})
}

func checkOutcome(t *testing.T, rule, in, out string, err error, maxLen int, multiline bool) {
	t.Helper()
	if err != nil {
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != "f" || !errors.Is(err, model.ErrInvalidInput) {
			t.Fatalf("%s(%+q): error %v is not a FieldError for f", rule, in, err)
		}
		switch fe.Reason {
		case model.ReasonInvalidUTF8, model.ReasonControl, model.ReasonLineBreak, model.ReasonTooLong:
		default:
			t.Fatalf("%s(%+q): unexpected reason %q", rule, in, fe.Reason)
		}
		if !utf8.ValidString(in) && fe.Reason != model.ReasonInvalidUTF8 {
			t.Fatalf("%s(%+q): invalid UTF-8 refused as %q", rule, in, fe.Reason)
		}
		return
	}
	if !utf8.ValidString(in) {
		t.Fatalf("%s accepted invalid UTF-8 %+q", rule, in)
	}
	if !norm.NFC.IsNormalString(out) || strings.TrimSpace(out) != out || utf8.RuneCountInString(out) > maxLen {
		t.Fatalf("%s(%+q) = %+q: not NFC, not trimmed or longer than %d", rule, in, out, maxLen)
	}
	for _, r := range out {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == 0x2028 || r == 0x2029 {
			t.Fatalf("%s(%+q) = %+q keeps control or line break %U", rule, in, out, r)
		}
	}
	again := model.Line
	if multiline {
		again = model.Paragraphs
	}
	if twice, err := again("f", out, maxLen); err != nil || twice != out {
		t.Fatalf("%s is not idempotent: %+q → %+q → %+q (%v)", rule, in, out, twice, err)
	}
}

// FuzzNamesAndAddresses: an accepted display name survives a mail header both ways and carries
// no address of its own; an accepted e-mail address is one net/mail reads back unchanged.
func FuzzNamesAndAddresses(f *testing.F) {
	for _, seed := range []string{"Anna Müller", `Anna; "Dr." <x>:y`, `"<a@b.c>"`, "=?utf-8?q?x?=", "a@b.example", "a@localhost", "😀@x.de", `"a b"@c.de`, "x\x00@y.de"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if name, err := model.DisplayName("n", value, 200); err == nil {
			if !model.EncodableName(name) {
				t.Fatalf("accepted name %+q cannot be encoded", name)
			}
			if _, err := model.Line("n", name, 200); err != nil {
				t.Fatalf("accepted name %+q breaks the text rule: %v", name, err)
			}
			written := (&mail.Address{Name: name, Address: "to@example.org"}).String()
			if back, err := mail.ParseAddress(written); err != nil || back.Address != "to@example.org" {
				t.Fatalf("name %+q changes the address: %q → %v %v", name, written, back, err)
			}
		}
		if addr, err := model.Mailbox("e", value); err == nil {
			parsed, perr := mail.ParseAddress(addr)
			if perr != nil || parsed.Address != addr || utf8.RuneCountInString(addr) > model.MaxEmailLen {
				t.Fatalf("accepted address %+q: %v %v", addr, parsed, perr)
			}
			if again, err := model.Mailbox("e", addr); err != nil || again != addr {
				t.Fatalf("Mailbox not idempotent on %+q", addr)
			}
		}
		if addr, err := model.Email("e", value); err == nil {
			if _, err := model.Mailbox("e", addr); err != nil || !strings.Contains(addr[strings.LastIndex(addr, "@"):], ".") {
				t.Fatalf("Email accepted %+q that Mailbox refuses or without a dot in the domain", addr)
			}
		}
	})
}

// FuzzParseID: an accepted id is 1..MaxInt64 and is the decimal number typed; a decimal number
// in that range is accepted.
func FuzzParseID(f *testing.F) {
	for _, seed := range []string{"1", "0", "007", "9223372036854775807", "9223372036854775808", "-1", "+1", " 1", "1e3", "", "١٢"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		id, err := model.ParseID("id", value)
		n, perr := strconv.ParseInt(value, 10, 64)
		plain := value != "" && strings.TrimLeft(value, "0123456789") == ""
		switch {
		case err == nil && (id < 1 || uint64(id) > math.MaxInt64 || perr != nil || uint64(n) != uint64(id) || !plain):
			t.Fatalf("ParseID(%q) = %d, but it is not a plain id in range", value, id)
		case err != nil && plain && perr == nil && n >= 1 && len(value) <= 19:
			t.Fatalf("ParseID(%q) refused a plain id in range: %v", value, err)
		}
	})
}

// FuzzMoney: VAT is within half a cent of the exact amount and symmetric for credit notes; totals
// add up; the net of a gross computed from a net is that net again; a discount is never negative
// nor more than the total; a cancellation fee is never more than the amount.
func FuzzMoney(f *testing.F) {
	f.Add(int64(49000), 1900, 1000, 50)
	f.Add(int64(1), 700, 1, 100)
	f.Add(int64(-98001), 1900, 10000, 0)
	f.Add(int64(999_999_999_999), 10000, 9999, 33)
	f.Fuzz(func(t *testing.T, net int64, rate, percent, fee int) {
		net %= 1_000_000_000_000 // up to ten billion euros
		rate, percent, fee = abs(rate)%10001, abs(percent)%10001, abs(fee)%101
		vat := model.VAT(net, rate)
		if diff := vat*10000 - net*int64(rate); diff > 5000 || diff < -5000 {
			t.Fatalf("VAT(%d, %d) = %d is more than half a cent off", net, rate, vat)
		}
		if model.VAT(-net, rate) != -vat {
			t.Fatalf("VAT(%d) = %d but VAT(%d) = %d", net, vat, -net, model.VAT(-net, rate))
		}
		tot := model.ComputeTotals(net, rate)
		if tot.GrossCents != tot.NetCents+tot.VATCents || tot.VATCents != vat || model.Gross(net, rate) != tot.GrossCents {
			t.Fatalf("totals of %d at %d do not add up: %+v", net, rate, tot)
		}
		if back := model.NetOfGross(tot.GrossCents, rate); back != net {
			t.Fatalf("NetOfGross(Gross(%d)) = %d", net, back)
		}
		v := model.Voucher{Kind: model.VoucherPercent, PercentBP: percent}
		if d := v.Discount(net); d < 0 || d > max(net, 0) {
			t.Fatalf("%d bp off %d = %d", percent, net, d)
		}
		fixed := model.Voucher{Kind: model.VoucherFixed, AmountCents: int64(fee) * 1000}
		if d := fixed.Discount(net); d < 0 || d > max(net, 0) {
			t.Fatalf("%d off %d = %d", fixed.AmountCents, net, d)
		}
		start := time.Date(2030, 5, 1, 9, 0, 0, 0, time.UTC)
		gross := max(tot.GrossCents, 0)
		charged := model.CancellationPolicy{FreeDays: 14, FeePercent: fee}.Fee(gross, start, start.Add(-time.Hour))
		if charged < 0 || charged > gross {
			t.Fatalf("fee %d%% of %d = %d", fee, gross, charged)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == math.MinInt {
			return 0
		}
		return -n
	}
	return n
}
