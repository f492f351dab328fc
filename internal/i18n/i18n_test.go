package i18n

import (
	"testing"
	"time"
)

func TestCatalogLoadsEveryLanguage(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, lang, id string
		args           []any
		want           string
	}{
		{"german default", "de", "seats.sold_out", nil, "ausgebucht"},
		{"english", "en", "seats.sold_out", nil, "sold out"},
		{"german plural one", "de", "seats.left", []any{"Count", 1}, "1 Platz frei"},
		{"german plural other", "de", "seats.left", []any{"Count", 3}, "3 Plätze frei"},
		{"english plural", "en", "seats.left", []any{"Count", 3}, "3 seats left"},
		{"unsupported falls back to german", "fr", "seats.sold_out", nil, "ausgebucht"},
		{"missing key shows the key", "en", "no.such.key", nil, "no.such.key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.For(tc.lang).T(tc.id, tc.args...); got != tc.want {
				t.Fatalf("T(%q) = %q, want %q", tc.id, got, tc.want)
			}
		})
	}
}

func TestMatchAcceptLanguage(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, header, want string }{
		{"empty", "", "de"},
		{"english first", "en-US,en;q=0.9,de;q=0.5", "en"},
		{"german first", "de-DE,de;q=0.9,en;q=0.8", "de"},
		{"unknown only", "ja", "de"},
		{"garbage", ";;;", "de"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Match(tc.header); got != tc.want {
				t.Fatalf("Match(%q) = %q, want %q", tc.header, got, tc.want)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	de, en := c.For("de"), c.For("en")
	day := time.Date(2027, 1, 12, 9, 0, 0, 0, time.UTC)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, got, want string }{
		{"german money", de.Money(123450), "1.234,50\u00a0€"},
		{"english money", en.Money(123450), "€1,234.50"},
		{"negative money", de.Money(-990), "-9,90\u00a0€"},
		{"german date", de.Date(day), "Di., 12. Januar 2027"},
		{"english date", en.Date(day), "Tue, 12 January 2027"},
		{"german document day", de.Day(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)), "02.12.2026"},
		{"english document day", en.Day(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)), "2 December 2026"},
		{"german winter time", de.Zone(berlin, day), "deutscher Zeit, MEZ"},
		{"english summer time", en.Zone(berlin, time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC)), "German time, CEST"},
		{"another zone by its abbreviation", en.Zone(time.FixedZone("EST", -5*3600), day), "EST"},
		{"one day range", de.DateRange(day, day.Add(8*time.Hour)), "Di., 12. Januar 2027, 09:00–17:00"},
		{"german duration", de.Duration(960), "2 Tage"},
		{"english half day", en.Duration(240), "4 hours"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Fatalf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}
