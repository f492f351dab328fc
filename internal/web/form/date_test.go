package form

import (
	"testing"
	"time"
)

func TestParseEuros(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"490", 49000, true}, {"490,50", 49050, true}, {"490.50", 49050, true}, {"490,5", 49050, true},
		{"1.490,50", 149050, true}, {"1,490.50", 149050, true}, {"1.490", 149000, true}, {"490 €", 49000, true},
		{"", 0, true}, {"abc", 0, false}, {"-5", 0, false}, {"4,9,0", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := ParseEuros(c.in)
			if got != c.want || ok != c.ok {
				t.Fatalf("ParseEuros(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestDateValidate(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	valid := func() Date {
		return Date{StartsAt: "2027-03-10T09:00", EndsAt: "2027-03-10T17:00", Capacity: 12, PriceNetCents: 49000, Format: "in_person", City: "Berlin"}
	}
	cases := []struct {
		name   string
		change func(*Date)
		field  string
	}{
		{"valid", func(*Date) {}, ""},
		{"ends before start", func(d *Date) { d.EndsAt = "2027-03-10T08:00" }, "ends_at"},
		{"no start", func(d *Date) { d.StartsAt = "" }, "starts_at"},
		{"zero capacity", func(d *Date) { d.Capacity = 0 }, "capacity"},
		{"large capacity within the default maximum", func(d *Date) { d.Capacity = 100_000 }, ""},
		{"capacity above the default maximum", func(d *Date) { d.Capacity = 100_001 }, "capacity"},
		{"capacity at a configured maximum", func(d *Date) { d.MaxCapacity = 50; d.Capacity = 50 }, ""},
		{"capacity above a configured maximum", func(d *Date) { d.MaxCapacity = 50; d.Capacity = 51 }, "capacity"},
		{"in person without city", func(d *Date) { d.City = "" }, "city"},
		{"online without link", func(d *Date) { d.Format = "online"; d.City = "" }, "online_url"},
		{"online with javascript link", func(d *Date) { d.Format = "online"; d.OnlineURL = "javascript:alert(1)" }, "online_url"},
		{"unknown format", func(d *Date) { d.Format = "hybrid" }, "format"},
		{"early bird above price", func(d *Date) { d.EarlyBirdNetCents = 50000; d.EarlyBirdUntil = "2027-02-01" }, "early_bird_net_cents"},
		{"early bird without day", func(d *Date) { d.EarlyBirdNetCents = 39000 }, "early_bird_until"},
		{"bad status", func(d *Date) { d.Status = "cancelled" }, "status"},
		{"minimum equal to capacity", func(d *Date) { d.MinParticipants = 12 }, ""},
		{"minimum above capacity", func(d *Date) { d.MinParticipants = 13 }, "min_participants"},
		{"negative minimum", func(d *Date) { d.MinParticipants = -1 }, "min_participants"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := valid()
			c.change(&f)
			d, errs := f.Validate(berlin)
			if c.field == "" {
				if len(errs) > 0 {
					t.Fatalf("errors %v", errs)
				}
				if got := d.StartsAt.Format(time.RFC3339); got != "2027-03-10T08:00:00Z" {
					t.Fatalf("Berlin 09:00 stored as %s, want 08:00 UTC", got)
				}
				return
			}
			if errs[c.field] == "" {
				t.Fatalf("no error on %s: %v", c.field, errs)
			}
		})
	}
}

// TestDateMinParticipantsFromForm reads the minimum from the HTML form: empty is no minimum, a
// number is kept, anything else is refused.
func TestDateMinParticipantsFromForm(t *testing.T) {
	cases := []struct {
		name, typed string
		want        int
		field       bool
	}{
		{"empty", "", 0, false},
		{"a number", " 6 ", 6, false},
		{"not a number", "sechs", 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := DateFromValues(map[string][]string{"starts_at": {"2027-03-10T09:00"}, "ends_at": {"2027-03-10T17:00"},
				"capacity": {"12"}, "format": {"online"}, "online_url": {"https://meet.example/x"}, "min_participants": {c.typed}})
			d, errs := f.Validate(time.UTC)
			if c.field {
				if errs["min_participants"] == "" {
					t.Fatalf("no error on min_participants: %v", errs)
				}
				return
			}
			if len(errs) > 0 || d.MinParticipants != c.want {
				t.Fatalf("min = %d, errors %v; want %d", d.MinParticipants, errs, c.want)
			}
		})
	}
}
