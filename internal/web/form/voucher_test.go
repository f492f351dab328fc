package form

import (
	"testing"
	"time"

	"seminars/internal/model"
)

func TestVoucherValidate(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		form      Voucher
		wantField string // "" = valid
		check     func(model.Voucher) bool
	}{
		{"percent with comma", Voucher{Code: " sommer26 ", Percent: "12,5"}, "",
			func(v model.Voucher) bool {
				return v.Code == "SOMMER26" && v.Kind == model.VoucherPercent && v.PercentBP == 1250
			}},
		{"amount in euros", Voucher{Code: "TREUE", Amount: "49,90"}, "",
			func(v model.Voucher) bool { return v.Kind == model.VoucherFixed && v.AmountCents == 4990 }},
		{"last day in Berlin, through its end", Voucher{Code: "X", Percent: "5", ValidUntil: "2027-06-30"}, "",
			func(v model.Voucher) bool { return v.ValidUntil.Equal(time.Date(2027, 6, 30, 22, 0, 0, 0, time.UTC)) }},
		{"max uses", Voucher{Code: "X", Percent: "5", MaxUses: "20"}, "", func(v model.Voucher) bool { return v.MaxUses == 20 }},
		{"no code", Voucher{Percent: "5"}, "code", nil},
		{"code with a space", Voucher{Code: "A B", Percent: "5"}, "code", nil},
		{"neither discount", Voucher{Code: "X"}, "percent", nil},
		{"both discounts", Voucher{Code: "X", Percent: "5", Amount: "10"}, "percent", nil},
		{"over 100 percent", Voucher{Code: "X", Percent: "101"}, "percent", nil},
		{"zero percent", Voucher{Code: "X", Percent: "0"}, "percent", nil},
		{"negative amount", Voucher{Code: "X", Amount: "-5"}, "amount", nil},
		{"German date", Voucher{Code: "X", Percent: "5", ValidUntil: "30.06.2027"}, "valid_until", nil},
		{"negative max uses", Voucher{Code: "X", Percent: "5", MaxUses: "-1"}, "max_uses", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, errs := c.form.Validate(berlin)
			if c.wantField == "" {
				if len(errs) > 0 || !c.check(v) {
					t.Fatalf("errors %v, voucher %+v", errs, v)
				}
				return
			}
			if errs[c.wantField] == "" {
				t.Fatalf("no error on %s: %v", c.wantField, errs)
			}
		})
	}
}
