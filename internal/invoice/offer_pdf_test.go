package invoice_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

// TestOfferPDF: an offer prints its number, buyer, proposed dates, price line and totals and its
// validity, in its language; per person as persons × price, flat as one line; any text renders.
func TestOfferPDF(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2027, 2, 10, 9, 0, 0, 0, berlin)
	base := model.Offer{
		Number: "AN-2026-00007", SeminarTitle: "Social Media im Vertrieb", Persons: 12, PriceNetCents: 480000,
		Pricing: model.PricingFlat, VATRateBP: 1900, Format: model.FormatInPerson, City: "Köln", Venue: "Schulungsraum 2",
		Buyer:         model.Party{Name: "Kunde & Co. KG", Contact: "Kim Kunde", Email: "kim@kunde.example"},
		Seller:        model.Party{Name: "Social Media Kompetenz", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		ProposedDates: []model.ProposedDate{{StartsAt: start.UTC(), EndsAt: start.Add(8 * time.Hour).UTC()}},
		IssuedAt:      time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), ValidUntil: time.Date(2027, 1, 1, 0, 0, 0, 0, berlin).UTC(),
	}
	cases := []struct {
		name   string
		mutate func(*model.Offer)
		want   []string
	}{
		{"flat, German", func(o *model.Offer) { o.Language = "de" },
			[]string{"Angebot AN-2026-00007", "Kunde & Co. KG", "Kim Kunde", "10.02.2027, 09:00–17:00", "Pauschalpreis für bis zu 12", "4.800,00 €", "912,00 €", "5.712,00 €", "31.12.2026", "Köln"}},
		{"per person, English", func(o *model.Offer) { o.Language, o.Pricing, o.PriceNetCents = "en", model.PricingPerPerson, 59000 },
			[]string{"Offer AN-2026-00007", "per person", "€590.00", "€7,080.00", "31 December 2026"}},
		{"any text", func(o *model.Offer) {
			o.Language, o.Text = "de", "Grüße 👋 日本語 עברית\nzweite Zeile"
		}, []string{"Grüße", "zweite Zeile"}},
	}
	r := renderer(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := base
			c.mutate(&o)
			pdf, err := r.OfferPDF(o)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := r.OfferPDF(o)
			if string(again) != string(pdf) {
				t.Error("the same offer renders to different bytes")
			}
			text := pdfText(t, pdf)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF lacks %q:\n%s", w, text)
				}
			}
		})
	}
}
